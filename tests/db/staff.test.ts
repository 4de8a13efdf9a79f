import { describe, expect, it } from 'vitest';
import { hashSecret, LOCKOUT_MS } from '@shared/domain/credentials';
import { addStaff, signIn, updateStaff } from '../../renderer/src/db/repositories/staff';
import { DomainRefusal } from '../../renderer/src/db/write';
import { freshDb, setUpCommunity, T0 } from './testDb';

describe('sign-in', () => {
  it('signs in with the right PIN and audits it', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const r = await signIn(db, admin.id, '246810', T0);
    expect(r.ok).toBe(true);
    const last = await db.auditLog.orderBy('seq').last();
    expect(last).toMatchObject({ action: 'signin.ok', entityId: admin.id, staffId: admin.id });
  });

  it('locks after five wrong PINs, refuses the right one while locked, lets it in after the lock', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await signIn(db, admin.id, '999999', T0 + i);
      if (!r.ok) messages.push(r.message);
    }
    expect(messages[0]).toBe('密码或 PIN 不正确，还可再试 4 次');
    expect(messages[4]).toContain('账号已临时锁定');
    const locked = await signIn(db, admin.id, '246810', T0 + 10);
    expect(locked).toMatchObject({ ok: false });
    expect((await db.staff.get(admin.id))?.lockedUntil).toBeGreaterThan(T0);
    const later = await signIn(db, admin.id, '246810', T0 + 4 + LOCKOUT_MS);
    expect(later.ok).toBe(true);
    expect((await db.staff.get(admin.id))?.failedAttempts).toBe(0);
    const actions = (await db.auditLog.toArray()).map((a) => a.action);
    expect(actions.filter((a) => a === 'signin.failed')).toHaveLength(4);
    expect(actions).toContain('signin.locked');
  });

  it('an admin can lift the lock; the last admin cannot be demoted or deactivated', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const clerk = await addStaff(
      db,
      { name: '李明', role: '值班员', grids: [], password: await hashSecret('864209', undefined, 1000) },
      admin.id,
      T0,
      'clerk-1',
    );
    for (let i = 0; i < 5; i++) await signIn(db, clerk.id, '000001', T0);
    expect((await signIn(db, clerk.id, '864209', T0)).ok).toBe(false);
    await updateStaff(db, clerk.id, { unlock: true }, admin.id, T0);
    expect((await signIn(db, clerk.id, '864209', T0)).ok).toBe(true);
    await expect(updateStaff(db, admin.id, { role: '值班员' }, admin.id, T0)).rejects.toBeInstanceOf(DomainRefusal);
    await expect(updateStaff(db, admin.id, { active: false }, admin.id, T0)).rejects.toBeInstanceOf(DomainRefusal);
  });

  it('refuses a deactivated account and a duplicate name', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const pw = await hashSecret('864209', undefined, 1000);
    const clerk = await addStaff(db, { name: '李明', role: '值班员', grids: [], password: pw }, admin.id, T0, 'c1');
    await expect(addStaff(db, { name: '李明', role: '值班员', grids: [], password: pw }, admin.id, T0, 'c2')).rejects.toThrow(
      '已有同名的工作人员',
    );
    await updateStaff(db, clerk.id, { active: false }, admin.id, T0);
    expect(await signIn(db, clerk.id, '864209', T0)).toEqual({ ok: false, message: '该账号不存在或已停用' });
  });
});
