/**
 * Backups, restore and wipe detection at the desk level (issue 11). The platform is injected
 * (`BackupDeps`: the bridge's backup channels, the machine key store, a small state store), so
 * the same code runs in Electron, in the browser build and in Vitest.
 *
 * - `makeBackup`: a consistent snapshot of every table, sealed (seal.ts), handed to the bridge
 *   (a file in the backup folder; a download in the browser build). The first one needs the
 *   backup passphrase (it creates the machine key). The outcome is kept for the 工作台. By hand
 *   it needs `data.backup` (the acting staff row re-read); a scheduled one (Electron: timer,
 *   sign-out, quit) goes only to the configured folder with the existing key, whoever is
 *   signed in.
 * - `inspectBackup` (检查备份): decrypts and verifies a file, touches nothing (in Electron, main
 *   opens it: other machines' keys never reach the page).
 * - `changePassphrase` (设置 / 更改备份密码): admins (`data.backup`); the passphrase rule of
 *   shared/backup/passphrase.ts; a changed passphrase makes a NEW key (the old one is kept: this
 *   machine still opens its older backups, and elsewhere they open with the OLD passphrase).
 * - `restoreBackup`: verifies first; backs up the live data (kind preRestore); replaces every
 *   table in one transaction through the write path — except the audit log, which keeps every
 *   live row and gains the backup's rows it lacks (a restore never removes an audit row); new
 *   generation; logged. Before sign-in (数据丢失) an admin PIN of the backup's accounts.
 * - `recordIntegrity` / `checkIntegrity`: per-table counts and a generation id kept OUTSIDE
 *   IndexedDB after each committed write; at start, a table with fewer rows than recorded (the
 *   desk never deletes records) or a missing database means the data was lost. The record
 *   also keeps the active admins' PIN verifiers, for `startEmpty` (从空白开始 needs an admin PIN).
 */
import { backupFileName, machineTag, type BackupFile, type BackupHeader } from '@shared/backup/format';
import type { DeskIdentity } from '@shared/domain/deskNumber';
import { passphraseProblem, type PassphraseContext } from '@shared/backup/passphrase';
import { can, holdersOf } from '@shared/domain/roles';
import type { BackupKind } from '@shared/backup/retention';
import {
  INTEGRITY_MAX_ADMINS,
  type ChooseFolderResult,
  type DeskBridge,
  type IntegrityAdmin,
  type IntegrityRecord,
} from '@shared/ipc/contract';
import type { PasswordHash, Staff } from '@shared/domain/records';
import type { Dexie } from 'dexie';
import type { DutyDeskDB } from '../database';
import { withActor, type DeskBase } from '../desk';
import { DomainRefusal } from '../refusal';
import { requirePermission } from '../authorize';
import { reportStorageError, toStorageError } from '../storageErrors';
import { databaseOf, newAuditId, writeTx } from '../write';
import { newBackupKey, openBackup, readBackupHeader, sealBackup, type BackupKey, type BackupTables } from './seal';
import { verifySecret } from '../secrets';
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
  /**
   * This platform writes backups into the configured folder by itself (Electron). Only then may
   * a scheduled backup run whoever is signed in; in the browser build every backup is a download
   * and needs `data.backup`. Absent = false.
   */
  scheduledToFolder?: boolean;
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

export const RESTORE_NEEDS_OWN_KEY =
  '恢复前要先备份现有数据，但本机还没有设置备份密码：请站长/管理员先在「设置 → 数据备份」设置备份密码，再恢复。现有数据未改动。';
export const NEED_PASSPHRASE = '第一次备份前，请先设置备份密码';

/** The refusal of a backup by hand, or of the passphrase, to an account without `data.backup`. */
export const BACKUP_ADMINS_ONLY = `只有${holdersOf('data.backup')}可以设置备份密码或手动备份`;

/** A scheduled backup where there is no configured folder (the browser build) or no key yet. */
export const SCHEDULED_TO_FOLDER_ONLY = '自动备份只写入本机设置的备份文件夹';

/** An admin PIN that matched no admin account. */
export const WRONG_ADMIN_PIN = '站长/管理员的密码或 PIN 不正确';

/**
 * `data.backup` (站长/管理员), from the acting staff row as stored now (deactivated or demoted in
 * another window: refused); nobody signed in: refused. For every write of the passphrase or the
 * machine key and every backup that leaves the machine's control (the "keys" part calls it too).
 * @throws DomainRefusal(BACKUP_ADMINS_ONLY)
 */
export async function requireBackupRight(desk: DeskBase): Promise<void> {
  const me = desk.actor ? await databaseOf(desk).staff.get(desk.actor.id) : undefined;
  if (!me || !can(me, 'data.backup')) throw new DomainRefusal(BACKUP_ADMINS_ONLY);
}

/**
 * 更改备份位置 (Electron): `data.backup` first (re-read from the staff row), then main's own
 * folder dialog, whose answer main checks (never a system folder, writable).
 */
export async function chooseBackupFolder(
  desk: DeskBase,
  bridge: Pick<DeskBridge, 'chooseBackupFolder'>,
): Promise<ChooseFolderResult> {
  await requireBackupRight(desk);
  return bridge.chooseBackupFolder();
}

/** An account that may answer for an admin PIN: its id, role and PIN verifier. */
type PinHolder = { id: string; role: Staff['role']; password: PasswordHash };

/** The first of `holders` whose verifier accepts `pin`, or null (each check is a slow KDF). */
async function pinOwner(pin: string, holders: readonly PinHolder[]): Promise<PinHolder | null> {
  for (const h of holders) if (await verifySecret(pin, h.password).catch(() => false)) return h;
  return null;
}

/** The active holders of `permission` among staff rows read from a file or an old database. */
function holdersAmong(rows: readonly unknown[], permission: 'data.restore' | 'data.backup'): PinHolder[] {
  return (rows as Staff[]).filter((s) => s && typeof s === 'object' && s.password && can(s, permission));
}

/**
 * The admins this desk knows after a loss: those the wipe record keeps (outside IndexedDB) and
 * those still in the database. When there are any, only they may answer before sign-in — a
 * backup someone brings does not make its accounts this desk's admins.
 */
async function knownAdmins(db: DutyDeskDB, deps: BackupDeps): Promise<PinHolder[]> {
  const recorded = (await deps.bridge.readIntegrity())?.admins ?? [];
  const live = holdersAmong(await db.staff.toArray(), 'data.restore');
  return [...recorded.map((a) => ({ id: a.id, role: '站长/管理员' as const, password: a.verifier })), ...live];
}

/** The active admins (`data.restore`) among the staff rows of a backup. */
function backupAdmins(tables: BackupTables): PinHolder[] {
  return holdersAmong(tables.staff ?? [], 'data.restore');
}

/**
 * Before sign-in, a backup that sets the passphrase or leaves the machine (the pre-upgrade
 * backup, preUpgrade.ts): an account with `data.backup` among `staffRows` (the database as it
 * is on disk) answers with its PIN; rows with no account at all need none.
 * @throws DomainRefusal (field `pin`)
 */
export async function requireBackupPinAmong(staffRows: readonly unknown[], pin: string | undefined): Promise<void> {
  if (staffRows.length === 0) return;
  if (!pin) throw new DomainRefusal('请输入站长/管理员的密码或 PIN', 'pin');
  if (!(await pinOwner(pin, holdersAmong(staffRows, 'data.backup')))) throw new DomainRefusal(WRONG_ADMIN_PIN, 'pin');
}

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
  await requireBackupRight(desk);
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
  o: { kind: BackupKind; key: BackupKey; now: number; by: string | null; desk?: DeskIdentity },
): Promise<BackupOutcome> {
  const tables = await readSnapshot(db);
  const header = {
    app: deps.appVersion,
    schema: db.verno,
    createdAt: o.now,
    createdBy: o.by,
    community: await communityCode(db),
    ...(o.desk ? { desk: o.desk } : {}),
    generation: await generationOf(deps),
    kind: o.kind,
    counts: countsOf(tables),
  };
  const content = await sealBackup(tables, header, o.key);
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
  o: { passphrase?: string; scheduled?: boolean } = {},
): Promise<BackupOutcome> {
  if (o.scheduled) {
    if (!deps.scheduledToFolder || kind !== 'regular' || o.passphrase !== undefined)
      throw new DomainRefusal(SCHEDULED_TO_FOLDER_ONLY);
    if (!(await deps.keys.load())) throw new DomainRefusal(SCHEDULED_TO_FOLDER_ONLY);
  } else await requireBackupRight(desk);
  return backUpAndLog(desk, deps, kind, o.passphrase);
}

/** The backup itself and its audit row (the caller has checked who may make it). */
async function backUpAndLog(
  desk: DeskBase,
  deps: BackupDeps,
  kind: BackupKind,
  passphrase?: string,
): Promise<BackupOutcome> {
  const db = databaseOf(desk) as unknown as Dexie;
  const key = await machineKey(deps, passphrase, db);
  const outcome = await backUpDatabase(db, deps, {
    kind,
    key,
    now: desk.clock.now(),
    by: desk.actor?.id ?? null,
    // The desk that made it (file name and header); absent only where the app has no desk yet.
    ...(desk.identity ? { desk: desk.identity } : {}),
  });
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
  o: {
    /** The live data was backed up (and the clerk confirmed it saved) just before. */
    liveBackedUp?: boolean;
    /** Nobody signed in (数据丢失): a 站长/管理员 PIN, checked against the accounts IN the backup. */
    adminPin?: string;
  } = {},
): Promise<BackupHeader> {
  // A storage failure is told as one (StorageError, Chinese), as every writeTx does (write.ts).
  return restoreNow(desk, deps, text, passphrase, o).catch((e: unknown) => {
    if (e instanceof DomainRefusal) throw e;
    const err = toStorageError(e);
    reportStorageError(err);
    throw err;
  });
}

async function restoreNow(
  desk: DeskBase,
  deps: BackupDeps,
  text: string,
  passphrase: string | undefined,
  o: { liveBackedUp?: boolean; adminPin?: string },
): Promise<BackupHeader> {
  const db = databaseOf(desk);
  // The acting account as stored now (deactivated or demoted in another window: refused);
  // after a data loss its row may be gone, and the session's role stands.
  const me = desk.actor ? ((await db.staff.get(desk.actor.id)) ?? desk.actor) : null;
  if (me && !can(me, 'data.restore')) throw new DomainRefusal(`只有${holdersOf('data.restore')}可以从备份恢复`);
  const opened = await inspectBackup(desk, deps, text, passphrase);
  // Before sign-in the live database may have no accounts left: an admin of the backup answers.
  let acting = desk;
  if (!desk.actor) {
    if (!o.adminPin) throw new DomainRefusal('请输入站长/管理员的密码或 PIN', 'pin');
    const known = await knownAdmins(db, deps);
    const admin = await pinOwner(o.adminPin, known.length > 0 ? known : backupAdmins(opened.tables));
    const where = known.length > 0 ? '本机记录的站长/管理员账号' : '备份中的账号';
    if (!admin) throw new DomainRefusal(`${WRONG_ADMIN_PIN}（以${where}为准）`, 'pin');
    acting = withActor(desk, { id: admin.id, role: admin.role });
  }
  const live = await tableCounts(db);
  if (!o.liveBackedUp && Object.values(live).some((n) => n > 0)) {
    // Part of the restore (its right checked above), not a backup by hand.
    // Sealed with this machine's own key only: the passphrase typed for the file being restored
    // must never become this machine's passphrase.
    if (!(await deps.keys.load())) throw new DomainRefusal(RESTORE_NEEDS_OWN_KEY);
    const before = await backUpAndLog(acting, deps, 'preRestore');
    if (!before.ok) throw new DomainRefusal(`恢复前没能先备份现有数据：${before.message}。现有数据未改动。`);
  }
  // One transaction: every table replaced, the audit log kept and completed, the restore logged
  // last — or nothing.
  await replaceAll(db, opened.tables, {
    id: newAuditId(),
    at: desk.clock.now(),
    staffId: acting.actor?.id ?? null,
    action: 'backup.restore',
    entity: 'backup',
    detail: `${opened.header.kind}/${opened.header.createdAt}`,
  });
  // Right after the commit, before anything that can fail: the record of what the data holds now.
  // The data is restored whatever happens next: a record that cannot be written now must not
  // turn the restore into a failure (the next committed write records the counts again).
  await recordIntegrity(db, deps, crypto.randomUUID()).catch(() => undefined);
  // A backup from another machine: its key is kept BESIDE this machine's own, never as it (the
  // own key seals every new backup and comes only from an admin's passphrase). Best effort: the
  // data is already restored.
  if (opened.rawKey && !(await deps.keys.find(opened.header.keyId).catch(() => null))) {
    await deps.keys
      .save(opened.rawKey, opened.header.keyId, (JSON.parse(text) as BackupFile).passphraseKey, false)
      .catch(() => undefined);
  }
  return opened.header;
}

async function tableCounts(db: DutyDeskDB): Promise<Record<string, number>> {
  const dexie = db as unknown as Dexie;
  const counts = await Promise.all(dexie.tables.map((t) => t.count()));
  return Object.fromEntries(dexie.tables.map((t, i) => [t.name, counts[i] ?? 0]));
}

/** The active admins (`data.restore`) with their PIN verifiers, as the wipe record keeps them. */
async function activeAdmins(db: DutyDeskDB): Promise<IntegrityAdmin[]> {
  const staff = await db.staff.toArray();
  return staff
    .filter((s) => can(s, 'data.restore'))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, INTEGRITY_MAX_ADMINS)
    .map((s) => ({
      id: s.id,
      name: s.name.slice(0, 100) || '—',
      verifier: {
        algorithm: s.password.algorithm,
        iterations: s.password.iterations,
        saltB64: s.password.saltB64,
        hashB64: s.password.hashB64,
      },
    }));
}

/** Writes what the database holds now (outside IndexedDB), with the active admins' PIN verifiers. */
export async function recordIntegrity(db: DutyDeskDB, deps: BackupDeps, generation?: string): Promise<IntegrityRecord> {
  const [counts, admins] = await Promise.all([tableCounts(db), activeAdmins(db)]);
  const record: IntegrityRecord = {
    generation: generation ?? (await generationOf(deps)),
    updatedAt: Date.now(),
    counts,
    admins,
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

/** Where the PIN of 从空白开始 was checked: the wipe record, a backup, or no account ever. */
export type StartEmptyBy = 'wipeRecord' | 'backup' | 'noAccounts';

/**
 * 从空白开始: go on without the lost data. Needs a 站长/管理员 PIN, checked against the admins'
 * PIN verifiers kept beside the wipe record (outside IndexedDB) or against the accounts of a
 * backup the person picks; only a desk that never had an account goes on without one. Logged
 * in the name of the admin whose PIN was given, and recorded anew.
 * @throws DomainRefusal (field `pin`) without a PIN or with a wrong one.
 */
export async function startEmpty(
  desk: DeskBase,
  deps: BackupDeps,
  o: { pin?: string; backup?: { text: string; passphrase?: string } } = {},
): Promise<{ adminId: string | null; by: StartEmptyBy }> {
  const db = databaseOf(desk);
  const recorded = await deps.bridge.readIntegrity();
  const known = await knownAdmins(db, deps);
  const hadAccounts = (recorded?.counts.staff ?? 0) > 0 || known.length > 0 || (await db.staff.count()) > 0;
  let admin: PinHolder | null = null;
  let by: StartEmptyBy = 'noAccounts';
  if (hadAccounts) {
    if (!o.pin) throw new DomainRefusal('请输入站长/管理员的密码或 PIN', 'pin');
    admin = await pinOwner(o.pin, known);
    by = 'wipeRecord';
    // A backup's accounts answer only where the desk knows no admin (a record written before
    // it kept them): otherwise anyone could bring a backup of their own making.
    if (!admin && known.length === 0 && o.backup) {
      const opened = await inspectBackup(desk, deps, o.backup.text, o.backup.passphrase);
      admin = await pinOwner(o.pin, backupAdmins(opened.tables));
      by = 'backup';
    }
    if (!admin) {
      const where = known.length === 0 && o.backup ? '所选备份中的' : '本机记录的';
      throw new DomainRefusal(`${WRONG_ADMIN_PIN}（以${where}站长/管理员账号为准）`, 'pin');
    }
  }
  const acting = withActor(desk, admin ? { id: admin.id, role: admin.role } : null);
  await writeTx(acting, [], (tx) => tx.audit({ action: 'backup.startEmpty', entity: 'backup', detail: by }));
  await recordIntegrity(db, deps, crypto.randomUUID());
  return { adminId: admin?.id ?? null, by };
}
