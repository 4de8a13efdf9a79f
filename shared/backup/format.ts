/**
 * The backup file (.ddbak): UTF-8 text with a clear header (what the restore screen shows
 * before anything is decrypted: date, maker, schema, counts — no personal data) and the data,
 * AES-256-GCM encrypted with the machine's backup key, the header as additional data (so a
 * changed header fails the GCM tag too). The key travels in the file only wrapped with the
 * admin's backup passphrase (PBKDF2-SHA256), for a restore on another machine. The layouts
 * (format 1: one JSON object; format 2: a head line and gzip-compressed chunks per table) are
 * frames.ts.
 */
import { z } from 'zod';
import { DESK_NAME_MAX, DESK_NUMBER_MAX, DESK_NUMBER_MIN } from '../domain/deskNumber';
import type { BackupKind } from './retention';

/**
 * The zod schema lives here, beside the other stored shapes, not in deskNumber.ts: the app's first
 * screen reads the desk's rules without loading zod (the initial JavaScript budget).
 */
/** A desk identity as kept (machine settings, a backup's header): checked, already normalised. */
export const deskIdentitySchema = z
  .object({
    no: z.number().int().min(DESK_NUMBER_MIN).max(DESK_NUMBER_MAX),
    name: z
      .string()
      .min(1)
      .refine((n) => n.trim() === n && Array.from(n).length <= DESK_NAME_MAX),
  })
  .strict();

export const BACKUP_FORMAT = 'duty-desk-backup';
export const BACKUP_EXTENSION = 'ddbak';
export const PASSPHRASE_ITERATIONS = 600_000;

/** Base64 text (the file's binary parts). */
export const base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const b64 = base64Schema;

/** The audit chain's heads, `[desk, deskSeq, hash]` (shared/domain/auditChain.ts), one per desk. */
export const auditHeadsSchema = z
  .array(z.tuple([z.number().int().min(0).max(999), z.number().int().nonnegative(), z.string().regex(/^[a-p]{64}$/)]))
  .max(100);

export const backupHeaderSchema = z
  .object({
    app: z.string().max(40),
    schema: z.number().int().positive(),
    createdAt: z.number().int().nonnegative(),
    createdBy: z.string().max(100).nullable(),
    community: z.string().max(20),
    /** The desk of its center that made it (absent in backups made before desks were numbered). */
    desk: deskIdentitySchema.optional(),
    generation: z.string().max(100),
    kind: z.enum(['regular', 'preUpgrade', 'preRestore']),
    counts: z.record(z.string().max(60), z.number().int().nonnegative()),
    /** Which machine key encrypted it (restore on that machine needs no passphrase). */
    keyId: z.string().max(100),
    /** The audit chain's head of each desk in the backup's log (absent before issue 23). */
    auditHeads: auditHeadsSchema.optional(),
  })
  .strict();
export type BackupHeader = z.output<typeof backupHeaderSchema>;

export const wrappedKeySchema = z
  .object({
    kdf: z.literal('PBKDF2-SHA256'),
    // Bounded: a crafted file must not make the desk derive for hours before refusing it.
    iterations: z.number().int().min(1000).max(5_000_000),
    salt: b64.length(24),
    iv: b64.length(16),
    wrapped: b64.length(64),
  })
  .strict();
export type WrappedKey = z.output<typeof wrappedKeySchema>;

/** The header as the additional authenticated data: a fixed key order. */
export function headerBytes(h: BackupHeader): string {
  const ordered = Object.fromEntries(Object.entries(h).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify({ ...ordered, counts: Object.fromEntries(Object.entries(h.counts).sort()) });
}

/**
 * What a backup's GCM tag covers besides the data: the header and the wrapped key, in a fixed
 * order (the renderer seals with WebCrypto, main opens with node:crypto: both use this).
 */
export function additionalDataText(header: BackupHeader, wrapped: WrappedKey): string {
  return `${headerBytes(header)}\n${JSON.stringify([wrapped.kdf, wrapped.iterations, wrapped.salt, wrapped.iv, wrapped.wrapped])}`;
}

/** A backup key as this machine keeps it (Electron: in main, encrypted by the OS). */
export const backupKeyRecordSchema = z
  .object({ keyId: z.string().min(1).max(100), rawB64: b64.length(44), passphraseKey: wrappedKeySchema })
  .strict();
export type BackupKeyRecord = z.output<typeof backupKeyRecordSchema>;

/** Why a backup could not be opened (the messages are the renderer's, seal.ts BACKUP_MESSAGES). */
export type BackupOpenFailure = 'notBackup' | 'newer' | 'needPassphrase' | 'wrongPassphrase' | 'tampered';

/**
 * The machine part of a backup's name: several desks may share one backup folder (a network
 * share), and each keeps its own set (retention runs per community and machine).
 */
export function machineTag(keyId: string): string {
  return keyId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8) || 'M';
}

/**
 * `duty-desk-THL-D02-k3Xw9aQe-20261124-173000-regular.ddbak` (local time, given as parts): the
 * desk number after `D` when known (backups made before desks, and before an upgrade, have none).
 */
export function backupFileName(
  community: string,
  machine: string,
  local: { day: string; time: string },
  kind: BackupKind,
  desk?: number,
): string {
  const deskPart = desk === undefined ? '' : `D${String(desk).padStart(2, '0')}-`;
  return `duty-desk-${community}-${deskPart}${machine}-${local.day.replace(/-/g, '')}-${local.time.replace(/:/g, '')}-${kind}.${BACKUP_EXTENSION}`;
}

export const BACKUP_NAME_PATTERN =
  /^duty-desk-([A-Z0-9]{2,8}|NEW)-(?:D(\d{2})-)?([A-Za-z0-9]{1,8})-(\d{8})-(\d{6})-(regular|preUpgrade|preRestore)\.ddbak$/;

export type BackupName = {
  community: string;
  /** The desk that made it, when its name says so. */
  desk?: number;
  machine: string;
  day: string;
  createdAt: number;
  kind: BackupKind;
};

/** What a backup's file name tells (its time is Beijing time), or null for a file that is not a backup. */
export function parseBackupFileName(name: string): BackupName | null {
  const m = BACKUP_NAME_PATTERN.exec(name);
  if (!m) return null;
  const d = m[4] ?? '';
  const t = m[5] ?? '';
  const day = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  const createdAt = Date.parse(`${day}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}+08:00`);
  const desk = m[2] ? { desk: Number(m[2]) } : {};
  return { community: m[1] ?? '', ...desk, machine: m[3] ?? '', day, createdAt, kind: m[6] as BackupKind };
}
