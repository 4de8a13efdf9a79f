/**
 * What the backup code needs from the platform (issue 11): the bridge's backup channels, the
 * machine key store, a small state store — injected, so the same code runs in Electron, in the
 * browser build and in Vitest.
 */
import type { BackupHeader } from '@shared/backup/format';
import type { DeskBridge } from '@shared/ipc/contract';
import type { BackupKey, BackupTables } from './seal';

/**
 * This machine's backup keys: its own (new backups are sealed with it) and those of backups
 * from other machines it has restored (kept, never replacing its own: this machine's earlier
 * backups, and the pre-restore one, must still open without a passphrase).
 */
export type BackupKeyStore = {
  /** The machine's own key, or null before its first backup. */
  load(): Promise<BackupKey | null>;
  /** Any key this machine knows, by id. */
  find(keyId: string): Promise<BackupKey | null>;
  /** Keeps a key: as the machine's own (`own`), or beside it. */
  save(
    raw: Uint8Array<ArrayBuffer>,
    keyId: string,
    passphraseKey: BackupKey['passphraseKey'],
    own: boolean,
  ): Promise<BackupKey>;
  /**
   * Opens a backup where the keys are (Electron: main, which keeps a key the passphrase
   * unlocked). Absent: the page opens it with `find` and the passphrase (the browser build).
   */
  open?(
    text: string,
    o: { currentSchema: number; passphrase?: string; verifyOnly?: boolean },
  ): Promise<{ header: BackupHeader; tables: BackupTables }>;
};

/** What the 工作台 and 设置 show about backups (kept on this machine, outside IndexedDB). */
export type BackupState = {
  lastGood: { at: number; name: string } | null;
  lastFailure: { at: number; code: string } | null;
  /** Data changed since the last good backup (the 2-hourly backup runs only then). */
  changedSince: boolean;
};

export type BackupDeps = {
  bridge: Pick<DeskBridge, 'writeBackup' | 'readIntegrity' | 'writeIntegrity'>;
  keys: BackupKeyStore;
  state: { get(): BackupState; set(s: BackupState): void };
  appVersion: string;
  /**
   * This platform writes backups into the configured folder by itself (Electron). Only then may
   * a scheduled backup run whoever is signed in; in the browser build every backup is a download
   * and needs `data.backup`. Absent = false.
   */
  scheduledToFolder?: boolean;
};

export const EMPTY_BACKUP_STATE: BackupState = { lastGood: null, lastFailure: null, changedSince: false };
