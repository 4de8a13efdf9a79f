import { describe, expect, it } from 'vitest';
import { LOCKOUT_MS, MAX_FAILED_ATTEMPTS } from '@shared/domain/credentials';
import { hashSecret } from '../../renderer/src/db/secrets';
import { addStaff, updateStaff } from '../../renderer/src/db/repositories/staff';
import { recordLock, unlockDesk } from '../../renderer/src/db/repositories/deskLock';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { updateCommunity } from '../../renderer/src/db/repositories/community';
import { autoLockMinutes } from '@shared/domain/idleLock';
import { communityDesk, freshDb, idsOf, setUpCommunity, T0, testDesk } from './testDb';

/** A set-up desk (admin 王秀英, PIN 246810) and a clerk 李明 (PIN 864209). */
async function twoStaff(db: DutyDeskDB) {
  const admin = await setUpCommunity(db);
  const clerk = await addStaff(testDesk(db, { staffId: admin.id, newId: idsOf('clerk-1') }), {
    name: '李明',
    role: '值班员',
    grids: [],
    password: await hashSecret('864209', undefined, 1000),
  });
  return { admin, clerk };
}

const rows = (db: DutyDeskDB) =>
  db.auditLog
    .orderBy('seq')
    .toArray()
    .then((r) => r.map(({ action, staffId, entityId, detail }) => ({ action, staffId, entityId, detail })));

describe('锁屏 (desk lock)', () => {
  it('logs the lock for the person it covers, with the reason and nothing personal', async () => {
    const db = freshDb();
    const { admin } = await twoStaff(db);
    await recordLock(testDesk(db, { staffId: admin.id, now: T0 }), 'idle');
    await recordLock(testDesk(db, { staffId: admin.id, now: T0 + 1 }), 'manual');
    const locks = (await rows(db)).filter((r) => r.action === 'session.lock');
    expect(locks).toEqual([
      { action: 'session.lock', staffId: admin.id, entityId: admin.id, detail: 'idle' },
      { action: 'session.lock', staffId: admin.id, entityId: admin.id, detail: 'manual' },
    ]);
  });

  it('the same person’s PIN unlocks: session.unlock, not a switch', async () => {
    const db = freshDb();
    const { admin } = await twoStaff(db);
    const r = await unlockDesk(testDesk(db, { staffId: admin.id, now: T0 }), admin.id, '246810');
    expect(r).toMatchObject({ ok: true, switched: false, staff: { id: admin.id } });
    const last = await db.auditLog.orderBy('seq').last();
    expect(last).toMatchObject({ action: 'session.unlock', staffId: admin.id, entityId: admin.id, at: T0 });
  });

  it('another active person’s PIN switches the desk: session.switch by them, naming the previous id', async () => {
    const db = freshDb();
    const { admin, clerk } = await twoStaff(db);
    const r = await unlockDesk(testDesk(db, { staffId: admin.id, now: T0 }), clerk.id, '864209');
    expect(r).toMatchObject({ ok: true, switched: true, staff: { id: clerk.id, name: '李明' } });
    const last = await db.auditLog.orderBy('seq').last();
    expect(last).toMatchObject({
      action: 'session.switch',
      staffId: clerk.id,
      entityId: clerk.id,
      detail: `from ${admin.id}`,
    });
    // No sign-in row besides: the switch is the one record of it.
    expect((await rows(db)).filter((x) => x.action === 'signin.ok')).toEqual([]);
  });

  it('a wrong PIN is refused, counted towards the lockout and logged as a failed sign-in', async () => {
    const db = freshDb();
    const { admin, clerk } = await twoStaff(db);
    const desk = testDesk(db, { staffId: admin.id, now: T0 });
    const r = await unlockDesk(desk, clerk.id, '135799');
    expect(r).toEqual({ ok: false, message: '密码或 PIN 不正确，还可再试 4 次' });
    expect((await db.signInGuards.get(clerk.id))?.failedAttempts).toBe(1);
    expect((await db.auditLog.orderBy('seq').last())?.action).toBe('signin.failed');
  });

  it('the fifth wrong PIN locks the account out; then even the right PIN cannot unlock until the lockout ends', async () => {
    const db = freshDb();
    const { admin } = await twoStaff(db);
    const desk = testDesk(db, { staffId: admin.id, now: T0 });
    let last: Awaited<ReturnType<typeof unlockDesk>> | undefined;
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) last = await unlockDesk(desk, admin.id, '135799');
    expect(last).toMatchObject({ ok: false });
    expect(last && !last.ok && last.message).toContain('账号已临时锁定');
    const right = await unlockDesk(desk, admin.id, '246810');
    expect(right).toMatchObject({ ok: false, message: expect.stringContaining('账号已临时锁定') });
    expect((await rows(db)).map((x) => x.action)).toContain('signin.locked');
    expect((await rows(db)).filter((x) => x.action === 'session.unlock')).toEqual([]);
    const later = await unlockDesk(testDesk(db, { staffId: admin.id, now: T0 + LOCKOUT_MS + 1 }), admin.id, '246810');
    expect(later).toMatchObject({ ok: true, switched: false });
  });

  it('a deactivated account cannot unlock — neither its own lock screen nor another’s — and nothing is logged for it', async () => {
    const db = freshDb();
    const { admin, clerk } = await twoStaff(db);
    await updateStaff(testDesk(db, { staffId: admin.id, now: T0 }), clerk.id, { active: false });
    const before = await db.auditLog.count();
    expect(await unlockDesk(testDesk(db, { staffId: clerk.id, now: T0 }), clerk.id, '864209')).toEqual({
      ok: false,
      message: '该账号不存在或已停用',
    });
    expect(await unlockDesk(testDesk(db, { staffId: admin.id, now: T0 }), clerk.id, '864209')).toEqual({
      ok: false,
      message: '该账号不存在或已停用',
    });
    expect(await db.auditLog.count()).toBe(before);
    // An active person can still take the deactivated person's locked desk over.
    const taken = await unlockDesk(testDesk(db, { staffId: clerk.id, now: T0 }), admin.id, '246810');
    expect(taken).toMatchObject({ ok: true, switched: true });
  });
});

describe('自动锁屏 setting (社区信息)', () => {
  it('an admin sets 1–60 minutes; 0, 61 and fractions are refused at the field; a 值班员 cannot change it', async () => {
    const db = freshDb();
    const { admin, clerk } = await twoStaff(db);
    const asAdmin = await communityDesk(db, { staffId: admin.id, role: '站长/管理员' });
    expect(autoLockMinutes(asAdmin.community)).toBe(5);
    for (const bad of [0, 61, 2.5, Number.NaN])
      await expect(updateCommunity(asAdmin, { autoLockMinutes: bad })).rejects.toMatchObject({
        message: '自动锁屏时间应为 1–60 的整数（分钟）',
        field: 'autoLockMinutes',
      });
    await updateCommunity(asAdmin, { autoLockMinutes: 10 });
    const row = await db.meta.get('community');
    expect(row?.key === 'community' && row.value.autoLockMinutes).toBe(10);
    expect((await db.auditLog.orderBy('seq').last())?.detail).toBe('autoLockMinutes');
    const asClerk = await communityDesk(db, { staffId: clerk.id });
    await expect(updateCommunity(asClerk, { autoLockMinutes: 30 })).rejects.toThrow();
  });
});
