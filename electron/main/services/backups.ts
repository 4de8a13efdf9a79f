/**
 * Backup files outside IndexedDB (the renderer seals them; main only stores bytes it cannot
 * read): written atomically into the backup folder — a temp file, fsync, rename — then the
 * folder is trimmed by the retention rule (shared/backup/retention.ts). A failed write (folder
 * gone, disk full, no permission) leaves every earlier backup as it was and returns an error
 * code for the desk to show; it never throws a path or a file's content into a log.
 *
 * Also: the machine's backup keys (kept encrypted by the OS through Electron's safeStorage; the
 * renderer is given only the own key, and asks main to open a backup file — backupKeyRing.ts),
 * the backup folder (set only from the folder dialog's answer, and only a writable folder that
 * is not a system folder), the wipe-detection record (per-table counts and the generation id, outside IndexedDB), and
 * the quit-time backup with its time limit.
 */
import nodePath from 'node:path';
import { DeskError } from '../errors';
import type {
  BackupFailureCode,
  BackupListEntry,
  BackupOpenRequest,
  BackupOpenResult,
  BackupStatus,
  BackupWriteRequest,
  BackupWriteResult,
  ChooseFolderResult,
  IntegrityRecord,
} from '../../../shared/ipc/contract';
import type { FolderRefusedAtStart } from '../../../shared/ipc/contract';
import { parseBackupFileName, type BackupKeyRecord } from '../../../shared/backup/format';
import { integrityRecordSchema } from '../../../shared/ipc/contract';
import { EMPTY_RING, openBackupFile, parseRing, withAdoptedKey, withOwnKey, type KeyRing } from './backupKeyRing';
import { VAULT_ERRORS, type KeyVault } from './keyVault';
import { backupsToKeep, type BackupEntry } from '../../../shared/backup/retention';

export type FileHandleLike = { writeFile(data: string): Promise<void>; sync(): Promise<void>; close(): Promise<void> };

/** The file system calls the service needs (node:fs/promises in production, fakes in tests). */
export type BackupFs = {
  mkdir(dir: string, o: { recursive: true }): Promise<unknown>;
  open(path: string, flags: 'wx' | 'w'): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  stat(path: string): Promise<{ size: number; mtimeMs: number; dev: number; isDirectory(): boolean }>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  /** The folder a path really is (symbolic links followed). */
  realpath(path: string): Promise<string>;
};

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
  /** process.platform and the Windows system drive (`%SystemDrive%`, 'C:'), for the system folders. */
  platform: NodeJS.Platform;
  systemDrive?: string;
  pathApi?: Pick<typeof nodePath, 'join'>;
};

export type BackupsService = {
  writeBackup(request: BackupWriteRequest): Promise<BackupWriteResult>;
  listBackups(): Promise<BackupListEntry[]>;
  readBackup(request: { name: string }): Promise<string>;
  backupStatus(): Promise<BackupStatus>;
  chooseBackupFolder(): Promise<ChooseFolderResult>;
  /** At start: re-checks the kept folder; what was refused (then the default is used), or null. */
  checkChosenFolder(): Promise<FolderRefusedAtStart | null>;
  loadBackupKey(): BackupKeyRecord | null;
  saveBackupKey(request: BackupKeyRecord): void;
  openBackup(request: BackupOpenRequest): Promise<BackupOpenResult>;
  readIntegrity(): IntegrityRecord | null;
  writeIntegrity(request: IntegrityRecord): void;
};

const CODES: readonly BackupFailureCode[] = ['ENOSPC', 'EACCES', 'EPERM', 'ENOENT', 'EROFS'];

export function failureCodeOf(e: unknown): BackupFailureCode {
  const code = (e as { code?: unknown } | null)?.code;
  return CODES.includes(code as BackupFailureCode) ? (code as BackupFailureCode) : 'OTHER';
}

/** The record as the contract bounds it (admins' verifiers included); anything else is no record. */
function isIntegrityRecord(v: unknown): v is IntegrityRecord {
  return integrityRecordSchema.safeParse(v).success;
}

let tempSeq = 0;

/** Folders of the system that never hold backups: the folder itself and everything below. */
const POSIX_SYSTEM_TREES = [
  '/etc',
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/boot',
  '/proc',
  '/sys',
  '/dev',
  '/run',
  '/var',
  '/opt',
  '/srv',
  '/snap',
  '/root',
];
/** Folders that are refused themselves (their subfolders — a person's home, a mounted USB drive — are fine). */
const POSIX_SYSTEM_ROOTS = ['/', '/home', '/media', '/mnt'];
const WINDOWS_SYSTEM_TREES = [
  'windows',
  'program files',
  'program files (x86)',
  'programdata',
  'system volume information',
  '$recycle.bin',
  'recovery',
  'boot',
  'perflogs',
];

/**
 * Whether `dir` is a system folder: on Linux /, /etc, /usr, /bin, /proc, /sys, /dev, /var … (not /tmp: the place of scratch folders) ; on
 * Windows the system drive's root, C:\Windows, C:\Program Files, C:\ProgramData … (any case,
 * either slash).
 */
export function isSystemFolder(dir: string, platform: NodeJS.Platform, systemDrive = 'C:'): boolean {
  if (platform === 'win32') {
    const p = nodePath.win32.resolve(dir).toLowerCase().replace(/\\+$/, '');
    const drive = systemDrive.toLowerCase().replace(/\\+$/, '');
    if (p === drive || p === `${drive}\\users`) return true;
    return WINDOWS_SYSTEM_TREES.some((t) => p === `${drive}\\${t}` || p.startsWith(`${drive}\\${t}\\`));
  }
  const p = nodePath.posix.resolve(dir).replace(/\/+$/, '') || '/';
  if (POSIX_SYSTEM_ROOTS.includes(p)) return true;
  // Some desktops mount USB drives at /run/media/<user>/<drive>.
  if (/^\/run\/media\/[^/]+\/[^/]+/.test(p)) return false;
  return POSIX_SYSTEM_TREES.some((t) => p === t || p.startsWith(`${t}/`));
}

/**
 * Why `dir` cannot be the backup folder, or null: it must be an existing folder (a path, not a
 * file), not a system folder (also after following links), and this app must be able to write
 * into it (a small file is written and removed: on Windows, permissions are not in the mode bits).
 */
export async function backupFolderProblem(
  dir: string,
  deps: Pick<BackupsDeps, 'fs' | 'platform' | 'systemDrive'>,
): Promise<'system' | 'notWritable' | 'notFolder' | null> {
  const absolute = deps.platform === 'win32' ? nodePath.win32.isAbsolute(dir) : nodePath.posix.isAbsolute(dir);
  if (!absolute) return 'notFolder';
  if (isSystemFolder(dir, deps.platform, deps.systemDrive)) return 'system';
  let real: string;
  try {
    real = await deps.fs.realpath(dir);
    if (!(await deps.fs.stat(real)).isDirectory()) return 'notFolder';
  } catch {
    return 'notFolder';
  }
  if (isSystemFolder(real, deps.platform, deps.systemDrive)) return 'system';
  const probe = (deps.platform === 'win32' ? nodePath.win32 : nodePath.posix).join(
    real,
    `.duty-desk-probe-${process.pid}-${++tempSeq}.tmp`,
  );
  try {
    const handle = await deps.fs.open(probe, 'wx');
    await handle.close();
    await deps.fs.unlink(probe);
  } catch {
    await deps.fs.unlink(probe).catch(() => undefined);
    return 'notWritable';
  }
  return null;
}

export function createBackupsService(deps: BackupsDeps): BackupsService {
  const path = deps.pathApi ?? nodePath;
  const { fs } = deps;
  /**
   * A folder kept by an earlier version that the start-up check refused (system folder, not
   * writable): backups go to the default folder until an admin chooses again (工作台 warns).
   */
  let refusedAtStart: FolderRefusedAtStart | null = null;
  let startCheck: Promise<unknown> = Promise.resolve();
  const chosenNow = () => (refusedAtStart ? null : deps.chosenDir());
  const dirNow = () => chosenNow() ?? deps.defaultDir;
  /** The folder, once the start-up check (if any) is done. */
  const dirReady = async () => (await startCheck, dirNow());

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
      const dir = await dirReady();
      const target = path.join(dir, name);
      // A temp name of its own (two backups in the same second never share one).
      const temp = path.join(dir, `.${name}.${process.pid}-${++tempSeq}.tmp`);
      try {
        // The default folder is ours to create; a chosen one (a USB drive) must be there.
        if (chosenNow() === null) await fs.mkdir(dir, { recursive: true });
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
        return (await entries(await dirReady())).map(({ name, kind, createdAt, size }) => ({
          name,
          kind,
          createdAt,
          size,
        }));
      } catch {
        return [];
      }
    },

    async readBackup({ name }) {
      return fs.readFile(path.join(await dirReady(), name), 'utf8');
    },

    async backupStatus() {
      const dir = await dirReady();
      const refused = refusedAtStart ? { folderRefusedAtStart: refusedAtStart } : {};
      try {
        const [folder, data] = await Promise.all([fs.stat(dir), fs.stat(deps.dataDir)]);
        return { dir, reachable: true, sameDiskAsData: folder.dev === data.dev, ...refused };
      } catch {
        return { dir, reachable: false, sameDiskAsData: false, ...refused };
      }
    },

    // At start: the folder kept by an earlier version (set before it was checked) is checked as
    // the folder dialog's answer is. A system folder or one it cannot write: the default is used
    // (the setting is kept; the admin chooses again). A folder that is gone (a USB drive not
    // plugged in) is not refused here: its backups fail and say so, as before.
    checkChosenFolder() {
      const dir = deps.chosenDir();
      if (!dir) return Promise.resolve(null);
      const check = backupFolderProblem(dir, deps).then((problem) => {
        refusedAtStart = problem === 'system' || problem === 'notWritable' ? problem : null;
        return refusedAtStart;
      });
      startCheck = check.catch(() => undefined);
      return check;
    },

    // The only way the backup folder changes: the answer of main's own folder dialog, checked.
    async chooseBackupFolder() {
      const dir = await deps.pickFolder();
      if (!dir) return { chosen: false };
      const refused = await backupFolderProblem(dir, deps);
      if (refused) return { chosen: false, refused };
      deps.setChosenDir(dir);
      refusedAtStart = null;
      return { chosen: true, dir };
    },

    // The renderer gets the own key only (it seals new backups); other machines' keys stay here.
    // A ring that cannot be read is never answered as "no key" (the page would make a new one
    // and the next save would lose every key): the page is told, by code.
    loadBackupKey: () => readableRing(deps.vault).own,
    // A new own key comes only from an admin's passphrase (设置/更改备份密码, the first backup):
    // an unreadable ring is then set aside (kept), not overwritten.
    saveBackupKey(record) {
      const read = deps.vault.load();
      const ring = read.state === 'ok' ? parseRing(read.text) : EMPTY_RING;
      deps.vault.save(JSON.stringify(withOwnKey(ring, record)), { setAside: true });
    },
    async openBackup(request) {
      const read = deps.vault.load();
      const ring = read.state === 'ok' ? parseRing(read.text) : EMPTY_RING;
      const { result, adopt } = await openBackupFile(ring, request);
      if (adopt) {
        try {
          // Refused over an unreadable ring: the passphrase opens the file again next time.
          deps.vault.save(JSON.stringify(withAdoptedKey(ring, adopt)));
        } catch {
          /* the OS store is unavailable or unreadable: the passphrase opens the file again next time */
        }
      }
      return result;
    },
    readIntegrity() {
      const v = deps.integrity.get();
      return isIntegrityRecord(v) ? v : null;
    },
    writeIntegrity: (record) => deps.integrity.set(record),
  };
}

/** The stored ring; none when nothing is stored. @throws DeskError when it cannot be read. */
function readableRing(vault: KeyVault): KeyRing {
  const read = vault.load();
  if (read.state === 'ok') return parseRing(read.text);
  if (read.state === 'none') return { ...EMPTY_RING };
  throw new DeskError(read.why === 'unavailable' ? VAULT_ERRORS.unavailable : VAULT_ERRORS.unreadable);
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
