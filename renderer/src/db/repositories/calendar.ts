/**
 * The holiday override table (节假日安排): entries an admin types in from the State Council
 * notice for years the bundled calendar data does not cover yet, plus the admin's statement
 * of which of those years are completely entered. Entries alone never make a year covered
 * (see shared/domain/workingCalendar): only the statement does. Stored as two meta rows,
 * 'calendarOverrides' (unchanged shape) and 'calendarCompleteYears'; the working-day calendar
 * is built from both. Writes are for an active 站长/管理员 only.
 */
import {
  createCalendar,
  isCalendarYear,
  isOfficialYear,
  validateOverrides,
  type CalendarOverride,
  type WorkingCalendar,
} from '@shared/domain/workingCalendar';
import { requireAdmin } from '../authorize';
import type { DutyDeskDB } from '../database';
import { DomainRefusal, writeTx } from '../write';
import { rebaseDeadline } from '@shared/domain/deadlineRebase';
import { withIndexes } from '@shared/domain/caseIndex';
import type { CaseRecord } from '@shared/domain/records';

/** Everything `createCalendar` needs from the database. */
export type CalendarSettings = { overrides: CalendarOverride[]; completeYears: number[] };

export async function getCalendarOverrides(db: DutyDeskDB): Promise<CalendarOverride[]> {
  const row = await db.meta.get('calendarOverrides');
  return row?.key === 'calendarOverrides' ? row.value : [];
}

/** Years declared completely entered, ascending (implausible values are dropped). */
export async function getCalendarCompleteYears(db: DutyDeskDB): Promise<number[]> {
  const row = await db.meta.get('calendarCompleteYears');
  const years = row?.key === 'calendarCompleteYears' && Array.isArray(row.value) ? row.value : [];
  return years.filter(isCalendarYear).sort((a, b) => a - b);
}

/** Both rows, read together (also the live query behind `useCalendar`). */
export async function getCalendarSettings(db: DutyDeskDB): Promise<CalendarSettings> {
  const [overrides, completeYears] = await Promise.all([getCalendarOverrides(db), getCalendarCompleteYears(db)]);
  return { overrides, completeYears };
}

export async function loadCalendar(db: DutyDeskDB): Promise<WorkingCalendar> {
  return createCalendar(await getCalendarSettings(db));
}

/**
 * Replaces the whole table (the editor saves it as one list); refuses invalid entries. A year
 * marked complete that is left with no 放假 entry at all is unmarked in the same transaction.
 */
export async function saveCalendarOverrides(
  db: DutyDeskDB,
  overrides: CalendarOverride[],
  staffId: string,
  now: number,
): Promise<void> {
  const problems = validateOverrides(overrides);
  if (problems.length > 0) throw new DomainRefusal(problems.join('；'));
  const sorted = [...overrides].sort((a, b) => a.date.localeCompare(b.date));
  await writeTx(db, { staffId, now }, [db.meta, db.staff, db.cases, db.caseEvents], async ({ audit }) => {
    await requireAdmin(db, staffId, '修改节假日安排');
    const before = await getCalendarSettings(db);
    await db.meta.put({ key: 'calendarOverrides', value: sorted });
    await audit({ action: 'calendar.update', entity: 'calendar', detail: `${sorted.length} 条` });
    const complete = await getCalendarCompleteYears(db);
    const stillComplete = complete.filter((y) => hasHolidayIn(sorted, y));
    if (stillComplete.length < complete.length) {
      await db.meta.put({ key: 'calendarCompleteYears', value: stillComplete });
      const dropped = complete.filter((y) => !stillComplete.includes(y));
      await audit({ action: 'calendar.incomplete', entity: 'calendar', detail: dropped.join(',') });
    }
    await rebaseOpenCases(db, before, await getCalendarSettings(db), { staffId, now, newId: newEventId });
  });
}

/**
 * Marks (`complete = true`) or unmarks a year as "节假日安排已完整录入". Only for years the
 * bundled data does not cover; marking needs at least one 放假 entry of that year in the
 * table (a year with no holidays at all is certainly not completely entered).
 */
export async function setCalendarYearComplete(
  db: DutyDeskDB,
  year: number,
  complete: boolean,
  staffId: string,
  now: number,
): Promise<void> {
  if (!isCalendarYear(year)) throw new DomainRefusal('年份无效');
  if (isOfficialYear(year)) throw new DomainRefusal(`${year} 年的节假日安排已包含在内置数据中，无需标记`);
  await writeTx(db, { staffId, now }, [db.meta, db.staff, db.cases, db.caseEvents], async ({ audit }) => {
    await requireAdmin(db, staffId, '修改节假日安排');
    const before = await getCalendarSettings(db);
    const years = new Set(await getCalendarCompleteYears(db));
    if (complete) {
      if (!hasHolidayIn(await getCalendarOverrides(db), year))
        throw new DomainRefusal(`请先录入 ${year} 年的放假日期，再标记为已完整录入`);
      years.add(year);
    } else {
      years.delete(year);
    }
    await db.meta.put({ key: 'calendarCompleteYears', value: [...years].sort((a, b) => a - b) });
    await audit({
      action: complete ? 'calendar.complete' : 'calendar.incomplete',
      entity: 'calendar',
      detail: String(year),
    });
    await rebaseOpenCases(db, before, await getCalendarSettings(db), { staffId, now, newId: newEventId });
  });
}

function newEventId(): string {
  return crypto.randomUUID();
}

/**
 * Open cases whose promised date ran through a year the calendar did not cover are recounted
 * with the calendar as it is now (same transaction as the calendar change), and the change is
 * written on each case's timeline.
 */
async function rebaseOpenCases(
  db: DutyDeskDB,
  before: CalendarSettings,
  after: CalendarSettings,
  ctx: { staffId: string; now: number; newId: () => string },
): Promise<void> {
  const oldCal = createCalendar(before);
  const newCal = createCalendar(after);
  const affected = await db.cases
    .where('flags')
    .equals('在办')
    .filter((c) => (c.deadlineUncoveredYears?.length ?? 0) > 0 && c.deadline !== undefined)
    .toArray();
  for (const c of affected) {
    const r = rebaseDeadline(c.deadline as string, c.deadlineUncoveredYears ?? [], c.acceptedDay, oldCal, newCal);
    const sameYears = r.uncoveredYears.join(',') === (c.deadlineUncoveredYears ?? []).join(',');
    if (r.deadline === c.deadline && sameYears) continue;
    const next: CaseRecord = { ...c, deadline: r.deadline, updatedAt: ctx.now, updatedBy: ctx.staffId };
    if (r.uncoveredYears.length > 0) next.deadlineUncoveredYears = r.uncoveredYears;
    else delete next.deadlineUncoveredYears;
    await db.cases.put(withIndexes(next));
    const n = (await db.caseEvents.where('caseId').equals(c.id).count()) + 1;
    await db.caseEvents.add({
      id: ctx.newId(),
      caseId: c.id,
      n,
      at: ctx.now,
      by: ctx.staffId,
      action: '调整承诺办结日期',
      note: `节假日安排更新：${c.deadline} → ${r.deadline}`,
    });
  }
}

function hasHolidayIn(overrides: readonly CalendarOverride[], year: number): boolean {
  return overrides.some((o) => o.kind === 'holiday' && o.date.startsWith(`${year}-`));
}
