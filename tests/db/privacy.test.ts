/** 个人信息保护 at the data layer: search rows without the number, the 保密承诺 on the staff row. */
import { describe, expect, it } from 'vitest';
import { recordCaseSearch, recordResidentSearch } from '../../renderer/src/db/repositories/searchLog';
import { acceptPledge, getStaff, signIn } from '../../renderer/src/db/repositories/staff';
import { DomainRefusal, failureMessage } from '../../renderer/src/db/refusal';
import { PLEDGE_FIRST } from '../../renderer/src/db/write';
import { registerVisit } from '../../renderer/src/db/repositories/visits';
import { pledgeDue } from '@shared/domain/pledge';
import { freshDb, setUpCommunity, T0, testDesk } from './testDb';

const PHONE = '13812345678';
const ID = '430104195803151237';

describe('search logging', () => {
  it('logs a number search as one row with the query masked, never the full number', async () => {
    const db = freshDb();
    const desk = testDesk(db, { staffId: 'staff-2', now: T0 });
    expect(await recordResidentSearch(desk, { query: PHONE })).toBe(true);
    expect(await recordResidentSearch(desk, { query: ID, pickedId: 'res-1' })).toBe(true);
    expect(await recordCaseSearch(desk, { query: '5678', pickedId: 'case-9' })).toBe(true);
    const rows = await db.auditLog.orderBy('seq').toArray();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      action: 'resident.search',
      entity: 'resident',
      staffId: 'staff-2',
      at: T0,
      detail: '查询：****5678',
    });
    expect(rows[0]?.entityId).toBeUndefined();
    expect(rows[1]).toMatchObject({ action: 'resident.search', entityId: 'res-1', detail: '查询：****1237；选中结果' });
    expect(rows[2]).toMatchObject({
      action: 'case.search',
      entity: 'case',
      entityId: 'case-9',
      detail: '查询：****5678；选中结果',
    });
    const json = JSON.stringify(rows);
    expect(json).not.toContain(PHONE);
    expect(json).not.toContain(ID);
    expect(json).not.toContain(ID.slice(-6));
    expect(json).not.toContain('1381234');
  });

  it('logs nothing for a name, pinyin or a short number', async () => {
    const db = freshDb();
    const desk = testDesk(db, { now: T0 });
    for (const query of ['张三', 'zhangsan', '123', 'THL-20261124-0001', ''])
      expect(await recordResidentSearch(desk, { query })).toBe(false);
    expect(await recordCaseSearch(desk, { query: '张三' })).toBe(false);
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe('保密承诺', () => {
  it('is due at the first sign-in; accepting stores the time on the staff row and logs it in one write', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db, { pledge: false });
    const signedIn = await signIn(testDesk(db, { now: T0 }), admin.id, '246810');
    expect(signedIn.ok && pledgeDue(signedIn.staff.pledgeAcceptedAt, T0)).toBe(true);
    // Before it is accepted the desk's work is refused, whatever calls it (nothing written).
    const visit = { channel: '来站' as const, kind: '咨询' as const, content: '问低保', cases: [] };
    const logged = await db.auditLog.count();
    const early = await registerVisit(testDesk(db, { staffId: admin.id, now: T0 }), visit).catch((e) => e);
    expect(failureMessage(early)).toEqual({ message: PLEDGE_FIRST });
    expect(await db.visits.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(logged);
    const before = (await db.staff.get(admin.id))!;
    const stored = await acceptPledge(testDesk(db, { staffId: admin.id, role: admin.role, now: T0 + 5_000 }));
    expect(stored.pledgeAcceptedAt).toBe(T0 + 5_000);
    const row = await getStaff(testDesk(db), admin.id);
    expect(row?.pledgeAcceptedAt).toBe(T0 + 5_000);
    // Bookkeeping of the person themselves: the account's edit stamp stays.
    expect(row?.updatedAt).toBe(before.updatedAt);
    const audit = await db.auditLog.where('action').equals('staff.pledge').toArray();
    expect(audit).toEqual([
      expect.objectContaining({ entity: 'staff', entityId: admin.id, staffId: admin.id, at: T0 + 5_000 }),
    ]);
    // The next sign-in (the same row, re-read) does not ask again; a year and a day later it does.
    const again = await signIn(testDesk(db, { now: T0 + 60_000 }), admin.id, '246810');
    expect(again.ok && pledgeDue(again.staff.pledgeAcceptedAt, T0 + 60_000)).toBe(false);
    expect(pledgeDue(row?.pledgeAcceptedAt, T0 + 366 * 86_400_000)).toBe(true);
    // Accepted: the same write goes through; a year and a day later it is refused again.
    await registerVisit(testDesk(db, { staffId: admin.id, now: T0 + 60_000 }), visit);
    expect(await db.visits.count()).toBe(1);
    const late = testDesk(db, { staffId: admin.id, now: T0 + 5_000 + 366 * 86_400_000 });
    expect(failureMessage(await registerVisit(late, visit).catch((e) => e))).toEqual({ message: PLEDGE_FIRST });
  });

  it('refuses an account that is not on file and writes nothing', async () => {
    const db = freshDb();
    await setUpCommunity(db);
    const before = await db.auditLog.count();
    await expect(acceptPledge(testDesk(db, { staffId: 'nobody', now: T0 }))).rejects.toBeInstanceOf(DomainRefusal);
    expect(await db.auditLog.count()).toBe(before);
  });
});
