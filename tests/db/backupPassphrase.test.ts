/**
 * 设置 / 更改备份密码 in the data layer (issue 22): the rule (weak passphrases refused at their
 * field, also at the first backup), the permission (`data.backup`, re-read from the staff row),
 * the audit row without the passphrase, and what a change means for the backups made before it:
 * this machine still opens them without a passphrase, elsewhere they open with the OLD one only.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSPHRASE_MESSAGES } from '../../shared/backup/passphrase';
import { inspectBackup } from '../../renderer/src/db/backup/inspect';
import { changePassphrase } from '../../renderer/src/db/backup/keys';
import { makeBackup } from '../../renderer/src/db/backup/make';
import { memoryBackupDeps, memoryKeyStore } from './backupDeps';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { DomainRefusal } from '../../renderer/src/db/refusal';
import type { Desk } from '../../renderer/src/db/desk';
import { addSignedStaff, communityDesk, freshDb, setUpCommunity } from './testDb';
import { hashSecret } from '../../renderer/src/db/secrets';

const ROUNDS = { iterations: 1000 };
const FIRST = '春天 花开 满园 香气';
const SECOND = '夏夜 荷塘 月色 蛙鸣';


let db: DutyDeskDB;
let admin: Desk;
let clerk: Desk;
beforeEach(async () => {
  db = freshDb();
  const setup = await setUpCommunity(db);
  admin = await communityDesk(db, { staffId: setup.id, role: '站长/管理员' });
  const password = await hashSecret('864209', undefined, 1000);
  const li = await addSignedStaff(admin, { name: '李明', role: '值班员', grids: [], password });
  clerk = await communityDesk(db, { staffId: li.id, role: '值班员' });
});
afterEach(() => db.delete());

async function refusal(p: Promise<unknown>): Promise<DomainRefusal> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DomainRefusal);
  return e as DomainRefusal;
}

const auditRows = () => db.auditLog.toArray();

describe('设置备份密码 / 更改备份密码', () => {
  it.each([
    ['short', '12345678', PASSPHRASE_MESSAGES.short],
    ['the community code', 'THL river stone bridge', PASSPHRASE_MESSAGES.community],
    ['the community name', '桃花岭 春天 花开 满园', PASSPHRASE_MESSAGES.community],
    ["the admin's name", '王秀英 春天 花开 满园', PASSPHRASE_MESSAGES.adminName],
    ['a common password', 'woaini1314 forever', PASSPHRASE_MESSAGES.common],
  ])('a weak passphrase (%s) is refused at its field; no key, no audit row', async (_, passphrase, message) => {
    const keys = memoryKeyStore();
    const before = (await auditRows()).length;
    const e = await refusal(changePassphrase(admin, memoryBackupDeps(keys), { passphrase, again: passphrase }, ROUNDS));
    expect({ message: e.message, field: e.field }).toEqual({ message, field: 'passphrase' });
    expect(keys.ids().own).toBeNull();
    expect(await auditRows()).toHaveLength(before);
  });

  it('the confirmation must match, at its own field', async () => {
    const e = await refusal(changePassphrase(admin, memoryBackupDeps(memoryKeyStore()), { passphrase: FIRST, again: SECOND }));
    expect({ message: e.message, field: e.field }).toEqual({ message: PASSPHRASE_MESSAGES.mismatch, field: 'again' });
  });

  it("the first backup refuses a weak passphrase too (the desk's community and admins checked)", async () => {
    const deps = memoryBackupDeps(memoryKeyStore());
    const e = await refusal(makeBackup(admin, deps, 'regular', { passphrase: '桃花岭的数据备份密码' }));
    expect(e.message).toBe(PASSPHRASE_MESSAGES.community);
    expect(deps.files.size).toBe(0);
  });

  it('a 值班员 can neither set nor change it (the staff row decides, not the session)', async () => {
    const keys = memoryKeyStore();
    const deps = memoryBackupDeps(keys);
    const before = (await auditRows()).length;
    const e = await refusal(changePassphrase(clerk, deps, { passphrase: FIRST, again: FIRST }, ROUNDS));
    expect(e.message).toBe('只有站长/管理员可以设置备份密码或手动备份');
    // A session that says 站长/管理员 over a 值班员's row changes nothing either.
    const posing = await communityDesk(db, { staffId: clerk.actor!.id, role: '站长/管理员' });
    await refusal(changePassphrase(posing, deps, { passphrase: FIRST, again: FIRST }, ROUNDS));
    expect(keys.ids().own).toBeNull();
    expect(await auditRows()).toHaveLength(before);
  });

  it('a change makes a new key; older backups open here without a passphrase and elsewhere with the OLD one only', async () => {
    const keys = memoryKeyStore();
    const deps = memoryBackupDeps(keys);
    expect(await changePassphrase(admin, deps, { passphrase: FIRST, again: FIRST }, ROUNDS)).toBe('set');
    const firstKey = keys.ids().own;
    const old = await makeBackup(admin, deps, 'regular');
    if (!old.ok) throw new Error(old.message);
    const oldFile = deps.files.get(old.name)!;

    expect(await changePassphrase(admin, deps, { passphrase: SECOND, again: SECOND }, ROUNDS)).toBe('changed');
    expect(keys.ids().own).not.toBe(firstKey);
    expect(keys.ids().others).toEqual([firstKey]);
    const fresh = await makeBackup(admin, deps, 'regular', {});
    if (!fresh.ok) throw new Error(fresh.message);
    const newFile = [...deps.files.values()].find((t) => t !== oldFile)!;

    // This machine: both open without a passphrase.
    expect((await inspectBackup(admin, deps, oldFile)).header.keyId).toBe(firstKey);
    expect((await inspectBackup(admin, deps, newFile)).header.keyId).toBe(keys.ids().own);

    // Another machine: each file opens with the passphrase it was made under, not the other.
    const elsewhere = memoryBackupDeps(memoryKeyStore());
    expect((await inspectBackup(admin, elsewhere, oldFile, FIRST)).tables.auditLog!.length).toBeGreaterThan(0);
    expect((await refusal(inspectBackup(admin, elsewhere, oldFile, SECOND))).message).toBe('备份密码不正确');
    expect((await inspectBackup(admin, elsewhere, newFile, SECOND)).header.keyId).toBe(keys.ids().own);
    expect((await refusal(inspectBackup(admin, elsewhere, newFile, FIRST))).message).toBe('备份密码不正确');
  });

  it('logs 设置 and 更改 without the passphrase', async () => {
    const deps = memoryBackupDeps(memoryKeyStore());
    await changePassphrase(admin, deps, { passphrase: FIRST, again: FIRST }, ROUNDS);
    await changePassphrase(admin, deps, { passphrase: SECOND, again: SECOND }, ROUNDS);
    const rows = await auditRows();
    expect(rows.filter((r) => r.action.startsWith('backup.passphrase')).map((r) => [r.action, r.staffId])).toEqual([
      ['backup.passphraseSet', admin.actor!.id],
      ['backup.passphraseChange', admin.actor!.id],
    ]);
    const text = JSON.stringify(rows);
    for (const word of [...FIRST.split(' '), ...SECOND.split(' ')]) expect(text).not.toContain(word);
  });

  it('the first passphrase typed at 立即备份 is logged as 设置备份密码, once, after its key is kept', async () => {
    const deps = memoryBackupDeps(memoryKeyStore());
    const made = await makeBackup(admin, deps, 'regular', { passphrase: FIRST });
    expect(made.ok).toBe(true);
    await makeBackup(admin, deps, 'regular');
    const actions = (await auditRows()).map((r) => r.action).filter((a) => a.startsWith('backup.'));
    expect(actions).toEqual(['backup.passphraseSet', 'backup.create', 'backup.create']);
  });

  it('a key that cannot be kept leaves no 设置/更改 row (neither path)', async () => {
    const keys = memoryKeyStore();
    const failing: typeof keys = { ...keys, save: () => Promise.reject(new Error('store unavailable')) };
    const deps = memoryBackupDeps(failing);
    await expect(changePassphrase(admin, deps, { passphrase: FIRST, again: FIRST }, ROUNDS)).rejects.toThrow();
    await expect(makeBackup(admin, deps, 'regular', { passphrase: FIRST })).rejects.toThrow();
    expect((await auditRows()).filter((r) => r.action.startsWith('backup.'))).toEqual([]);
    // Once kept, a change that cannot be kept is not logged either.
    await changePassphrase(admin, memoryBackupDeps(keys), { passphrase: FIRST, again: FIRST }, ROUNDS);
    const half: typeof keys = { ...keys, save: () => Promise.reject(new Error('store unavailable')) };
    await expect(
      changePassphrase(admin, memoryBackupDeps(half), { passphrase: SECOND, again: SECOND }, ROUNDS),
    ).rejects.toThrow();
    const actions = (await auditRows()).map((r) => r.action).filter((a) => a.startsWith('backup.'));
    expect(actions).toEqual(['backup.passphraseSet']);
  });
});
