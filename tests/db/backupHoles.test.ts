/**
 * Issue 22, holes 1–3, in the data layer (fake-indexeddb, the real repositories):
 * 1. `data.backup`: a 值班员 neither sets the backup passphrase nor backs up by hand; scheduled
 *    backups into the configured folder (Electron) run whoever is signed in, never in the
 *    browser build;
 * 2. 从空白开始 needs a 站长/管理员 PIN, checked against the admins kept beside the wipe record
 *    or against a backup's accounts; only a desk that never had an account goes on without one;
 * 3. a restore never removes an audit row: the rows written after a backup survive its restore,
 *    the backup's rows are not doubled (a pre-v10 backup included), the restore row is last.
 */
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import type { AuditEntry } from '@shared/domain/records';
import { auditIdOf } from '@shared/domain/auditIdentity';
import { integrityRecordSchema, type IntegrityRecord } from '@shared/ipc/contract';
import { DutyDeskDB } from '../../renderer/src/db/database';
import { createDeskBase, type DeskBase } from '../../renderer/src/db/desk';
import { hashSecret } from '../../renderer/src/db/secrets';
import { updateStaff } from '../../renderer/src/db/repositories/staff';
import { createResident } from '../../renderer/src/db/repositories/residents';
import { WRONG_ADMIN_PIN } from '../../renderer/src/db/backup/adminPin';
import { recordIntegrity } from '../../renderer/src/db/backup/integrity';
import { makeBackup, SCHEDULED_TO_FOLDER_ONLY } from '../../renderer/src/db/backup/make';
import { restoreBackup } from '../../renderer/src/db/backup/restore';
import { BACKUP_ADMINS_ONLY } from '../../renderer/src/db/backup/rights';
import { startEmpty } from '../../renderer/src/db/backup/startEmpty';
import { readSnapshot, replaceAll } from '../../renderer/src/db/backup/snapshot';
import { backupBeforeUpgrade } from '../../renderer/src/db/backup/preUpgrade';
import { memoryBackupDeps } from './backupDeps';
import { openShipped } from './shippedSchemas';
import { addSignedStaff, communityDesk, freshDb, setUpCommunity, T0, TODAY, WANG_WU } from './testDb';

const PASSPHRASE = '梅花香自苦寒来2026年';
const ADMIN_PIN = '246810'; // setUpCommunity's admin
const CLERK_PIN = '864209';
const SECOND_ADMIN_PIN = '975312';

/** Backup deps whose wipe record is kept (and checked against its schema) like the bridge does. */
function deps(o: { scheduledToFolder?: boolean } = {}) {
  const base = memoryBackupDeps();
  const held: { record: IntegrityRecord | null } = { record: null };
  return Object.assign(base, {
    held,
    scheduledToFolder: o.scheduledToFolder,
    bridge: {
      ...base.bridge,
      readIntegrity: async () => held.record,
      writeIntegrity: async (r: IntegrityRecord) => {
        held.record = integrityRecordSchema.parse(r);
      },
    },
  });
}

/** A set-up community: its admin, a second admin, a deactivated admin and a 值班员. */
async function world() {
  const db = freshDb();
  const setupAdmin = await setUpCommunity(db);
  const admin = await communityDesk(db, { staffId: setupAdmin.id, role: '站长/管理员' });
  const add = async (name: string, role: '值班员' | '站长/管理员', pin: string) =>
    addSignedStaff(admin, { name, role, grids: [], password: await hashSecret(pin, undefined, 1000) });
  const clerkRow = await add('李明', '值班员', CLERK_PIN);
  const second = await add('赵强', '站长/管理员', SECOND_ADMIN_PIN);
  const gone = await add('钱停', '站长/管理员', '531975');
  await updateStaff(admin, gone.id, { active: false });
  const clerk = await communityDesk(db, { staffId: clerkRow.id, role: '值班员' });
  return { db, admin, adminId: setupAdmin.id, clerk, clerkId: clerkRow.id, second, gone };
}

/** Nobody signed in, on `db` (the 数据丢失 screen's desk). */
const baseDesk = (db: DutyDeskDB): DeskBase =>
  createDeskBase(db, { now: () => T0, today: () => TODAY }, () => crypto.randomUUID());

/** The database folder gone: the same name opens empty. */
async function wipe(db: DutyDeskDB): Promise<DutyDeskDB> {
  const name = db.name;
  db.close();
  await Dexie.delete(name);
  return new DutyDeskDB(name);
}

const auditRows = (db: DutyDeskDB) => db.auditLog.toArray();

describe('hole 1: data.backup — the passphrase and every backup by hand', () => {
  it('a 值班员 can neither set the passphrase nor back up; no key is made, no file written', async () => {
    const w = await world();
    const d = deps();
    await expect(makeBackup(w.clerk, d, 'regular', { passphrase: PASSPHRASE })).rejects.toThrow(BACKUP_ADMINS_ONLY);
    expect(await d.keys.load()).toBeNull();
    expect(d.files.size).toBe(0);
    // The admin sets it; the clerk's 立即备份 and a pre-restore download are still refused.
    expect((await makeBackup(w.admin, d, 'regular', { passphrase: PASSPHRASE })).ok).toBe(true);
    await expect(makeBackup(w.clerk, d, 'regular')).rejects.toThrow(BACKUP_ADMINS_ONLY);
    await expect(makeBackup(w.clerk, d, 'preRestore')).rejects.toThrow(BACKUP_ADMINS_ONLY);
    expect(d.files.size).toBe(1);
    expect(await w.db.auditLog.where('action').equals('backup.create').count()).toBe(1);
  });

  it('an admin demoted in another window is refused (the staff row decides, not the session)', async () => {
    const w = await world();
    const d = deps();
    await updateStaff(w.admin, w.second.id, { role: '值班员' });
    const stale = await communityDesk(w.db, { staffId: w.second.id, role: '站长/管理员' });
    await expect(makeBackup(stale, d, 'regular', { passphrase: PASSPHRASE })).rejects.toThrow(BACKUP_ADMINS_ONLY);
    expect(await d.keys.load()).toBeNull();
  });

  it('scheduled backups go into the configured folder whoever is signed in (Electron), never in the browser build', async () => {
    const w = await world();
    const electron = deps({ scheduledToFolder: true });
    // No key yet: a scheduled backup makes none.
    await expect(makeBackup(w.clerk, electron, 'regular', { scheduled: true })).rejects.toThrow(
      SCHEDULED_TO_FOLDER_ONLY,
    );
    await expect(makeBackup(w.clerk, electron, 'regular', { scheduled: true, passphrase: PASSPHRASE })).rejects.toThrow(
      SCHEDULED_TO_FOLDER_ONLY,
    );
    expect(await electron.keys.load()).toBeNull();
    expect((await makeBackup(w.admin, electron, 'regular', { passphrase: PASSPHRASE })).ok).toBe(true);
    const made = await makeBackup(w.clerk, electron, 'regular', { scheduled: true });
    expect(made.ok).toBe(true);
    const last = (await auditRows(w.db)).at(-1);
    expect([last?.action, last?.staffId]).toEqual(['backup.create', w.clerkId]);
    // Only regular backups are scheduled.
    await expect(makeBackup(w.clerk, electron, 'preRestore', { scheduled: true })).rejects.toThrow(
      SCHEDULED_TO_FOLDER_ONLY,
    );

    const browser = deps();
    expect((await makeBackup(w.admin, browser, 'regular', { passphrase: PASSPHRASE })).ok).toBe(true);
    for (const desk of [w.clerk, w.admin])
      await expect(makeBackup(desk, browser, 'regular', { scheduled: true })).rejects.toThrow(SCHEDULED_TO_FOLDER_ONLY);
    expect(browser.files.size).toBe(1);
  });
});

describe('hole 1: the pre-upgrade backup, before anyone signs in', () => {
  async function oldDatabase() {
    const name = `pre-upgrade-pin-${Date.now()}-${Math.random()}`;
    const v9 = openShipped(name, 9);
    const password = (pin: string) => hashSecret(pin, undefined, 1000);
    await v9.table('staff').bulkAdd([
      { id: 'a1', name: '王秀英', role: '站长/管理员', active: true, password: await password(ADMIN_PIN) },
      { id: 'c1', name: '李明', role: '值班员', active: true, password: await password(CLERK_PIN) },
    ]);
    v9.close();
    return name;
  }

  it('setting the passphrase or downloading it needs a 站长/管理员 PIN of the database on disk', async () => {
    const name = await oldDatabase();
    const d = deps();
    const o = { now: 5, name, passphrase: PASSPHRASE };
    await expect(backupBeforeUpgrade(d, o)).rejects.toThrow('请输入站长/管理员的密码或 PIN');
    await expect(backupBeforeUpgrade(d, { ...o, adminPin: CLERK_PIN })).rejects.toThrow(WRONG_ADMIN_PIN);
    expect(await d.keys.load()).toBeNull();
    expect(d.files.size).toBe(0);
    expect((await backupBeforeUpgrade(d, { ...o, adminPin: ADMIN_PIN })).ok).toBe(true);
    // The browser build: with the key set it is still a download, and still needs the PIN.
    await expect(backupBeforeUpgrade(d, { now: 6, name })).rejects.toThrow('请输入站长/管理员的密码或 PIN');
  });

  it('the desktop app with its key writes it into its folder by itself', async () => {
    const name = await oldDatabase();
    const d = deps({ scheduledToFolder: true });
    await expect(backupBeforeUpgrade(d, { now: 5, name, passphrase: PASSPHRASE })).rejects.toThrow(
      '请输入站长/管理员的密码或 PIN',
    );
    expect((await backupBeforeUpgrade(d, { now: 5, name, passphrase: PASSPHRASE, adminPin: ADMIN_PIN })).ok).toBe(true);
    expect((await backupBeforeUpgrade(d, { now: 6, name })).ok).toBe(true);
  });
});

describe('hole 2: 从空白开始 needs a 站长/管理员 PIN', () => {
  it('the wipe record keeps the active admins with their PIN verifiers, and no one else', async () => {
    const w = await world();
    const d = deps();
    const record = await recordIntegrity(w.db, d);
    expect(record.admins?.map((a) => a.id).sort()).toEqual([w.adminId, w.second.id].sort());
    expect(record.admins?.map((a) => a.name).sort()).toEqual(['王秀英', '赵强'].sort());
    const kept = JSON.stringify(d.held.record);
    for (const pin of [ADMIN_PIN, SECOND_ADMIN_PIN, CLERK_PIN]) expect(kept).not.toContain(pin);
    expect(kept).not.toContain(w.clerkId);
    expect(kept).not.toContain(w.gone.id);
    // Bounded: no more admins than the schema allows, no stray fields.
    const tooMany = { ...record, admins: Array.from({ length: 51 }, () => record.admins![0]) };
    expect(integrityRecordSchema.safeParse(tooMany).success).toBe(false);
    const stray = { ...record, admins: [{ ...record.admins![0], pin: ADMIN_PIN }] };
    expect(integrityRecordSchema.safeParse(stray).success).toBe(false);
  });

  it('refused without a PIN, with a wrong one and with a 值班员’s; an admin’s goes on, logged in their name', async () => {
    const w = await world();
    const d = deps();
    await recordIntegrity(w.db, d);
    const db = await wipe(w.db);
    const base = baseDesk(db);
    await expect(startEmpty(base, d)).rejects.toThrow('请输入站长/管理员的密码或 PIN');
    for (const pin of ['000000', CLERK_PIN, '531975'])
      await expect(startEmpty(base, d, { pin })).rejects.toThrow(WRONG_ADMIN_PIN);
    expect(await db.auditLog.count()).toBe(0);
    const generation = d.held.record?.generation;

    expect(await startEmpty(base, d, { pin: SECOND_ADMIN_PIN })).toEqual({ adminId: w.second.id, by: 'wipeRecord' });
    const rows = await auditRows(db);
    expect(rows.map((r) => [r.action, r.staffId, r.detail])).toEqual([
      ['backup.startEmpty', w.second.id, 'wipeRecord'],
    ]);
    expect(d.held.record?.generation).not.toBe(generation);
    db.close();
  });

  it('a record written before (no admins kept): the PIN is checked against the backup the person picks', async () => {
    const w = await world();
    const d = deps();
    const made = await makeBackup(w.admin, d, 'regular', { passphrase: PASSPHRASE });
    if (!made.ok) throw new Error(made.message);
    const { admins: _admins, ...older } = await recordIntegrity(w.db, d);
    d.held.record = older;
    const db = await wipe(w.db);
    const base = baseDesk(db);
    await expect(startEmpty(base, d, { pin: ADMIN_PIN })).rejects.toThrow(WRONG_ADMIN_PIN);
    const backup = { text: d.files.get(made.name)!, passphrase: PASSPHRASE };
    await expect(startEmpty(base, d, { pin: CLERK_PIN, backup })).rejects.toThrow(WRONG_ADMIN_PIN);
    expect(await startEmpty(base, d, { pin: ADMIN_PIN, backup })).toEqual({ adminId: w.adminId, by: 'backup' });
    expect((await auditRows(db)).map((r) => [r.action, r.staffId])).toEqual([['backup.startEmpty', w.adminId]]);
    db.close();
  });

  it('where the desk keeps its admins, a backup someone brings does not answer for them', async () => {
    const w = await world();
    const d = deps();
    const made = await makeBackup(w.admin, d, 'regular', { passphrase: PASSPHRASE });
    if (!made.ok) throw new Error(made.message);
    // The record keeps one admin, whose PIN is not the one inside the backup.
    const record = await recordIntegrity(w.db, d);
    const verifier = await hashSecret(SECOND_ADMIN_PIN, undefined, 1000);
    d.held.record = { ...record, admins: [{ id: 'staff-admin-2', name: '站长二', verifier }] };
    const db = await wipe(w.db);
    const base = baseDesk(db);
    const backup = { text: d.files.get(made.name)!, passphrase: PASSPHRASE };
    await expect(startEmpty(base, d, { pin: ADMIN_PIN, backup })).rejects.toThrow(WRONG_ADMIN_PIN);
    await expect(
      restoreBackup(base, d, backup.text, PASSPHRASE, { adminPin: ADMIN_PIN, liveBackedUp: true }),
    ).rejects.toThrow(WRONG_ADMIN_PIN);
    expect(await db.auditLog.count()).toBe(0);
    expect(await startEmpty(base, d, { pin: SECOND_ADMIN_PIN, backup })).toEqual({
      adminId: 'staff-admin-2',
      by: 'wipeRecord',
    });
    db.close();
  });

  it('only a desk that never had an account goes on without a PIN', async () => {
    const d = deps();
    const db = freshDb();
    await recordIntegrity(db, d);
    expect(d.held.record?.admins).toEqual([]);
    expect(await startEmpty(baseDesk(db), d)).toEqual({ adminId: null, by: 'noAccounts' });
    expect((await auditRows(db)).map((r) => [r.action, r.staffId])).toEqual([['backup.startEmpty', null]]);
  });
});

describe('hole 3: a restore never removes an audit row', () => {
  it('the rows written after a backup survive its restore; none doubled; the restore row last', async () => {
    const w = await world();
    const d = deps();
    await createResident(w.admin, { ...WANG_WU, name: '甲一', phone: '13900002222', idNumber: '' });
    const made = await makeBackup(w.admin, d, 'regular', { passphrase: PASSPHRASE });
    if (!made.ok) throw new Error(made.message);
    await createResident(w.admin, { ...WANG_WU, name: '乙二', phone: '13900003333', idNumber: '' });
    const live = await auditRows(w.db);
    expect(live.every((r) => /^[a-p]{32}$/.test(r.id ?? ''))).toBe(true);

    await restoreBackup(w.admin, d, d.files.get(made.name)!, undefined, { liveBackedUp: true });

    expect((await w.db.residents.toArray()).map((r) => r.name)).toEqual(['甲一']);
    const after = await auditRows(w.db);
    // Every live row kept as it was (the one after the backup included), nothing doubled.
    expect(after.slice(0, live.length)).toEqual(live);
    expect(after).toHaveLength(live.length + 1);
    expect(after.at(-1)?.action).toBe('backup.restore');
    expect(new Set(after.map((r) => r.id)).size).toBe(after.length);
  });

  it('before sign-in (数据丢失): an admin PIN of the backup’s accounts; the backup’s rows come back, then the restore row', async () => {
    const w = await world();
    const d = deps();
    const made = await makeBackup(w.admin, d, 'regular', { passphrase: PASSPHRASE });
    if (!made.ok) throw new Error(made.message);
    // (Its own backup.create row is written after the snapshot: not in the file.)
    const inBackup = (await auditRows(w.db)).slice(0, -1);
    const db = await wipe(w.db);
    const base = baseDesk(db);
    const text = d.files.get(made.name)!;
    await expect(restoreBackup(base, d, text, PASSPHRASE)).rejects.toThrow('请输入站长/管理员的密码或 PIN');
    await expect(restoreBackup(base, d, text, PASSPHRASE, { adminPin: CLERK_PIN })).rejects.toThrow(WRONG_ADMIN_PIN);
    expect(await db.auditLog.count()).toBe(0);
    await restoreBackup(base, d, text, PASSPHRASE, { adminPin: SECOND_ADMIN_PIN });
    const after = await auditRows(db);
    expect(after.map((r) => r.id)).toEqual([...inBackup.map((r) => r.id), after.at(-1)?.id]);
    expect([after.at(-1)?.action, after.at(-1)?.staffId]).toEqual(['backup.restore', w.second.id]);
    db.close();
  });

  it('a backup made before v10 restored into the upgraded database doubles none of its rows', async () => {
    const name = `v9-restore-${Date.now()}`;
    const v9 = openShipped(name, 9);
    const old: AuditEntry[] = [
      { at: 1, staffId: 's1', action: 'signin.ok', entity: 'staff', entityId: 's1' },
      { at: 2, staffId: 's1', action: 'resident.create', entity: 'resident', entityId: 'r1' },
      // The same content twice (two sign-ins in one millisecond): two rows, two identities.
      { at: 2, staffId: 's1', action: 'resident.create', entity: 'resident', entityId: 'r1' },
    ];
    await v9.table('auditLog').bulkAdd(old);
    const backupTables = await readSnapshot(v9); // a pre-v10 backup: rows without ids
    v9.close();

    const db = new DutyDeskDB(name); // upgraded: the same rows, ids derived from their content
    await db.auditLog.add({ id: 'later-1', at: 3, staffId: 's1', action: 'signin.ok', entity: 'staff' });
    const live = await auditRows(db);
    await replaceAll(db, backupTables, {
      id: 'restore-1',
      at: 4,
      staffId: 's1',
      action: 'backup.restore',
      entity: 'backup',
    });
    const after = await auditRows(db);
    expect(after.slice(0, live.length)).toEqual(live);
    expect(after.map((r) => r.id)).toEqual([...live.map((r) => r.id), 'restore-1']);
    expect(live.slice(0, 3).map((r) => r.id)).toEqual((backupTables.auditLog as AuditEntry[]).map((r) => auditIdOf(r)));
    db.close();
  });
});
