/**
 * Backup, 检查备份 and restore of the whole desk (issue 28 item 7), in Chromium's real IndexedDB,
 * each next to its bare floor in the same run: the backup next to a bare read of every table (one
 * transaction, `toArray` each), the restore next to a bare `bulkPut` of every table's rows into
 * an empty database of the same schema without the app's middleware. The app's own functions
 * (make.ts backUpDatabase, seal.ts openBackup, snapshot.ts replaceAll); the restore goes into a
 * scratch database of its own (the bench's desk stays as it is), as the restore proper: the file
 * opened, the rows written in the one transaction (a restore over a live desk first backs it up:
 * one more backup's time); left out when not asked for (its writes leave the profile's store
 * compacting for minutes). Also the file's size and, during the backup, the page's long tasks
 * (PerformanceObserver 'longtask': how long an input could wait — a scheduled backup must leave
 * the screen usable).
 */
import { Dexie } from 'dexie';
import { DutyDeskDB } from '../../renderer/src/db/database';
import { backUpDatabase } from '../../renderer/src/db/backup/make';
import { newBackupKey, openBackup, type BackupKey } from '../../renderer/src/db/backup/seal';
import { readPages, replaceAll } from '../../renderer/src/db/backup/snapshot';
import { schemaAt, upgradedTables } from '../../renderer/src/db/backup/upgradeTables';
import type { BackupDeps } from '../../renderer/src/db/backup/deps';
import { EMPTY_BACKUP_STATE } from '../../renderer/src/db/backup/deps';
import { NOW } from '../data/generate';
import { tableCounts } from '../../renderer/src/db/backup/integrity';

const RESTORED = 'bench-restore';
const BARE = 'bench-restore-bare';

export type BackupRun = {
  rows: number;
  fileBytes: number;
  backupMs: number;
  /** Of the backup: the read of every table with each page compressed meanwhile (the rest: sealing, the file). */
  backupReadMs: number;
  /** The app's paged read of every table alone (snapshot.ts readPages, the pages dropped). */
  pagedReadMs: number;
  bareReadMs: number;
  checkMs: number;
  /** Null when not asked for (`BENCH_GROUPS` without `restore`). */
  restore: RestoreRun | null;
  /** Long tasks during the backup: the longest, in which step it started, and how many over 100 ms. */
  longestTaskMs: number;
  longestTaskStep: 'read' | 'seal';
  integrityCountsMs: number;
  tasksOver100: number;
};

/** Every table read in one transaction, as is (the floor of any backup). */
async function bareRead(db: Dexie): Promise<Record<string, unknown[]>> {
  return db.transaction('r', db.tables, async () => {
    const out: Record<string, unknown[]> = {};
    for (const t of db.tables) out[t.name] = await t.toArray();
    return out;
  });
}

type LongTask = { start: number; duration: number };

function watchLongTasks(): () => LongTask[] {
  const tasks: LongTask[] = [];
  const keep = (entries: PerformanceEntryList) => {
    for (const e of entries) tasks.push({ start: e.startTime, duration: e.duration });
  };
  const observer = new PerformanceObserver((list) => keep(list.getEntries()));
  observer.observe({ type: 'longtask', buffered: false });
  return () => {
    keep(observer.takeRecords());
    observer.disconnect();
    return tasks;
  };
}

export type RestoreRun = {
  restoreMs: number;
  /** Of the restore: the file opened (decrypted, decompressed, parsed). */
  restoreOpenMs: number;
  bareBulkPutMs: number;
};

export async function backupRun(db: DutyDeskDB, withRestore = true): Promise<BackupRun> {
  const dexie = db as unknown as Dexie;
  const { backupKey: key } = await newBackupKey('梅花香自苦寒来2026年', 1000);
  let file = '';
  const deps: BackupDeps = {
    appVersion: 'bench',
    bridge: {
      writeBackup: async ({ name, content }) => ((file = content), { ok: true, name, removed: [] }),
      readIntegrity: async () => null,
      writeIntegrity: async () => undefined,
    },
    keys: { load: async () => key, find: async () => key, save: async () => key },
    state: { get: () => EMPTY_BACKUP_STATE, set: () => undefined },
  };
  // The wipe-detection counts (integrity.ts tableCounts: every table counted), which run at start
  // and after every committed write — the sign-in's included: a suspect for what grows on the way
  // to the 工作台 (timed here, not changed).
  let t = performance.now();
  await tableCounts(db);
  const integrityCountsMs = performance.now() - t;
  t = performance.now();
  const rows = Object.values(await bareRead(dexie)).reduce((n, r) => n + r.length, 0);
  const bareReadMs = performance.now() - t;

  t = performance.now();
  await readPages(dexie, () => undefined);
  const pagedReadMs = performance.now() - t;

  const stop = watchLongTasks();
  t = performance.now();
  let readTo = 0;
  const made = await backUpDatabase(dexie, deps, {
    kind: 'regular',
    key,
    now: NOW,
    by: null,
    onProgress: (p) => void (p.step === 'read' && (readTo = performance.now())),
  });
  const backupMs = performance.now() - t;
  const backupReadMs = readTo - t;
  const tasks = stop();
  if (!made.ok) throw new Error(made.message);
  const longest = tasks.reduce<LongTask>((a, b) => (b.duration > a.duration ? b : a), { start: 0, duration: 0 });

  t = performance.now();
  await openBackup(file, { currentSchema: db.verno, machineKey: key, verifyOnly: true });
  const checkMs = performance.now() - t;

  return {
    rows,
    fileBytes: new TextEncoder().encode(file).length,
    backupMs,
    backupReadMs,
    pagedReadMs,
    bareReadMs,
    checkMs,
    restore: withRestore ? await restoreRun(db, file, key) : null,
    longestTaskMs: longest.duration,
    // The read step ends with the last page compressed; the sealing (AES-GCM, base64, the file's text) follows.
    longestTaskStep: longest.start < readTo ? 'read' : 'seal',
    integrityCountsMs,
    tasksOver100: tasks.filter((t) => t.duration > 100).length,
  };
}

/** The restore of `file` into a scratch database, next to a bare bulkPut of the same rows into another. */
async function restoreRun(db: DutyDeskDB, file: string, key: BackupKey): Promise<RestoreRun> {
  const dexie = db as unknown as Dexie;
  // The bare floor of a restore: every table's rows (read again, untimed) bulkPut into an empty
  // database, no middleware. After the backup's figures: the writes leave LevelDB compacting for a
  // while (one LevelDB holds every database of the origin), which slowed the reads timed after it.
  const bare = await bareRead(dexie);
  const spec = schemaAt(db.verno);
  await Dexie.delete(BARE);
  const plain = new Dexie(BARE);
  plain.version(db.verno).stores(spec);
  await plain.open();
  let t = performance.now();
  await plain.transaction('rw', plain.tables, async () => {
    for (const table of plain.tables) if ((bare[table.name]?.length ?? 0) > 0) await table.bulkPut(bare[table.name]!);
  });
  const bareBulkPutMs = performance.now() - t;
  plain.close();
  await Dexie.delete(BARE);
  // Dropped before the restore opens the file (memory).
  for (const name of Object.keys(bare)) delete bare[name];

  await Dexie.delete(RESTORED);
  const target = new DutyDeskDB(RESTORED);
  await target.open();
  t = performance.now();
  const opened = await openBackup(file, { currentSchema: db.verno, machineKey: key });
  const tables = await upgradedTables(opened.tables, opened.header.schema, target.verno);
  const restoreOpenMs = performance.now() - t;
  await replaceAll(target, tables, {
    id: 'bench-restore-row',
    at: NOW,
    staffId: null,
    action: 'backup.restore',
    entity: 'backup',
  });
  const restoreMs = performance.now() - t;
  target.close();
  await Dexie.delete(RESTORED);

  return { restoreMs, restoreOpenMs, bareBulkPutMs };
}
