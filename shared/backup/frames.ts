/**
 * The backup file's two layouts (the renderer seals and opens them with WebCrypto, main opens
 * them with node:crypto and node:zlib — both read the text through this one parser):
 *
 * - format 1 (made before issue 28): one JSON object, the whole database as one JSON text,
 *   AES-256-GCM sealed and written in base64 (`backupFileV1Schema`). Still read, never written.
 * - format 2: text lines. Line 1 is the head (format, version, the clear header, the wrapped key,
 *   the compression); every further line is one CHUNK of one table: up to `BACKUP_CHUNK_ROWS`
 *   rows as JSON, gzip-compressed, then AES-256-GCM sealed with the same key and its own IV, in
 *   base64. Each chunk's additional data is the file's (header + wrapped key) followed by its
 *   place `[index, table, rows]`, so a chunk moved, repeated, swapped between files or cut out is
 *   refused; a chunk left off at the end shows in the header's counts. Compression comes before
 *   encryption (ciphertext does not compress). Per-table chunks keep the work bounded: a chunk is
 *   sealed or opened at a time, the event loop runs between them, and the progress is known.
 */
import { z } from 'zod';
import {
  additionalDataText,
  BACKUP_FORMAT,
  base64Schema as b64,
  backupHeaderSchema,
  wrappedKeySchema,
  type BackupHeader,
  type WrappedKey,
} from './format';

/** The format this version writes. */
export const BACKUP_FORMAT_VERSION = 2;

/** Rows per chunk: a chunk is ≈ 1 MB of JSON for the widest tables (cases, audit rows). */
export const BACKUP_CHUNK_ROWS = 2_000;

export const backupFileV1Schema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(1),
    header: backupHeaderSchema,
    passphraseKey: wrappedKeySchema,
    iv: b64.length(16),
    data: b64,
  })
  .strict();
export type BackupFileV1 = z.output<typeof backupFileV1Schema>;

export const backupHeadSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(2),
    header: backupHeaderSchema,
    passphraseKey: wrappedKeySchema,
    compression: z.literal('gzip'),
  })
  .strict();
export type BackupHead = z.output<typeof backupHeadSchema>;

/** One sealed chunk: `rows` rows of `table` (a line of the file after the head). */
export const backupChunkSchema = z
  .object({
    table: z.string().min(1).max(60),
    rows: z.number().int().min(1).max(BACKUP_CHUNK_ROWS),
    iv: b64.length(16),
    data: b64,
  })
  .strict();
export type BackupChunk = z.output<typeof backupChunkSchema>;

/** What the clear part of any backup file says: the header and the wrapped key. */
export type BackupEnvelope = { header: BackupHeader; passphraseKey: WrappedKey };

export type ParsedBackup =
  | (BackupEnvelope & { formatVersion: 1; file: BackupFileV1 })
  | (BackupEnvelope & { formatVersion: 2; chunkLines: string[] });

/**
 * The file text split into its parts, nothing decrypted; null for a text that is not a backup of
 * a known format (its chunks are parsed one at a time by `parseChunk`, as they are opened).
 */
export function parseBackupText(text: string): ParsedBackup | null {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  let parsed: unknown;
  try {
    parsed = JSON.parse(first);
  } catch {
    return null;
  }
  if (end < 0) {
    const v1 = backupFileV1Schema.safeParse(parsed);
    return v1.success
      ? { formatVersion: 1, file: v1.data, header: v1.data.header, passphraseKey: v1.data.passphraseKey }
      : null;
  }
  const head = backupHeadSchema.safeParse(parsed);
  if (!head.success) return null;
  return {
    formatVersion: 2,
    header: head.data.header,
    passphraseKey: head.data.passphraseKey,
    chunkLines: text.slice(end + 1).split('\n'),
  };
}

/** One chunk line, checked; null when it is not one (a damaged or cut file). */
export function parseChunk(line: string): BackupChunk | null {
  try {
    const c = backupChunkSchema.safeParse(JSON.parse(line));
    return c.success ? c.data : null;
  } catch {
    return null;
  }
}

/** The additional data of chunk `index`: the file's (header + wrapped key) and the chunk's place. */
export function chunkAdditionalDataText(envelope: BackupEnvelope, index: number, table: string, rows: number): string {
  return `${additionalDataText(envelope.header, envelope.passphraseKey)}\n${JSON.stringify([index, table, rows])}`;
}

/** The head line of a format-2 file. */
export function headLine(envelope: BackupEnvelope): string {
  const head: BackupHead = { format: BACKUP_FORMAT, formatVersion: 2, ...envelope, compression: 'gzip' };
  return JSON.stringify(head);
}

/**
 * Keeps the running totals of an opened file's chunks and checks them against the header's
 * counts at the end: every table named, no table the header does not count, no row more or less.
 */
export class ChunkTally {
  private readonly seen = new Map<string, number>();
  constructor(private readonly counts: Record<string, number>) {}

  /** False when the chunk names a table the header does not count or goes past its count. */
  add(table: string, rows: number): boolean {
    const expected = this.counts[table];
    if (expected === undefined) return false;
    const now = (this.seen.get(table) ?? 0) + rows;
    this.seen.set(table, now);
    return now <= expected;
  }

  /** Every counted table complete. */
  complete(): boolean {
    return Object.entries(this.counts).every(([t, n]) => (this.seen.get(t) ?? 0) === n);
  }

  /** Rows opened so far, and in all. */
  progress(): { done: number; total: number } {
    let done = 0;
    for (const n of this.seen.values()) done += n;
    return { done, total: Object.values(this.counts).reduce((a, b) => a + b, 0) };
  }
}
