/**
 * Backup, 检查备份 and restore of the whole desk (issue 28 item 7), in Chromium's real IndexedDB,
 * each next to its bare floor in the same run: the backup next to a bare read of every table (one
 * transaction, `toArray` each), the restore next to a bare `bulkPut` of every table's rows into
 * an empty database of the same schema without the app's middleware. The app's own functions
 * (make.ts backUpDatabase, seal.ts openBackup, snapshot.ts replaceAll); the restore goes into a
 * scratch database of its own (the bench's desk stays as it is), as the restore proper: the file
 * opened, the rows written in the one transaction (a restore over a live desk first backs it up:
 * one more backup's time). Also the file's size and, during the backup, the page's long tasks
 * (PerformanceObserver 'longtask': how long an input could wait — a scheduled backup must leave
 * the screen usable).
 */
import { Dexie } from 'dexie';
import { DutyDeskDB } from '../../renderer/src/db/database';
import { backUpDatabase } from '../../renderer/src/db/backup/make';
import { newBackupKey, openBackup } from '../../renderer/src/db/backup/seal';
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
  restoreMs: number;
  /** Of the restore: the file opened (decrypted, decompressed, parsed). */
  restoreOpenMs: number;
  bareBulkPutMs: number;
  /** Long tasks during the backup: the longest and how many over 100 ms. */
  longestTaskMs: number;
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

function watchLongTasks(): () => { longest: number; over100: number } {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) durations.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return () => {
    for (const e of observer.takeRecords()) durations.push(e.duration);
    observer.disconnect();
    return { longest: Math.max(0, ...durations), over100: durations.filter((d) => d > 100).length };
  };
}

export async function backupRun(db: DutyDeskDB): Promise<BackupRun> {
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

  t = performance.now();
  await openBackup(file, { currentSchema: db.verno, machineKey: key, verifyOnly: true });
  const checkMs = performance.now() - t;

  // The bare floor of a restore: every table's rows (read again, untimed) bulkPut into an empty
  // database, no middleware. After the backup's figures: the writes leave LevelDB compacting for a
  // while (one LevelDB holds every database of the origin), which slowed the reads timed after it.
  const bare = await bareRead(dexie);
  const spec = schemaAt(db.verno);
  await Dexie.delete(BARE);
  const plain = new Dexie(BARE);
  plain.version(db.verno).stores(spec);
  await plain.open();
  t = performance.now();
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

  return {
    rows,
    fileBytes: new TextEncoder().encode(file).length,
    backupMs,
    backupReadMs,
    pagedReadMs,
    bareReadMs,
    checkMs,
    restoreMs,
    restoreOpenMs,
    bareBulkPutMs,
    longestTaskMs: tasks.longest,
    integrityCountsMs,
    tasksOver100: tasks.over100,
  };
}
