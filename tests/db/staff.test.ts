import { describe, expect, it } from 'vitest';
import { LOCKOUT_MS, MAX_FAILED_ATTEMPTS } from '@shared/domain/credentials';
import { hashSecret } from '../../renderer/src/db/secrets';
import { addStaff, signIn, updateStaff } from '../../renderer/src/db/repositories/staff';
import { DomainRefusal } from '../../renderer/src/db/refusal';
import { freshDb, setUpCommunity, T0, addSecondAdmin, testDesk, idsOf } from './testDb';

describe('sign-in', () => {
  it('signs in with the right PIN and audits it', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const r = await signIn(testDesk(db, { now: T0 }), admin.id, '246810');
    expect(r.ok).toBe(true);
    const last = await db.auditLog.orderBy('seq').last();
    expect(last).toMatchObject({ action: 'signin.ok', entityId: admin.id, staffId: admin.id });
  });

  it('locks after five wrong PINs, refuses the right one while locked, lets it in after the lock', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await signIn(testDesk(db, { now: T0 + i }), admin.id, '999999');
      if (!r.ok) messages.push(r.message);
    }
    expect(messages[0]).toBe('密码或 PIN 不正确，还可再试 4 次');
    expect(messages[4]).toContain('账号已临时锁定');
    const locked = await signIn(testDesk(db, { now: T0 + 10 }), admin.id, '246810');
    expect(locked).toMatchObject({ ok: false });
    expect((await db.signInGuards.get(admin.id))?.lockedUntil).toBeGreaterThan(T0);
    const later = await signIn(testDesk(db, { now: T0 + 4 + LOCKOUT_MS }), admin.id, '246810');
    expect(later.ok).toBe(true);
    // No wrong PIN left to remember at this desk: the guard row is gone.
    expect(await db.signInGuards.get(admin.id)).toBeUndefined();
    const actions = (await db.auditLog.toArray()).map((a) => a.action);
    expect(actions.filter((a) => a === 'signin.failed')).toHaveLength(4);
    expect(actions).toContain('signin.locked');
  });

  it('an admin can lift the lock; the last admin cannot be demoted or deactivated', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const clerk = await addStaff(testDesk(db, { staffId: admin.id, now: T0, newId: idsOf('clerk-1') }), {
      name: '李明',
      role: '值班员',
      grids: [],
      password: await hashSecret('864209', undefined, 1000),
    });
    for (let i = 0; i < 5; i++) await signIn(testDesk(db, { now: T0 }), clerk.id, '000001');
    expect((await signIn(testDesk(db, { now: T0 }), clerk.id, '864209')).ok).toBe(false);
    await updateStaff(testDesk(db, { staffId: admin.id, now: T0 }), clerk.id, { unlock: true });
    expect((await signIn(testDesk(db, { now: T0 }), clerk.id, '864209')).ok).toBe(true);
    await expect(
      updateStaff(testDesk(db, { staffId: admin.id, now: T0 }), admin.id, { role: '值班员' }),
    ).rejects.toBeInstanceOf(DomainRefusal);
    await expect(
      updateStaff(testDesk(db, { staffId: admin.id, now: T0 }), admin.id, { active: false }),
    ).rejects.toBeInstanceOf(DomainRefusal);
  });

  it('refuses a deactivated account and a duplicate name', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const pw = await hashSecret('864209', undefined, 1000);
    const clerk = await addStaff(testDesk(db, { staffId: admin.id, now: T0, newId: idsOf('c1') }), {
      name: '李明',
      role: '值班员',
      grids: [],
      password: pw,
    });
    await expect(
      addStaff(testDesk(db, { staffId: admin.id, now: T0, newId: idsOf('c2') }), {
        name: '李明',
        role: '值班员',
        grids: [],
        password: pw,
      }),
    ).rejects.toThrow('已有同名的工作人员');
    await updateStaff(testDesk(db, { staffId: admin.id, now: T0 }), clerk.id, { active: false });
    expect(await signIn(testDesk(db, { now: T0 }), clerk.id, '864209')).toEqual({
      ok: false,
      message: '该账号不存在或已停用',
    });
  });

  it('parallel wrong attempts (several tabs) still add up to a lock', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => signIn(testDesk(db, { now: T0 }), admin.id, '999999')),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    const row = await db.signInGuards.get(admin.id);
    expect(row?.failedAttempts).toBeGreaterThanOrEqual(MAX_FAILED_ATTEMPTS);
    expect(row?.lockedUntil).toBeGreaterThan(T0);
    // The right PIN is refused now, from any tab.
    expect(await signIn(testDesk(db, { now: T0 + 1 }), admin.id, '246810')).toMatchObject({ ok: false });
    const actions = (await db.auditLog.toArray()).map((a) => a.action);
    expect(actions.filter((a) => a === 'signin.failed')).toHaveLength(MAX_FAILED_ATTEMPTS - 1);
    expect(actions.filter((a) => a === 'signin.locked')).toHaveLength(1);
  });

  it('an attempt checked against a password that was reset meanwhile does not count', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    // A slow hash for the current PIN, so the reset surely lands while it is being checked.
    await updateStaff(testDesk(db, { staffId: admin.id, now: T0 }), admin.id, {
      password: await hashSecret('246810', undefined, 300_000),
    });
    const newHash = await hashSecret('135790', undefined, 1000);
    const [attempt] = await Promise.all([
      signIn(testDesk(db, { now: T0 }), admin.id, '246810'),
      updateStaff(testDesk(db, { staffId: admin.id, now: T0 }), admin.id, { password: newHash }),
    ]);
    expect(attempt).toEqual({ ok: false, message: '该账号的密码刚被修改，请重新输入' });
    expect((await signIn(testDesk(db, { now: T0 }), admin.id, '135790')).ok).toBe(true);
  });
});

describe('staff accounts are for admins only', () => {
  async function withClerk() {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const pw = await hashSecret('864209', undefined, 1000);
    const clerk = await addStaff(testDesk(db, { staffId: admin.id, now: T0, newId: idsOf('clerk-1') }), {
      name: '李明',
      role: '值班员',
      grids: [],
      password: pw,
    });
    return { db, admin, clerk, pw };
  }

  it('addStaff: a 值班员 is refused and nothing is written', async () => {
    const { db, clerk, pw } = await withClerk();
    const staffBefore = await db.staff.count();
    const auditBefore = await db.auditLog.count();
    await expect(
      addStaff(testDesk(db, { staffId: clerk.id, now: T0, newId: idsOf('x-1') }), {
        name: '赵强',
        role: '站长/管理员',
        grids: [],
        password: pw,
      }),
    ).rejects.toThrow(new DomainRefusal('只有站长/管理员可以添加工作人员'));
    expect(await db.staff.count()).toBe(staffBefore);
    expect(await db.staff.get('x-1')).toBeUndefined();
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it('updateStaff: a 值班员 is refused (even for promoting themselves or their own password) and nothing is written', async () => {
    const { db, admin, clerk } = await withClerk();
    const auditBefore = await db.auditLog.count();
    const adminBefore = await db.staff.get(admin.id);
    const clerkBefore = await db.staff.get(clerk.id);
    await expect(
      updateStaff(testDesk(db, { staffId: clerk.id, now: T0 + 1 }), clerk.id, { role: '站长/管理员' }),
    ).rejects.toThrow('只有站长/管理员可以');
    await expect(
      updateStaff(testDesk(db, { staffId: clerk.id, now: T0 + 1 }), admin.id, { active: false }),
    ).rejects.toBeInstanceOf(DomainRefusal);
    const pw = await hashSecret('111222', undefined, 1000);
    await expect(
      updateStaff(testDesk(db, { staffId: clerk.id, now: T0 + 1 }), clerk.id, { password: pw }),
    ).rejects.toBeInstanceOf(DomainRefusal);
    expect(await db.staff.get(admin.id)).toEqual(adminBefore);
    expect(await db.staff.get(clerk.id)).toEqual(clerkBefore);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it('a deactivated admin or an unknown id is refused too', async () => {
    const { db, admin } = await withClerk();
    const second = await addSecondAdmin(db, admin.id);
    await updateStaff(testDesk(db, { staffId: admin.id, now: T0 }), second.id, { active: false });
    await expect(
      addStaff(testDesk(db, { staffId: second.id, now: T0, newId: idsOf('x-2') }), {
        name: '孙丽',
        role: '值班员',
        grids: [],
        password: second.password,
      }),
    ).rejects.toBeInstanceOf(DomainRefusal);
    await expect(
      updateStaff(testDesk(db, { staffId: 'nobody', now: T0 }), admin.id, { grids: [] }),
    ).rejects.toBeInstanceOf(DomainRefusal);
    expect(await db.staff.get('x-2')).toBeUndefined();
  });
});
