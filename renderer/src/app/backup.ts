/**
 * The app's backups (issue 11), wired to this platform: the bridge's backup channels, the
 * machine key store, and the backup state kept on this machine (localStorage, outside
 * IndexedDB). Also what follows every committed write: the wipe-detection record (at once)
 * and the "changed since the last backup" mark. In Electron backups also run by themselves
 * (every 2 hours while data changed, at sign-out, at quit); the browser build has no folder of
 * its own, so there each backup is a download the clerk asks for, and the 工作台 reminds them.
 */
import { useSyncExternalStore } from 'react';
import { platform } from '../platform';
import { backupKeys } from '../platform/backupKeys';
import { electronBridge } from '../platform/electron';
import { getDb } from '../db/database';
import { onWriteCommitted } from '../db/committed';
import { keptCounts } from '../db/backup/keptCounts';
import { EMPTY_BACKUP_STATE, type BackupDeps, type BackupState } from '../db/backup/deps';
import { recordIntegrity } from '../db/backup/integrity';
import { makeBackup } from '../db/backup/make';
import type { DeskBase } from '../db/desk';

const STATE_KEY = 'duty-desk.backup-state';
const listeners = new Set<() => void>();
let cached: BackupState | null = null;

function readState(): BackupState {
  if (cached) return cached;
  try {
    cached = {
      ...EMPTY_BACKUP_STATE,
      ...(JSON.parse(localStorage.getItem(STATE_KEY) ?? '{}') as Partial<BackupState>),
    };
  } catch {
    cached = { ...EMPTY_BACKUP_STATE };
  }
  return cached;
}

function writeState(s: BackupState): void {
  cached = s;
  localStorage.setItem(STATE_KEY, JSON.stringify(s));
  for (const l of listeners) l();
}

export const backupDeps: BackupDeps = {
  bridge: platform,
  keys: backupKeys,
  state: { get: readState, set: writeState },
  appVersion: __APP_VERSION__,
  // Electron writes scheduled backups into the configured folder; the browser build has none.
  scheduledToFolder: electronBridge() !== null,
};

/** Electron writes backups into a folder by itself; the browser build only downloads on demand. */
export const automaticBackups = electronBridge() !== null;

/** The backup state, live (re-renders when a backup ends). */
export function useBackupState(): BackupState {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, readState);
}

/**
 * Keeps the wipe-detection record up with the data (issue 22 item 15): after every committed
 * write the counts are written at once — no debounce a kill could lose. One recording runs at a
 * time; commits that land meanwhile are covered by one more recording right after it (with their
 * rows, `keptCounts`). What remains is the moment between a commit and its
 * record being stored (measured by the crash loop, tests/e2e/crashLoop.spec.ts; README).
 */
export function integrityFollower(record: () => Promise<unknown>): {
  committed: () => void;
  idle: () => Promise<void>;
} {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      await record().catch(() => undefined);
    } while (again);
    running = null;
  };
  return {
    committed() {
      if (running) again = true;
      else running = run();
    },
    idle: () => running ?? Promise.resolve(),
  };
}

/**
 * After every committed write: mark the data changed, and record the counts at once — moved from
 * `seed` (the start's check's counts, no write committed since) or, without it, counted first.
 */
export function followCommittedWrites(seed?: Record<string, number>): () => void {
  const counts = keptCounts(seed);
  const follower = integrityFollower(() =>
    counts.record((known) => recordIntegrity(getDb(), backupDeps, undefined, known ? { counts: known } : {})),
  );
  return onWriteCommitted((rows) => {
    const s = readState();
    if (!s.changedSince) writeState({ ...s, changedSince: true });
    counts.committed(rows);
    follower.committed();
  });
}

export const TWO_HOURS = 2 * 60 * 60 * 1000;

/** A backup the desk makes by itself: only where there is a folder and a key; never throws. */
export async function automaticBackup(desk: DeskBase, why: 'timer' | 'signout' | 'quit'): Promise<void> {
  try {
    if (!automaticBackups || !(await backupKeys.load())) return;
    const s = readState();
    if (why === 'timer' && (!s.changedSince || (s.lastGood && desk.clock.now() - s.lastGood.at < TWO_HOURS))) return;
    // Scheduled: into the configured folder with the existing key, whoever is signed in.
    await makeBackup(desk, backupDeps, 'regular', { scheduled: true });
  } catch {
    /* a failed automatic backup is in the backup state (the 工作台 shows it); it never blocks */
  }
}
