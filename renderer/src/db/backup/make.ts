/**
 * `makeBackup`: a consistent snapshot of every table, sealed (seal.ts), handed to the bridge (a
 * file in the backup folder; a download in the browser build). The first one needs the backup
 * passphrase (it creates the machine key). The outcome is kept for the 工作台. By hand it needs
 * `data.backup` (the acting staff row re-read); a scheduled one (Electron: timer, sign-out,
 * quit) goes only to the configured folder with the existing key, whoever is signed in.
 */
import { backupFileName, machineTag, type BackupHeader } from '@shared/backup/format';
import type { BackupKind } from '@shared/backup/retention';
import type { DeskIdentity } from '@shared/domain/deskNumber';
import type { Dexie } from 'dexie';
import type { DeskBase } from '../desk';
import { DomainRefusal } from '../refusal';
import { databaseOf, writeTx } from '../write';
import { sealChunks, type BackupKey, type PackedChunk } from './seal';
import { gzipper } from './gzipOffThread';
import { readPages, type SnapshotPage } from './snapshot';
import type { BackupDeps } from './deps';
import { headsOfRows, toTuples, type ChainHead } from '@shared/domain/auditChain';
import type { AuditEntry } from '@shared/domain/records';
import { machineKey } from './keys';
import { requireBackupRight } from './rights';
import { generationOf } from './integrity';
import type { OnBackupProgress } from './progress';

export const BACKUP_FAILURE_TEXT: Record<string, string> = {
  ENOSPC: '备份文件夹所在的磁盘已满',
  EACCES: '没有写入备份文件夹的权限',
  EPERM: '没有写入备份文件夹的权限',
  ENOENT: '备份文件夹不存在（U 盘或网络盘是否已拔出或断开？）',
  EROFS: '备份文件夹只读，不能写入',
  OTHER: '备份文件没能写入',
};

/** A scheduled backup where there is no configured folder (the browser build) or no key yet. */
export const SCHEDULED_TO_FOLDER_ONLY = '自动备份只写入本机设置的备份文件夹';

const SHANGHAI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

function localParts(ms: number): { day: string; time: string } {
  const [day = '', time = ''] = SHANGHAI.format(ms).split(' ');
  return { day, time };
}

async function communityCode(db: Dexie): Promise<string> {
  const row = (await db.table('meta').get('community')) as { value?: { code?: string } } | undefined;
  return row?.value?.code ?? 'NEW';
}

export type BackupOutcome = { ok: true; name: string; header: BackupHeader } | { ok: false; message: string };

/** Two heads lists as one: the higher sequence of each desk (the first seen of equal ones, as `headsOfRows`). */
function laterHeads(kept: Map<number, ChainHead>, rows: readonly AuditEntry[]): void {
  for (const h of headsOfRows(rows)) {
    const before = kept.get(h.desk);
    if (!before || h.seq > before.seq) kept.set(h.desk, h);
  }
}

/** Pages handed to the compressing thread and not back yet, at most. */
const IN_COMPRESSION = 4;

/**
 * Every table read (snapshot.ts `readPages`: one read-only transaction, a page at a time) and
 * each page compressed as one chunk WHILE the next pages are read: IndexedDB reads in its own
 * process, this thread turns each page into JSON, and a thread of its own gzips the pages before
 * (gzipOffThread.ts); between pages the screen handles input. Only the compressed chunks are kept (a fraction of the rows' memory).
 * Progress: the rows read and compressed of all (step 'read', 读取数据); the sealing after it is quick.
 */
async function readAndPack(
  db: Dexie,
  onProgress?: OnBackupProgress,
): Promise<{ chunks: PackedChunk[]; counts: Record<string, number>; auditHeads: ChainHead[] }> {
  const waiting: SnapshotPage[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  let total = 0;
  const reading = readPages(
    db,
    (page) => {
      waiting.push(page);
      wake?.();
    },
    (counts) => (total = Object.values(counts).reduce((a, b) => a + b, 0)),
  ).finally(() => {
    finished = true;
    wake?.();
  });
  reading.catch(() => undefined); // awaited below
  const chunks: PackedChunk[] = [];
  const heads = new Map<number, ChainHead>();
  let done = 0;
  // The pages being compressed on the other thread, in order (a few at a time: bounded memory).
  const zip = gzipper();
  const compressing: Promise<PackedChunk>[] = [];
  const oldestDone = async () => {
    const chunk = await compressing.shift()!;
    chunks.push(chunk);
    done += chunk.rows;
    onProgress?.({ step: 'read', table: chunk.table, done, total: Math.max(total, done) });
  };
  try {
    for (;;) {
      const page = waiting.shift();
      if (!page) {
        if (finished) break;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      if (page.table === 'auditLog') laterHeads(heads, page.rows as AuditEntry[]);
      const { table, rows } = page;
      const packed = zip.gzip(JSON.stringify(rows)).then((bytes) => ({ table, rows: rows.length, packed: bytes }));
      packed.catch(() => undefined); // awaited in turn
      compressing.push(packed);
      if (compressing.length >= IN_COMPRESSION) await oldestDone();
    }
    while (compressing.length > 0) await oldestDone();
  } finally {
    zip.close();
  }
  const counts = await reading;
  return { chunks, counts, auditHeads: [...heads.values()].sort((a, b) => a.desk - b.desk) };
}

/**
 * Seals a snapshot of `db` (any version of the schema: every table it has) and hands it to the
 * bridge; keeps the outcome in the backup state.
 */
export async function backUpDatabase(
  db: Dexie,
  deps: BackupDeps,
  o: {
    kind: BackupKind;
    key: BackupKey;
    now: number;
    by: string | null;
    desk?: DeskIdentity;
    onProgress?: OnBackupProgress;
  },
): Promise<BackupOutcome> {
  const { chunks, counts, auditHeads } = await readAndPack(db, o.onProgress);
  const header = {
    app: deps.appVersion,
    schema: db.verno,
    createdAt: o.now,
    createdBy: o.by,
    community: await communityCode(db),
    ...(o.desk ? { desk: o.desk } : {}),
    generation: await generationOf(deps),
    kind: o.kind,
    counts,
    // The audit chain's heads as backed up: what this file's log reaches (issue 23).
    auditHeads: toTuples(auditHeads),
  };
  const content = await sealChunks(chunks, header, o.key, o.onProgress);
  const name = backupFileName(header.community, machineTag(o.key.keyId), localParts(o.now), o.kind, o.desk?.no);
  const result = await deps.bridge.writeBackup({ name, content });
  const state = deps.state.get();
  if (!result.ok) {
    deps.state.set({ ...state, lastFailure: { at: o.now, code: result.code } });
    return { ok: false, message: BACKUP_FAILURE_TEXT[result.code] ?? BACKUP_FAILURE_TEXT.OTHER! };
  }
  deps.state.set({ lastGood: { at: o.now, name }, lastFailure: null, changedSince: false });
  return { ok: true, name, header: { ...header, keyId: o.key.keyId } };
}

/**
 * Backs up every table now. `passphrase` is needed only for the very first backup (it creates
 * this machine's key). By hand (立即备份, a download, the pre-restore download) it needs
 * `data.backup`; `scheduled` (the desktop app's timer, sign-out and quit backups) runs whoever
 * is signed in, but only into the configured folder and only with the existing key.
 * @throws DomainRefusal(NEED_PASSPHRASE) when there is no key yet; BACKUP_ADMINS_ONLY;
 *   SCHEDULED_TO_FOLDER_ONLY.
 */
export async function makeBackup(
  desk: DeskBase,
  deps: BackupDeps,
  kind: BackupKind,
  o: { passphrase?: string; scheduled?: boolean; onProgress?: OnBackupProgress } = {},
): Promise<BackupOutcome> {
  if (o.scheduled) {
    if (!deps.scheduledToFolder || kind !== 'regular' || o.passphrase !== undefined)
      throw new DomainRefusal(SCHEDULED_TO_FOLDER_ONLY);
    if (!(await deps.keys.load())) throw new DomainRefusal(SCHEDULED_TO_FOLDER_ONLY);
  } else await requireBackupRight(desk);
  return backUpAndLog(desk, deps, kind, o.passphrase, o.onProgress);
}

/** The backup itself and its audit row (the caller has checked who may make it). */
export async function backUpAndLog(
  desk: DeskBase,
  deps: BackupDeps,
  kind: BackupKind,
  passphrase?: string,
  onProgress?: OnBackupProgress,
): Promise<BackupOutcome> {
  const db = databaseOf(desk) as unknown as Dexie;
  const key = await machineKey(deps, passphrase, db, desk);
  const outcome = await backUpDatabase(db, deps, {
    kind,
    key,
    now: desk.clock.now(),
    by: desk.actor?.id ?? null,
    // The desk that made it (file name and header); absent only where the app has no desk yet.
    ...(desk.identity ? { desk: desk.identity } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  if (outcome.ok && desk.actor) {
    await writeTx(desk, [], (tx) => tx.audit({ action: 'backup.create', entity: 'backup', detail: kind }));
    // That audit row is not a change the next backup has to cover.
    deps.state.set({ ...deps.state.get(), changedSince: false });
  }
  return outcome;
}
