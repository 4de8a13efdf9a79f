/**
 * The backup and wipe-detection messages of the contract (contract.ts): the request schemas
 * main validates with and the result types (backup:write, backup:list, backup:status,
 * backup:chooseFolder, backup:open, integrity:get/set). Limits are tight: a page cannot make
 * main write outside the backup folder or allocate without bound.
 */
import { z } from 'zod';
import { auditHeadsSchema, BACKUP_NAME_PATTERN, type BackupHeader, type BackupOpenFailure } from '../backup/format';

/** A backup file name as the desk makes them (shared/backup/format.ts): no path can get in. */
export const backupNameSchema = z.string().regex(BACKUP_NAME_PATTERN); // the one pattern (shared/backup/format.ts): with or without the desk

export const backupWriteRequestSchema = z
  .object({ name: backupNameSchema, content: z.string().min(1).max(400_000_000) })
  .strict();
export type BackupWriteRequest = z.infer<typeof backupWriteRequestSchema>;

export type BackupFailureCode = 'ENOSPC' | 'EACCES' | 'EPERM' | 'ENOENT' | 'EROFS' | 'OTHER';
export type BackupWriteResult = { ok: true; name: string; removed: string[] } | { ok: false; code: BackupFailureCode };
export type BackupListEntry = {
  name: string;
  kind: 'regular' | 'preUpgrade' | 'preRestore';
  createdAt: number;
  size: number;
};
export type ChooseFolderResult =
  { chosen: true; dir: string } | { chosen: false; refused?: 'system' | 'notWritable' | 'notFolder' };
/** Why the backup folder kept by an earlier version was refused at start (main uses the default). */
export type FolderRefusedAtStart = 'system' | 'notWritable';
export type BackupStatus = {
  dir: string;
  reachable: boolean;
  sameDiskAsData: boolean;
  /** The kept folder was refused at start: backups go to `dir`, the default, until an admin chooses. */
  folderRefusedAtStart?: FolderRefusedAtStart;
};

/** The most admins the wipe record keeps (a community desk has a handful). */
export const INTEGRITY_MAX_ADMINS = 50;

/**
 * An active 站长/管理员 as the wipe record keeps it: id, name and the PIN verifier of the staff
 * row (the PBKDF2 hash, never the PIN), so 从空白开始 can ask for an admin PIN after the
 * database is gone (db/backup/startEmpty.ts).
 */
export const integrityAdminSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().min(1).max(100),
    verifier: z
      .object({
        algorithm: z.literal('PBKDF2-SHA256'),
        iterations: z.number().int().min(1).max(10_000_000),
        saltB64: z.string().min(1).max(100),
        hashB64: z.string().min(1).max(200),
      })
      .strict(),
  })
  .strict();
export type IntegrityAdmin = z.infer<typeof integrityAdminSchema>;

export const backupOpenRequestSchema = z
  .object({
    content: z.string().min(1).max(400_000_000),
    passphrase: z.string().min(1).max(1000).optional(),
    currentSchema: z.number().int().positive(),
    /** 检查备份: every chunk decrypted and checked, no row sent back (the tables come back empty). */
    verifyOnly: z.boolean().optional(),
  })
  .strict();
export type BackupOpenRequest = z.infer<typeof backupOpenRequestSchema>;
export type BackupOpenResult =
  | { ok: true; header: BackupHeader; tables: Record<string, unknown[]> }
  | { ok: false; code: BackupOpenFailure; schema?: number };

/** Wipe detection: what the database held after the last committed write, kept outside it. */
export const integrityRecordSchema = z
  .object({
    generation: z.string().min(1).max(100),
    updatedAt: z.number().int().nonnegative(),
    counts: z.record(z.string().max(60), z.number().int().nonnegative()),
    /** The active admins at that write (absent in records written before issue 22). */
    admins: z.array(integrityAdminSchema).max(INTEGRITY_MAX_ADMINS).optional(),
    /** The audit chain's head of each desk in the log: the anchor (absent before issue 23). */
    auditHeads: auditHeadsSchema.optional(),
    /**
     * The lock of the admin PIN asked before sign-in (db/backup/adminPin.ts): kept here, outside
     * IndexedDB, because the database may be gone. Absent: never a wrong PIN.
     */
    pinLock: z
      .object({
        failedAttempts: z.number().int().nonnegative().max(1_000_000),
        lockedUntil: z.number().int().nonnegative(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type IntegrityRecord = z.infer<typeof integrityRecordSchema>;
