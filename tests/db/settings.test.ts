/**
 * Admin-only settings writes (事项目录, 社区信息, 节假日安排): refused for a 值班员 inside the
 * transaction, with nothing written; plus the calendar's "已完整录入" statement.
 */
import { describe, expect, it } from 'vitest';
import { hashSecret } from '../../renderer/src/db/secrets';
import type { CalendarOverride } from '@shared/domain/workingCalendar';
import { OFFICIAL_COVERED_YEARS } from '@shared/domain/workingCalendar';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import {
  getCalendarSettings,
  loadCalendar,
  saveCalendarOverrides,
  setCalendarYearComplete,
} from '../../renderer/src/db/repositories/calendar';
import { saveMatterType } from '../../renderer/src/db/repositories/catalog';
import { getCommunity, updateCommunity } from '../../renderer/src/db/repositories/community';
import { DomainRefusal } from '../../renderer/src/db/refusal';
import { addSecondAdmin, addSignedStaff, freshDb, idsOf, setUpCommunity, T0, testDesk } from './testDb';

async function withClerk() {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const pw = await hashSecret('864209', undefined, 1000);
  const clerk = await addSignedStaff(testDesk(db, { staffId: admin.id, now: T0, newId: idsOf('clerk-1') }), {
    name: '李明',
    role: '值班员',
    grids: [],
    password: pw,
  });
  return { db, admin, clerk };
}

/** Everything but the audit log's own growth, for "nothing was written" checks. */
async function snapshot(db: DutyDeskDB) {
  return {
    meta: await db.meta.toArray(),
    matterTypes: await db.matterTypes.toArray(),
    staff: await db.staff.toArray(),
    audit: await db.auditLog.count(),
  };
}

const newYear2027: CalendarOverride[] = [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }];

describe('admin-only settings writes', () => {
  it('saveMatterType: a 值班员 is refused and nothing is written', async () => {
    const { db, admin, clerk } = await withClerk();
    const existing = (await db.matterTypes.toArray())[0]!;
    const { createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, active: _a, ...def } = existing;
    const before = await snapshot(db);
    await expect(
      saveMatterType(
        testDesk(db, { staffId: clerk.id, now: T0 + 1 }),
        { ...def, name: `${def.name}（改）` },
        false,
        false,
      ),
    ).rejects.toThrow(new DomainRefusal('只有站长/管理员可以修改事项目录'));
    await expect(
      saveMatterType(testDesk(db, { staffId: clerk.id, now: T0 + 1 }), { ...def, code: 'NEW-1' }, true, true),
    ).rejects.toBeInstanceOf(DomainRefusal);
    expect(await snapshot(db)).toEqual(before);
    // The admin still can.
    await saveMatterType(
      testDesk(db, { staffId: admin.id, now: T0 + 1 }),
      { ...def, name: `${def.name}（改）` },
      true,
      false,
    );
    expect((await db.matterTypes.get(def.code))?.name).toBe(`${def.name}（改）`);
  });

  it('updateCommunity: a 值班员 is refused and nothing is written', async () => {
    const { db, admin, clerk } = await withClerk();
    const before = await snapshot(db);
    await expect(
      updateCommunity(testDesk(db, { staffId: clerk.id, now: T0 + 1 }), {
        residentTags: ['独居老人'],
        population: 20000,
      }),
    ).rejects.toThrow(new DomainRefusal('只有站长/管理员可以修改社区信息'));
    expect(await snapshot(db)).toEqual(before);
    await updateCommunity(testDesk(db, { staffId: admin.id, now: T0 + 1 }), { residentTags: ['独居老人'] });
    expect((await getCommunity(testDesk(db)))?.residentTags).toEqual(['独居老人']);
  });

  it('saveCalendarOverrides: a 值班员 is refused and nothing is written', async () => {
    const { db, clerk } = await withClerk();
    const before = await snapshot(db);
    await expect(saveCalendarOverrides(testDesk(db, { staffId: clerk.id, now: T0 + 1 }), newYear2027)).rejects.toThrow(
      new DomainRefusal('只有站长/管理员可以修改节假日安排'),
    );
    expect(await snapshot(db)).toEqual(before);
    expect((await getCalendarSettings(testDesk(db))).overrides).toEqual([]);
  });

  it('setCalendarYearComplete: a 值班员 is refused and nothing is written', async () => {
    const { db, admin, clerk } = await withClerk();
    await saveCalendarOverrides(testDesk(db, { staffId: admin.id, now: T0 }), newYear2027);
    const before = await snapshot(db);
    await expect(setCalendarYearComplete(testDesk(db, { staffId: clerk.id, now: T0 + 1 }), 2027, true)).rejects.toThrow(
      new DomainRefusal('只有站长/管理员可以修改节假日安排'),
    );
    expect(await snapshot(db)).toEqual(before);
    expect((await getCalendarSettings(testDesk(db))).completeYears).toEqual([]);
  });

  it('an admin demoted in another tab is refused from then on', async () => {
    const { db, admin } = await withClerk();
    const second = await addSecondAdmin(db, admin.id);
    await db.staff.update(second.id, { role: '值班员' });
    await expect(
      saveCalendarOverrides(testDesk(db, { staffId: second.id, now: T0 + 1 }), newYear2027),
    ).rejects.toBeInstanceOf(DomainRefusal);
  });
});

describe('calendar: a year is covered only once marked completely entered', () => {
  it('a single 元旦 entry leaves 2027 uncovered until the admin marks the year complete', async () => {
    const { db, admin } = await withClerk();
    await saveCalendarOverrides(testDesk(db, { staffId: admin.id, now: T0 }), newYear2027);
    let cal = await loadCalendar(testDesk(db));
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.isYearCovered(2027)).toBe(false);
    expect(cal.addWorkingDays('2027-01-25', 15).uncoveredYears).toEqual([2027]);

    await setCalendarYearComplete(testDesk(db, { staffId: admin.id, now: T0 + 1 }), 2027, true);
    expect(await getCalendarSettings(testDesk(db))).toEqual({ overrides: newYear2027, completeYears: [2027] });
    cal = await loadCalendar(testDesk(db));
    expect(cal.isYearCovered(2027)).toBe(true);
    expect(cal.addWorkingDays('2027-01-25', 15).uncoveredYears).toEqual([]);
    // The old row keeps its shape: a plain list of overrides.
    expect(await db.meta.get('calendarOverrides')).toEqual({ key: 'calendarOverrides', value: newYear2027 });
    expect(await db.meta.get('calendarCompleteYears')).toEqual({ key: 'calendarCompleteYears', value: [2027] });

    await setCalendarYearComplete(testDesk(db, { staffId: admin.id, now: T0 + 2 }), 2027, false);
    expect((await loadCalendar(testDesk(db))).isYearCovered(2027)).toBe(false);
    const actions = (await db.auditLog.toArray()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['calendar.update', 'calendar.complete', 'calendar.incomplete']));
  });

  it('refuses to mark a year with no 放假 entry, or a year the bundled data covers', async () => {
    const { db, admin } = await withClerk();
    await saveCalendarOverrides(testDesk(db, { staffId: admin.id, now: T0 }), [
      { date: '2027-01-09', kind: 'workday', name: '元旦补班' },
    ]);
    await expect(setCalendarYearComplete(testDesk(db, { staffId: admin.id, now: T0 }), 2027, true)).rejects.toThrow(
      '请先录入 2027 年的放假日期',
    );
    await expect(
      setCalendarYearComplete(testDesk(db, { staffId: admin.id, now: T0 }), OFFICIAL_COVERED_YEARS[0]!, true),
    ).rejects.toBeInstanceOf(DomainRefusal);
    await expect(
      setCalendarYearComplete(testDesk(db, { staffId: admin.id, now: T0 }), 2027.5, true),
    ).rejects.toBeInstanceOf(DomainRefusal);
    expect((await getCalendarSettings(testDesk(db))).completeYears).toEqual([]);
  });

  it('removing the last 放假 entry of a completed year unmarks it in the same save', async () => {
    const { db, admin } = await withClerk();
    await saveCalendarOverrides(testDesk(db, { staffId: admin.id, now: T0 }), newYear2027);
    await setCalendarYearComplete(testDesk(db, { staffId: admin.id, now: T0 }), 2027, true);
    await saveCalendarOverrides(testDesk(db, { staffId: admin.id, now: T0 + 1 }), [
      { date: '2028-01-01', kind: 'holiday', name: '元旦' },
    ]);
    expect((await getCalendarSettings(testDesk(db))).completeYears).toEqual([]);
    expect((await loadCalendar(testDesk(db))).isYearCovered(2027)).toBe(false);
  });
});
