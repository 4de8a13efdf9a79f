/**
 * Backup files outside IndexedDB (the renderer seals them; main only stores bytes it cannot
 * read): written atomically into the backup folder — a temp file, fsync, rename — then the
 * folder is trimmed by the retention rule (shared/backup/retention.ts). A failed write (folder
 * gone, disk full, no permission) leaves every earlier backup as it was and returns an error
 * code for the desk to show; it never throws a path or a file's content into a log.
 *
 * Also: the machine's backup key (kept encrypted by the OS through Electron's safeStorage),
 * the wipe-detection record (per-table counts and the generation id, outside IndexedDB), and
 * the quit-time backup with its time limit.
 */
import nodePath from 'node:path';
import type {
  BackupFailureCode,
  BackupListEntry,
  BackupStatus,
  BackupWriteRequest,
  BackupWriteResult,
  IntegrityRecord,
} from '../../../shared/ipc/contract';
import { parseBackupFileName } from '../../../shared/backup/format';
import { backupsToKeep, type BackupEntry } from '../../../shared/backup/retention';

export type FileHandleLike = { writeFile(data: string): Promise<void>; sync(): Promise<void>; close(): Promise<void> };

/** The file system calls the service needs (node:fs/promises in production, fakes in tests). */
export type BackupFs = {
  mkdir(dir: string, o: { recursive: true }): Promise<unknown>;
  open(path: string, flags: 'wx' | 'w'): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  stat(path: string): Promise<{ size: number; mtimeMs: number; dev: number }>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
};

/** The OS-protected store of the machine's backup key (Electron safeStorage + electron-store). */
export type KeyVault = { load(): string | null; save(key: string): void };
/** Where the wipe-detection record lives (electron-store). */
export type IntegrityStore = { get(): unknown; set(value: IntegrityRecord): void };

export type BackupsDeps = {
  fs: BackupFs;
  /** The folder chosen in 设置, or null for the default. */
  chosenDir: () => string | null;
  /** `<userData>/backups`. */
  defaultDir: string;
  /** Where IndexedDB lives, to warn when backups are on the same disk. */
  dataDir: string;
  vault: KeyVault;
  integrity: IntegrityStore;
  /** The system folder dialog (null when canceled) and where the choice is kept (the settings). */
  pickFolder: () => Promise<string | null>;
  setChosenDir: (dir: string) => void;
  pathApi?: Pick<typeof nodePath, 'join'>;
};

export type BackupsService = {
  writeBackup(request: BackupWriteRequest): Promise<BackupWriteResult>;
  listBackups(): Promise<BackupListEntry[]>;
  readBackup(request: { name: string }): Promise<string>;
  backupStatus(): Promise<BackupStatus>;
  chooseBackupFolder(): Promise<{ chosen: true; dir: string } | { chosen: false }>;
  loadBackupKey(): string | null;
  saveBackupKey(request: { key: string }): void;
  readIntegrity(): IntegrityRecord | null;
  writeIntegrity(request: IntegrityRecord): void;
};

const CODES: readonly BackupFailureCode[] = ['ENOSPC', 'EACCES', 'EPERM', 'ENOENT', 'EROFS'];

export function failureCodeOf(e: unknown): BackupFailureCode {
  const code = (e as { code?: unknown } | null)?.code;
  return CODES.includes(code as BackupFailureCode) ? (code as BackupFailureCode) : 'OTHER';
}

function isIntegrityRecord(v: unknown): v is IntegrityRecord {
  const r = v as IntegrityRecord | null;
  return (
    !!r &&
    typeof r.generation === 'string' &&
    typeof r.updatedAt === 'number' &&
    !!r.counts &&
    typeof r.counts === 'object' &&
    Object.values(r.counts).every((n) => Number.isInteger(n) && n >= 0)
  );
}

let tempSeq = 0;

export function createBackupsService(deps: BackupsDeps): BackupsService {
  const path = deps.pathApi ?? nodePath;
  const { fs } = deps;
  const dirNow = () => deps.chosenDir() ?? deps.defaultDir;

  type Found = BackupEntry & { size: number; set: string };
  /** The backups in `dir`, newest first by the time in their names. */
  async function entries(dir: string): Promise<Found[]> {
    const out: Found[] = [];
    for (const name of await fs.readdir(dir)) {
      const parsed = parseBackupFileName(name);
      if (!parsed) continue;
      const st = await fs.stat(path.join(dir, name));
      const set = `${parsed.community}|${parsed.machine}`;
      out.push({ name, kind: parsed.kind, day: parsed.day, createdAt: parsed.createdAt, size: st.size, set });
    }
    return out.sort((a, b) => b.createdAt - a.createdAt);
  }

  return {
    async writeBackup({ name, content }) {
      const dir = dirNow();
      const target = path.join(dir, name);
      // A temp name of its own (two backups in the same second never share one).
      const temp = path.join(dir, `.${name}.${process.pid}-${++tempSeq}.tmp`);
      try {
        // The default folder is ours to create; a chosen one (a USB drive) must be there.
        if (deps.chosenDir() === null) await fs.mkdir(dir, { recursive: true });
        const handle = await fs.open(temp, 'wx');
        try {
          await handle.writeFile(content);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(temp, target);
      } catch (e) {
        await fs.unlink(temp).catch(() => undefined);
        return { ok: false, code: failureCodeOf(e) };
      }
      // Retention runs only after the new file is safely in place.
      // Only this desk's own set (community and machine) is trimmed: a shared folder keeps the
      // other desks' backups as they are.
      const removed: string[] = [];
      try {
        const own = parseBackupFileName(name);
        const mine = (await entries(dir)).filter((e) => e.set === `${own?.community}|${own?.machine}`);
        const keep = backupsToKeep(mine);
        for (const e of mine)
          if (!keep.has(e.name)) {
            await fs.unlink(path.join(dir, e.name));
            removed.push(e.name);
          }
      } catch {
        /* trimming can wait for the next backup */
      }
      return { ok: true, name, removed };
    },

    async listBackups() {
      try {
        return (await entries(dirNow())).map(({ name, kind, createdAt, size }) => ({ name, kind, createdAt, size }));
      } catch {
        return [];
      }
    },

    async readBackup({ name }) {
      return fs.readFile(path.join(dirNow(), name), 'utf8');
    },

    async backupStatus() {
      const dir = dirNow();
      try {
        const [folder, data] = await Promise.all([fs.stat(dir), fs.stat(deps.dataDir)]);
        return { dir, reachable: true, sameDiskAsData: folder.dev === data.dev };
      } catch {
        return { dir, reachable: false, sameDiskAsData: false };
      }
    },

    async chooseBackupFolder() {
      const dir = await deps.pickFolder();
      if (!dir) return { chosen: false };
      deps.setChosenDir(dir);
      return { chosen: true, dir };
    },

    loadBackupKey: () => deps.vault.load(),
    saveBackupKey: ({ key }) => deps.vault.save(key),
    readIntegrity() {
      const v = deps.integrity.get();
      return isIntegrityRecord(v) ? v : null;
    },
    writeIntegrity: (record) => deps.integrity.set(record),
  };
}

/**
 * At quit: asks the renderer for a last backup and waits no longer than `limitMs`.
 * Resolves 'done', 'failed' or 'timeout' — the app quits in every case.
 */
export async function quitTimeBackup(
  run: () => Promise<unknown>,
  limitMs: number,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<'done' | 'failed' | 'timeout'> {
  return Promise.race([
    run().then(
      () => 'done' as const,
      () => 'failed' as const,
    ),
    wait(limitMs).then(() => 'timeout' as const),
  ]);
}
