/**
 * The street installation in the data layer (issue 27 item 2): setup, the refusal rule of writeTx
 * by installation kind (every role of each kind), the accounts of each kind, no hub for a street,
 * and backups that restore only on their own kind.
 */
import { describe, expect, it } from 'vitest';
import { createResident } from '../../renderer/src/db/repositories/residents';
import { addStaff, updateStaff } from '../../renderer/src/db/repositories/staff';
import { completeSetup } from '../../renderer/src/db/repositories/community';
import {
  completeStreetSetup,
  getInstallation,
  updateStreetSettings,
} from '../../renderer/src/db/repositories/street/install';
import { saveStreetCommunity } from '../../renderer/src/db/repositories/street/communities';
import { writeTx } from '../../renderer/src/db/write';
import { makeBackup } from '../../renderer/src/db/backup/make';
import { restoreBackup } from '../../renderer/src/db/backup/restore';
import {
  COMMUNITY_REFUSES,
  readInstallKind,
  readStreetProfile,
  STREET_NO_SYNC,
  STREET_REFUSES,
} from '../../renderer/src/db/installKind';
import { startSync } from '../../renderer/src/sync/engine';
import type { Desk } from '../../renderer/src/db/desk';
import { DEFAULT_STREET_SETTINGS } from '@shared/domain/street/settings';
import { memoryBackupDeps } from './backupDeps';
import { setUpStreet, STREET } from './streetTestDb';
import {
  addSignedStaff,
  communityDesk,
  counterIds,
  fails,
  freshDb,
  setUpCommunity,
  setupInput,
  T0,
  testDesk,
  WANG_WU,
} from './testDb';

const PASSPHRASE = '梅花香自苦寒来2026年';
const message = async (p: Promise<unknown>) => (await fails(p))?.message ?? null;
const ROW = { code: 'THL', name: '桃花岭社区', contact: '刘主任', phone: '0731-88886666' };

async function communityWorld() {
  const db = freshDb();
  const setupAdmin = await setUpCommunity(db);
  const ids = counterIds('c');
  const admin = await communityDesk(db, { staffId: setupAdmin.id, role: '站长/管理员', ...ids });
  const password = setupAdmin.password;
  const clerk = await addSignedStaff(admin, { name: '李明', role: '值班员', grids: [], password });
  const auditor = await addSignedStaff(admin, { name: '孙审', role: '审计员', grids: [], password });
  const as = (id: string, role: '值班员' | '站长/管理员' | '审计员') =>
    communityDesk(db, { staffId: id, role, ...ids });
  const desks: Record<string, Desk> = {
    值班员: await as(clerk.id, '值班员'),
    '站长/管理员': admin,
    审计员: await as(auditor.id, '审计员'),
  };
  return { db, desks, admin };
}

describe('a street installation (issue 27)', () => {
  it('setup stores the kind, the profile with the default settings and its 街道管理员, in one transaction', async () => {
    const db = freshDb();
    const { admin } = await setUpStreet(db);
    expect(await readInstallKind(db)).toBe('街道');
    expect(await readStreetProfile(db)).toEqual({ ...STREET, settings: DEFAULT_STREET_SETTINGS });
    expect(admin.role).toBe('街道管理员');
    expect(await getInstallation(testDesk(db))).toEqual({
      kind: '街道',
      street: { ...STREET, settings: DEFAULT_STREET_SETTINGS },
    });
    expect(await db.meta.count()).toBe(0); // no community profile, no grids, no opening hours
    expect(await db.matterTypes.count()).toBe(0);
    expect((await db.auditLog.toArray()).map((r) => r.action)).toContain('street.setup');
  });

  it('refuses a second setup of either kind, and a field at its field', async () => {
    const db = freshDb();
    await setUpStreet(db);
    const password = (await db.staff.toArray())[0]!.password;
    const again = completeStreetSetup(testDesk(db), { ...STREET, admin: { name: '再来', password } });
    expect(await message(again)).toBe('本机已完成初始设置');
    expect(await message(completeSetup(testDesk(db, { newId: counterIds('x').newId }), await setupInput()))).toBe(
      STREET_REFUSES,
    );
    const community = freshDb();
    await setUpCommunity(community);
    expect(await message(completeStreetSetup(testDesk(community), { ...STREET, admin: { name: 'x', password } }))).toBe(
      '本机已完成初始设置',
    );
    const blank = freshDb();
    const bad = await fails(
      completeStreetSetup(testDesk(blank), { name: ' ', code: 'YL', admin: { name: 'x', password } }),
    );
    expect(bad).toEqual({ message: '请填写街道名称', field: 'name' });
    const badCode = await fails(
      completeStreetSetup(testDesk(blank), { name: '岳麓街道', code: '岳', admin: { name: 'x', password } }),
    );
    expect(badCode?.field).toBe('code');
    expect(await blank.staff.count()).toBe(0);
  });

  it('a street install writes no community table, whoever asks (every street role)', async () => {
    const db = freshDb();
    const { adminDesk, clerkDesk } = await setUpStreet(db);
    for (const desk of [adminDesk, clerkDesk]) {
      expect(await message(createResident(desk, { ...WANG_WU, tags: [] }))).toBe(STREET_REFUSES);
      for (const table of ['cases', 'visits', 'meta', 'residents', 'rota', 'tallies'] as const)
        expect(await message(writeTx(desk, [table], async () => undefined)), table).toBe(STREET_REFUSES);
      // Mixed with a street table: still refused, nothing written.
      expect(await message(writeTx(desk, ['streetCommunities', 'visits'], async () => undefined))).toBe(STREET_REFUSES);
    }
    expect(await db.residents.count()).toBe(0);
    // Its own tables, accounts and settings it writes.
    await saveStreetCommunity(adminDesk, ROW);
    await updateStreetSettings(adminDesk, { ...DEFAULT_STREET_SETTINGS, checkInDays: 3 });
    expect((await readStreetProfile(db))?.settings.checkInDays).toBe(3);
    expect(await db.streetCommunities.count()).toBe(1);
  });

  it('a community install writes no street table, whoever asks (every community role)', async () => {
    const { db, desks } = await communityWorld();
    for (const [role, desk] of Object.entries(desks)) {
      const expected = role === '审计员' ? '当前账号（审计员）只能查看操作日志，不能修改数据' : COMMUNITY_REFUSES;
      expect(await message(saveStreetCommunity(desk, ROW)), role).toBe(expected);
      for (const table of ['streetCommunities', 'streetPackages'] as const)
        expect(await message(writeTx(desk, [table], async () => undefined)), `${role} ${table}`).toBe(expected);
    }
    expect(await db.streetCommunities.count()).toBe(0);
  });

  it('accounts: a street adds street roles only, a community community roles only', async () => {
    const db = freshDb();
    const { adminDesk, clerk, password } = await setUpStreet(db);
    const refused = await fails(addStaff(adminDesk, { name: '张值', role: '值班员', grids: [], password }));
    expect(refused).toEqual({ message: '街道版的账号只能是街道管理员、街道工作人员', field: 'role' });
    expect(await message(updateStaff(adminDesk, clerk.id, { role: '站长/管理员' }))).toBe(
      '街道版的账号只能是街道管理员、街道工作人员',
    );
    await updateStaff(adminDesk, clerk.id, { role: '街道管理员' });
    expect((await db.staff.get(clerk.id))?.role).toBe('街道管理员');
    const { admin } = await communityWorld();
    expect(await message(addStaff(admin, { name: '赵街', role: '街道工作人员', grids: [], password }))).toBe(
      '社区版的账号只能是值班员、站长/管理员、审计员',
    );
    // A 街道工作人员 manages no account and no 社区名单: the street's holders are named.
    const clerkDesk = await (await setUpStreet(freshDb())).clerkDesk;
    expect(await message(addStaff(clerkDesk, { name: '钱', role: '街道工作人员', grids: [], password }))).toBe(
      '只有街道管理员可以添加工作人员',
    );
    expect(await message(saveStreetCommunity(clerkDesk, ROW))).toBe('只有街道管理员可以修改社区名单');
  });

  it('a street desk never joins a hub: startSync refuses before touching anything', async () => {
    const db = freshDb();
    const { adminDesk } = await setUpStreet(db);
    await db.deskMeta.put({ key: 'joinedCenter', value: { at: T0 } }); // even if a row said so
    const refused = startSync(adminDesk, {} as never, {} as never);
    expect(await message(refused)).toBe(STREET_NO_SYNC);
  });

  it('a street backup holds the street tables and restores only on a street install', async () => {
    const db = freshDb();
    const { adminDesk } = await setUpStreet(db);
    await saveStreetCommunity(adminDesk, ROW);
    const deps = memoryBackupDeps();
    const made = await makeBackup(adminDesk, deps, 'regular', { passphrase: PASSPHRASE });
    if (!made.ok) throw new Error(made.message);
    const streetBackup = [...deps.files.values()].at(-1)!;

    // Onto a community: refused, with the reason, nothing changed.
    const { admin, db: communityDb } = await communityWorld();
    const before = await communityDb.residents.count();
    expect(await message(restoreBackup(admin, memoryBackupDeps(), streetBackup, PASSPHRASE))).toBe(
      '这是街道版的备份，不能恢复到社区版。现有数据未改动。',
    );
    expect(await communityDb.residents.count()).toBe(before);
    expect(await communityDb.streetCommunities.count()).toBe(0);

    // Onto another street install: restored, the 社区名单 back.
    const other = freshDb();
    const { adminDesk: otherAdmin } = await setUpStreet(other);
    await restoreBackup(otherAdmin, memoryBackupDeps(), streetBackup, PASSPHRASE, { liveBackedUp: true });
    expect((await other.streetCommunities.toArray()).map((c) => c.code)).toEqual(['THL']);
    expect(await readInstallKind(other)).toBe('街道');
  });

  it('a community backup is refused on a street install, with a Chinese reason', async () => {
    const { admin } = await communityWorld();
    const deps = memoryBackupDeps();
    const made = await makeBackup(admin, deps, 'regular', { passphrase: PASSPHRASE });
    if (!made.ok) throw new Error(made.message);
    const communityBackup = [...deps.files.values()].at(-1)!;
    const db = freshDb();
    const { adminDesk } = await setUpStreet(db);
    expect(await message(restoreBackup(adminDesk, memoryBackupDeps(), communityBackup, PASSPHRASE))).toBe(
      '这是社区版的备份，不能恢复到街道版：街道版不保存居民、办件等社区数据。现有数据未改动。',
    );
    expect(await db.residents.count()).toBe(0);
    expect(await readInstallKind(db)).toBe('街道');
  });
});
