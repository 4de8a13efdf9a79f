/**
 * Sealing and opening a backup file (shared/backup/format.ts, layouts: frames.ts) with WebCrypto,
 * in the renderer and in Node alike (so the restore drill runs in Vitest too):
 * - the data: per table, chunks of rows gzip-compressed, then AES-256-GCM with the machine's
 *   backup key, a fresh 96-bit IV per chunk, the header, the wrapped key and the chunk's place
 *   as additional data — any changed byte anywhere fails a tag (format 1 files, one sealed JSON
 *   text, are still opened);
 * - the key: also in the file, wrapped (AES-GCM) with a key derived from the admin's backup
 *   passphrase (PBKDF2-SHA256, 600,000 iterations, random salt), for a restore elsewhere.
 * Opening refuses, with a Chinese message and before anything is touched: a file that is not
 * a backup or is cut short, a newer schema, a wrong passphrase, a changed byte.
 */
import { additionalDataText, PASSPHRASE_ITERATIONS, type BackupHeader, type WrappedKey } from '@shared/backup/format';
import {
  BACKUP_CHUNK_ROWS,
  ChunkTally,
  chunkAdditionalDataText,
  headLine,
  parseBackupText,
  parseChunk,
  type BackupChunk,
  type BackupEnvelope,
  type BackupFileV1,
  type ParsedBackup,
} from '@shared/backup/frames';
import { gunzipText, gzipText } from './gzip';
import type { OnBackupProgress } from './progress';
import { normalizePassphrase, passphraseForms } from '@shared/backup/passphrase';
import { fromB64Strict, toB64 } from '../bytes';
import { DomainRefusal } from '../refusal';

/** The machine's backup key: the AES key itself and the copy of it wrapped with the passphrase. */
export type BackupKey = { keyId: string; key: CryptoKey; passphraseKey: WrappedKey };

export type BackupTables = Record<string, unknown[]>;

export const BACKUP_MESSAGES = {
  notBackup: '这个文件不是值班台的备份，或者已经损坏（不完整），不能恢复',
  newer: (schema: number) => `这个备份来自更新版本的值班台（数据版本 ${schema}），请先升级本机的值班台再恢复`,
  needPassphrase: '这个备份不是本机制作的，请输入制作它时设置的备份密码',
  wrongPassphrase: '备份密码不正确',
  tampered: '备份文件内容已被改动或损坏，校验未通过，不能恢复',
} as const;

const enc = new TextEncoder();
const dec = new TextDecoder();

/** What the tag covers besides the data: the header and the wrapped key, in a fixed order. */
const additionalData = (header: BackupHeader, wrapped: WrappedKey) => enc.encode(additionalDataText(header, wrapped));

/** The wrapping key derived from `text` (already one of passphrase.ts's forms). */
async function passphraseKey(text: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', enc.encode(text), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * A new backup key, with its copy wrapped by `passphrase`. The returned key is not extractable;
 * `raw` is for the machine's key store (Electron safeStorage) and must not be kept elsewhere.
 */
export async function newBackupKey(
  passphrase: string,
  iterations = PASSPHRASE_ITERATIONS,
): Promise<{ backupKey: BackupKey; raw: Uint8Array<ArrayBuffer> }> {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapping = await passphraseKey(normalizePassphrase(passphrase), salt, iterations);
  const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, wrapping, raw));
  const keyId = toB64(crypto.getRandomValues(new Uint8Array(12)));
  return {
    raw,
    backupKey: {
      keyId,
      key: await importBackupKey(raw),
      passphraseKey: { kdf: 'PBKDF2-SHA256', iterations, salt: toB64(salt), iv: toB64(iv), wrapped: toB64(wrapped) },
    },
  };
}

export function importBackupKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/**
 * The backup key unwrapped with the passphrase (each of its forms: passphraseForms).
 * @throws DomainRefusal when it is wrong.
 */
export async function unwrapWithPassphrase(w: WrappedKey, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  const [salt, iv, wrapped] = [strictB64(w.salt), strictB64(w.iv), strictB64(w.wrapped)];
  for (const text of passphraseForms(passphrase)) {
    const wrapping = await passphraseKey(text, salt, w.iterations);
    try {
      return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, wrapping, wrapped));
    } catch {
      // the next form, if any
    }
  }
  throw new DomainRefusal(BACKUP_MESSAGES.wrongPassphrase, 'passphrase');
}

/** One chunk before sealing: `rows` rows of `table`, as JSON, gzip-compressed (`packRows`). */
export type PackedChunk = { table: string; rows: number; packed: Uint8Array<ArrayBuffer> };

/** Rows as one chunk's compressed bytes (compression comes before encryption: ciphertext does not compress). */
export async function packRows(table: string, rows: readonly unknown[]): Promise<PackedChunk> {
  return { table, rows: rows.length, packed: await gzipText(JSON.stringify(rows)) };
}

/**
 * The file text of packed chunks (format 2: a head line, then each chunk sealed in its place).
 * The header is known only here (its counts and audit heads cover every chunk), so the chunks are
 * compressed first — while the database is still being read (make.ts) — and sealed last: AES-GCM
 * is the cheap part.
 */
export async function sealChunks(
  chunks: readonly PackedChunk[],
  header: Omit<BackupHeader, 'keyId'>,
  key: BackupKey,
  onProgress?: OnBackupProgress,
): Promise<string> {
  const envelope: BackupEnvelope = { header: { ...header, keyId: key.keyId }, passphraseKey: key.passphraseKey };
  const lines = [headLine(envelope)];
  const total = chunks.reduce((n, c) => n + c.rows, 0);
  let done = 0;
  for (const { table, rows, packed } of chunks) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const additionalData = enc.encode(chunkAdditionalDataText(envelope, lines.length - 1, table, rows));
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key.key, packed);
    const chunk: BackupChunk = { table, rows, iv: toB64(iv), data: toB64(new Uint8Array(sealed)) };
    lines.push(JSON.stringify(chunk));
    done += rows;
    onProgress?.({ step: 'seal', table, done, total });
  }
  // The head line always ends with a newline (a file of an empty database has no chunk).
  return lines.length === 1 ? `${lines[0]}\n` : lines.join('\n');
}

/** The file text of a backup of `tables` (format 2: a head line, then gzip-compressed sealed chunks). */
export async function sealBackup(
  tables: BackupTables,
  header: Omit<BackupHeader, 'keyId'>,
  key: BackupKey,
  onProgress?: OnBackupProgress,
): Promise<string> {
  const chunks: PackedChunk[] = [];
  for (const [table, rows] of Object.entries(tables))
    for (let at = 0; at < rows.length; at += BACKUP_CHUNK_ROWS)
      chunks.push(await packRows(table, rows.slice(at, at + BACKUP_CHUNK_ROWS)));
  return sealChunks(chunks, header, key, onProgress);
}

/** Base64 that is exactly what it decodes to (no ignored bits): a changed character always shows. */
function strictB64(s: string): Uint8Array<ArrayBuffer> {
  try {
    return fromB64Strict(s);
  } catch {
    throw new DomainRefusal(BACKUP_MESSAGES.tampered);
  }
}

/** The clear part of a backup file (header, wrapped key, layout), nothing decrypted. @throws DomainRefusal */
export function readBackupHeader(text: string, currentSchema: number): ParsedBackup {
  const file = parseBackupText(text);
  if (!file) throw new DomainRefusal(BACKUP_MESSAGES.notBackup);
  if (file.header.schema > currentSchema) throw new DomainRefusal(BACKUP_MESSAGES.newer(file.header.schema));
  return file;
}

export type OpenOptions = {
  currentSchema: number;
  /** This machine's key, if it has one. */
  machineKey?: BackupKey | null;
  passphrase?: string;
  onProgress?: OnBackupProgress;
  /** 检查备份: every chunk decrypted and checked, no row kept (the tables come back empty). */
  verifyOnly?: boolean;
};

export type OpenedBackup = { header: BackupHeader; tables: BackupTables; rawKey?: Uint8Array<ArrayBuffer> };

/** Decrypts and verifies a backup; nothing is touched. @throws DomainRefusal (BACKUP_MESSAGES) */
export async function openBackup(text: string, o: OpenOptions): Promise<OpenedBackup> {
  const file = readBackupHeader(text, o.currentSchema);
  let key: CryptoKey;
  let rawKey: Uint8Array<ArrayBuffer> | undefined;
  if (o.machineKey && o.machineKey.keyId === file.header.keyId && !o.passphrase) key = o.machineKey.key;
  else if (o.passphrase) {
    rawKey = await unwrapWithPassphrase(file.passphraseKey, o.passphrase);
    key = await importBackupKey(rawKey);
  } else throw new DomainRefusal(BACKUP_MESSAGES.needPassphrase, 'passphrase');
  const tables = file.formatVersion === 1 ? await openV1(file.file, key) : await openChunks(file, key, o);
  return { header: file.header, tables: o.verifyOnly ? {} : tables, ...(rawKey ? { rawKey } : {}) };
}

const tampered = () => new DomainRefusal(BACKUP_MESSAGES.tampered);

/** Format 1: the whole database as one sealed JSON text. */
async function openV1(file: BackupFileV1, key: CryptoKey): Promise<BackupTables> {
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: strictB64(file.iv), additionalData: additionalData(file.header, file.passphraseKey) },
      key,
      strictB64(file.data),
    );
  } catch {
    throw tampered();
  }
  let tables: unknown;
  try {
    tables = JSON.parse(dec.decode(plain));
  } catch {
    throw tampered();
  }
  if (!tables || typeof tables !== 'object' || Array.isArray(tables)) throw tampered();
  for (const [name, rows] of Object.entries(tables))
    if (!Array.isArray(rows) || rows.length !== file.header.counts[name]) throw tampered();
  return tables as BackupTables;
}

/** Format 2: chunk by chunk, each decrypted, decompressed and counted; the totals checked at the end. */
async function openChunks(
  file: Extract<ParsedBackup, { formatVersion: 2 }>,
  key: CryptoKey,
  o: Pick<OpenOptions, 'onProgress' | 'verifyOnly'>,
): Promise<BackupTables> {
  const tally = new ChunkTally(file.header.counts);
  const tables = new Map<string, unknown[]>(Object.keys(file.header.counts).map((t) => [t, []]));
  for (const [index, line] of file.chunkLines.entries()) {
    const chunk = parseChunk(line);
    if (!chunk || !tally.add(chunk.table, chunk.rows)) throw tampered();
    let rows: unknown;
    try {
      const plain = await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: strictB64(chunk.iv),
          additionalData: enc.encode(chunkAdditionalDataText(file, index, chunk.table, chunk.rows)),
        },
        key,
        strictB64(chunk.data),
      );
      rows = JSON.parse(await gunzipText(new Uint8Array(plain)));
    } catch {
      throw tampered();
    }
    if (!Array.isArray(rows) || rows.length !== chunk.rows) throw tampered();
    if (!o.verifyOnly) {
      const into = tables.get(chunk.table)!;
      for (const row of rows) into.push(row);
    }
    o.onProgress?.({ step: 'open', table: chunk.table, ...tally.progress() });
  }
  if (!tally.complete()) throw tampered();
  return Object.fromEntries(tables);
}
