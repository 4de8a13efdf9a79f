/**
 * This machine's settings (electron-store in main, localStorage in the browser build): the shape
 * as stored, what the renderer may change, and the defaults. Apart from the channel map
 * (contract.ts), which carries them on `settings:*`.
 */
import { z } from 'zod';
import type { DeskIdentity } from '../domain/deskNumber';
import { deskIdentitySchema } from '../backup/format';

/** The settings as stored (electron-store in main, localStorage in the browser build). */
export const storedAppSettingsSchema = z
  .object({
    printerName: z.string().max(200).nullable(),
    silentPrint: z.boolean(),
    receiptLayout: z.enum(['a4', 'thermal80']),
    backupDir: z.string().max(1000).nullable(),
    /** Which desk of its center this machine is (shared/domain/deskNumber.ts: 1–99, a name of 1–20). */
    deskIdentity: deskIdentitySchema.nullable(),
  })
  .partial()
  .strict();

/**
 * What the renderer may change. Not the backup folder: main sets it only from the answer of
 * its own folder dialog (`backup:chooseFolder`), checked to be a writable, non-system folder —
 * a path sent by a page never becomes the place resident data is written to.
 */
export const appSettingsPatchSchema = storedAppSettingsSchema.omit({ backupDir: true });

/** Machine-level settings kept by electron-store in main (localStorage in the browser). */
export type AppSettings = {
  /** Printer to use for silent printing; null = ask with the system dialog. */
  printerName: string | null;
  /** Print receipts straight to `printerName` without a dialog. */
  silentPrint: boolean;
  /** Default receipt layout at this window. */
  receiptLayout: 'a4' | 'thermal80';
  /** Folder for automatic backups outside IndexedDB; null = the app's default folder. */
  backupDir: string | null;
  /**
   * Which desk of its center this machine is; null = never set (desk 1, 一号窗口). Kept per
   * machine, outside the data desks share; set at setup, changed by an admin while the desk is
   * alone (db/repositories/deskIdentity.ts checks both before the page writes it here).
   */
  deskIdentity: DeskIdentity | null;
};

export const defaultAppSettings: AppSettings = {
  printerName: null,
  silentPrint: false,
  receiptLayout: 'a4',
  backupDir: null,
  deskIdentity: null,
};

export type AppSettingsPatch = z.infer<typeof appSettingsPatchSchema>;
