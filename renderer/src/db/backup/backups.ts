/**
 * Backups, restore and wipe detection at the desk level (issue 11). The platform is injected
 * (`BackupDeps`: the bridge's backup channels, the machine key store, a small state store), so
 * the same code runs in Electron, in the browser build and in Vitest.
 *
 * - `makeBackup`: a consistent snapshot of every table, sealed (seal.ts), handed to the bridge
 *   (a file in the backup folder; a download in the browser build). The first one needs the
 *   backup passphrase (it creates the machine key). The outcome is kept for the 工作台.
 * - `inspectBackup` (检查备份): decrypts and verifies a file, touches nothing (in Electron, main
 *   opens it: other machines' keys never reach the page).
 * - `changePassphrase` (设置 / 更改备份密码): admins (`data.backup`); the passphrase rule of
 *   shared/backup/passphrase.ts; a changed passphrase makes a NEW key (the old one is kept: this
 *   machine still opens its older backups, and elsewhere they open with the OLD passphrase).
 * - `restoreBackup`: verifies first; backs up the live data (kind preRestore); replaces every
 *   table in one transaction through the write path; new generation; logged.
 * - `recordIntegrity` / `checkIntegrity`: per-table counts and a generation id kept OUTSIDE
 *   IndexedDB after each committed write; at start, a table with fewer rows than recorded (the
 *   desk never deletes records) or a missing database means the data was lost.
 */
import { backupFileName, machineTag, type BackupFile, type BackupHeader } from '@shared/backup/format';
import { passphraseProblem, type PassphraseContext } from '@shared/backup/passphrase';
import { can, holdersOf } from '@shared/domain/roles';
import type { BackupKind } from '@shared/backup/retention';
import type { DeskBridge, IntegrityRecord } from '@shared/ipc/contract';
import type { Dexie } from 'dexie';
import type { DutyDeskDB } from '../database';
import type { DeskBase } from '../desk';
import { DomainRefusal } from '../refusal';
import { requirePermission } from '../authorize';
import { databaseOf, writeTx } from '../write';
import { newBackupKey, openBackup, readBackupHeader, sealBackup, type BackupKey, type BackupTables } from './seal';
import { countsOf, readSnapshot, replaceAll } from './snapshot';

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
    o: { currentSchema: number; passphrase?: string },
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
};

export const EMPTY_BACKUP_STATE: BackupState = { lastGood: null, lastFailure: null, changedSince: false };

export const BACKUP_FAILURE_TEXT: Record<string, string> = {
  ENOSPC: '备份文件夹所在的磁盘已满',
  EACCES: '没有写入备份文件夹的权限',
  EPERM: '没有写入备份文件夹的权限',
  ENOENT: '备份文件夹不存在（U 盘或网络盘是否已拔出或断开？）',
  EROFS: '备份文件夹只读，不能写入',
  OTHER: '备份文件没能写入',
};

export const NEED_PASSPHRASE = '第一次备份前，请先设置备份密码';

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

async function generationOf(deps: BackupDeps): Promise<string> {
  return (await deps.bridge.readIntegrity())?.generation ?? crypto.randomUUID();
}

export type BackupOutcome = { ok: true; name: string; header: BackupHeader } | { ok: false; message: string };

/** What a new passphrase must not contain: the community's code and name, the admins' names. */
export async function passphraseContextOf(db: Dexie): Promise<PassphraseContext> {
  const community = (await db.table('meta').get('community')) as
    { value?: { code?: string; name?: string } } | undefined;
  const staff = (await db.table('staff').toArray()) as { name?: string; role?: string; active?: boolean }[];
  return {
    communityCode: community?.value?.code ?? null,
    communityName: community?.value?.name ?? null,
    adminNames: staff.filter((s) => s.role === '站长/管理员' && s.name).map((s) => s.name!),
  };
}

/** @throws DomainRefusal at its field when `passphrase` breaks the rule (shared/backup/passphrase.ts). */
async function checkNewPassphrase(db: Dexie | undefined, input: { passphrase: string; again?: string }) {
  const problem = passphraseProblem(input, db ? await passphraseContextOf(db) : {});
  if (problem) throw new DomainRefusal(problem.message, problem.field);
}

/**
 * This machine's key; the first backup makes it from the passphrase (checked by the rule, against
 * `db`'s community and admins when given). @throws DomainRefusal(NEED_PASSPHRASE)
 */
export async function machineKey(deps: BackupDeps, passphrase?: string, db?: Dexie): Promise<BackupKey> {
  const key = await deps.keys.load();
  if (key) return key;
  if (!passphrase) throw new DomainRefusal(NEED_PASSPHRASE, 'passphrase');
  await checkNewPassphrase(db, { passphrase });
  const created = await newBackupKey(passphrase);
  return deps.keys.save(created.raw, created.backupKey.keyId, created.backupKey.passphraseKey, true);
}

/**
 * 设置 / 更改备份密码 (admins: `data.backup`). The passphrase must follow the rule and be typed
 * twice alike. Changing it makes a NEW machine key wrapped with the new passphrase — not the old
 * key re-wrapped: whoever learnt the old passphrase (the reason to change it) could otherwise
 * unwrap the key from any old file and read every new backup too. The old key stays on this
 * machine (its older backups still open here without a passphrase); elsewhere those older
 * backups open only with the OLD passphrase. Logged, never the passphrase.
 * @throws DomainRefusal (permission; the rule, at the field 'passphrase' or 'again')
 */
export async function changePassphrase(
  desk: DeskBase,
  deps: BackupDeps,
  input: { passphrase: string; again: string },
  /** PBKDF2 rounds of the new key (tests pass fewer; stored in every file). */
  o: { iterations?: number } = {},
): Promise<'set' | 'changed'> {
  const db = databaseOf(desk);
  const me = desk.actor ? await db.staff.get(desk.actor.id) : undefined;
  if (!me || !can(me, 'data.backup')) throw new DomainRefusal(`只有${holdersOf('data.backup')}可以设置或更改备份密码`);
  await checkNewPassphrase(db as unknown as Dexie, input);
  const had = (await deps.keys.load().catch(() => null)) !== null;
  const created = await newBackupKey(input.passphrase, o.iterations);
  // Re-checked inside the audit's transaction (a role changed meanwhile in another window):
  // refused there, the new key is not kept.
  await writeTx(desk, ['staff'], async (tx) => {
    await requirePermission(tx, desk.actor, 'data.backup', '设置或更改备份密码');
    await tx.audit({
      action: had ? 'backup.passphraseChange' : 'backup.passphraseSet',
      entity: 'backup',
      detail: machineTag(created.backupKey.keyId),
    });
  });
  await deps.keys.save(created.raw, created.backupKey.keyId, created.backupKey.passphraseKey, true);
  return had ? 'changed' : 'set';
}

/**
 * Seals a snapshot of `db` (any version of the schema: every table it has) and hands it to the
 * bridge; keeps the outcome in the backup state.
 */
export async function backUpDatabase(
  db: Dexie,
  deps: BackupDeps,
  o: { kind: BackupKind; key: BackupKey; now: number; by: string | null },
): Promise<BackupOutcome> {
  const tables = await readSnapshot(db);
  const header = {
    app: deps.appVersion,
    schema: db.verno,
    createdAt: o.now,
    createdBy: o.by,
    community: await communityCode(db),
    generation: await generationOf(deps),
    kind: o.kind,
    counts: countsOf(tables),
  };
  const content = await sealBackup(tables, header, o.key);
  const name = backupFileName(header.community, machineTag(o.key.keyId), localParts(o.now), o.kind);
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
 * this machine's key). @throws DomainRefusal(NEED_PASSPHRASE) when there is no key yet.
 */
export async function makeBackup(
  desk: DeskBase,
  deps: BackupDeps,
  kind: BackupKind,
  o: { passphrase?: string } = {},
): Promise<BackupOutcome> {
  const db = databaseOf(desk) as unknown as Dexie;
  const key = await machineKey(deps, o.passphrase, db);
  const outcome = await backUpDatabase(db, deps, { kind, key, now: desk.clock.now(), by: desk.actor?.id ?? null });
  if (outcome.ok && desk.actor) {
    await writeTx(desk, [], (tx) => tx.audit({ action: 'backup.create', entity: 'backup', detail: kind }));
    // That audit row is not a change the next backup has to cover.
    deps.state.set({ ...deps.state.get(), changedSince: false });
  }
  return outcome;
}

/** 检查备份: the file decrypted and verified, nothing touched. @throws DomainRefusal */
export async function inspectBackup(
  desk: DeskBase,
  deps: BackupDeps,
  text: string,
  passphrase?: string,
): Promise<{ header: BackupHeader; tables: BackupTables; rawKey?: Uint8Array<ArrayBuffer> }> {
  const db = databaseOf(desk);
  if (deps.keys.open) return deps.keys.open(text, { currentSchema: db.verno, passphrase });
  const { header } = readBackupHeader(text, db.verno);
  // With the passphrase the machine's keys are not needed (and a key store that cannot be
  // read — an OS keyring reset — must not stand in the way of the one way back).
  const machineKey = passphrase ? null : await deps.keys.find(header.keyId);
  return openBackup(text, { currentSchema: db.verno, machineKey, passphrase });
}

/** The header alone (date, maker, counts), before the passphrase is asked for. */
export function backupHeaderOf(desk: DeskBase, text: string): BackupHeader {
  return readBackupHeader(text, databaseOf(desk).verno).header;
}

/**
 * Replaces all data with the backup in `text`. Verifies it first (nothing is touched when it
 * is refused), then backs up the live data if there is any (and refuses if that fails).
 */
export async function restoreBackup(
  desk: DeskBase,
  deps: BackupDeps,
  text: string,
  passphrase?: string,
  /** The live data was backed up (and the clerk confirmed it saved) just before. */
  o: { liveBackedUp?: boolean } = {},
): Promise<BackupHeader> {
  const db = databaseOf(desk);
  // The acting account as stored now (deactivated or demoted in another window: refused);
  // after a data loss its row may be gone, and the session's role stands.
  const me = desk.actor ? ((await db.staff.get(desk.actor.id)) ?? desk.actor) : null;
  if (me && !can(me, 'data.restore')) throw new DomainRefusal(`只有${holdersOf('data.restore')}可以从备份恢复`);
  const opened = await inspectBackup(desk, deps, text, passphrase);
  const live = await tableCounts(db);
  if (!o.liveBackedUp && Object.values(live).some((n) => n > 0)) {
    const before = await makeBackup(desk, deps, 'preRestore', { passphrase });
    if (!before.ok) throw new DomainRefusal(`恢复前没能先备份现有数据：${before.message}。现有数据未改动。`);
  }
  // One transaction: every table replaced and the restore logged, or nothing.
  await replaceAll(db, opened.tables, {
    at: desk.clock.now(),
    staffId: desk.actor?.id ?? null,
    action: 'backup.restore',
    entity: 'backup',
    detail: `${opened.header.kind}/${opened.header.createdAt}`,
  });
  // Right after the commit, before anything that can fail: the record of what the data holds now.
  await recordIntegrity(db, deps, crypto.randomUUID());
  // A backup from another machine: its key is kept beside this machine's own (or becomes it,
  // on a machine that has none yet). Best effort: the data is already restored.
  if (opened.rawKey && !(await deps.keys.find(opened.header.keyId).catch(() => null))) {
    const own = !(await deps.keys.load().catch(() => null));
    await deps.keys
      .save(opened.rawKey, opened.header.keyId, (JSON.parse(text) as BackupFile).passphraseKey, own)
      .catch(() => undefined);
  }
  return opened.header;
}

async function tableCounts(db: DutyDeskDB): Promise<Record<string, number>> {
  const dexie = db as unknown as Dexie;
  const counts = await Promise.all(dexie.tables.map((t) => t.count()));
  return Object.fromEntries(dexie.tables.map((t, i) => [t.name, counts[i] ?? 0]));
}

/** Writes what the database holds now (outside IndexedDB). */
export async function recordIntegrity(db: DutyDeskDB, deps: BackupDeps, generation?: string): Promise<IntegrityRecord> {
  const record: IntegrityRecord = {
    generation: generation ?? (await generationOf(deps)),
    updatedAt: Date.now(),
    counts: await tableCounts(db),
  };
  await deps.bridge.writeIntegrity(record);
  return record;
}

export type IntegrityCheck = { ok: true } | { ok: false; lost: { table: string; recorded: number; now: number }[] };

/** At start: did the database lose records since the last committed write? */
export async function checkIntegrity(db: DutyDeskDB, deps: BackupDeps): Promise<IntegrityCheck> {
  const recorded = await deps.bridge.readIntegrity();
  if (!recorded) return { ok: true }; // a new machine, or the first run of this version
  const now = await tableCounts(db);
  const lost = Object.entries(recorded.counts)
    .filter(([table, n]) => (now[table] ?? 0) < n)
    .map(([table, n]) => ({ table, recorded: n, now: now[table] ?? 0 }));
  return lost.length > 0 ? { ok: false, lost } : { ok: true };
}

/** 从空白开始: the clerk chose to go on without the lost data; logged, and recorded anew. */
export async function startEmpty(desk: DeskBase, deps: BackupDeps): Promise<void> {
  await writeTx(desk, [], (tx) => tx.audit({ action: 'backup.startEmpty', entity: 'backup' }));
  await recordIntegrity(databaseOf(desk), deps, crypto.randomUUID());
}
