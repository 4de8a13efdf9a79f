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
import { rebaseDeadline } from '@shared/domain/deadlineRebase';
import { requirePermission } from '../authorize';
import { changeCase } from './changeCase';
import type { Desk, DeskBase } from '../desk';
import type { ReadableDB } from '../entities';
import { DomainRefusal } from '../refusal';
import { writeTx, type WriteTx } from '../write';

/** Everything `createCalendar` needs from the database. */
export type CalendarSettings = { overrides: CalendarOverride[]; completeYears: number[] };

type MetaReader = Pick<ReadableDB, 'meta'> | WriteTx<'meta'>;

async function readOverrides(db: MetaReader): Promise<CalendarOverride[]> {
  const row = await db.meta.get('calendarOverrides');
  return row?.key === 'calendarOverrides' ? row.value : [];
}

/** Years declared completely entered, ascending (implausible values are dropped). */
async function readCompleteYears(db: MetaReader): Promise<number[]> {
  const row = await db.meta.get('calendarCompleteYears');
  const years = row?.key === 'calendarCompleteYears' && Array.isArray(row.value) ? row.value : [];
  return years.filter(isCalendarYear).sort((a, b) => a - b);
}

async function readSettings(db: MetaReader): Promise<CalendarSettings> {
  const [overrides, completeYears] = await Promise.all([readOverrides(db), readCompleteYears(db)]);
  return { overrides, completeYears };
}

/** Both rows, read together (also the live query behind the desk's calendar). */
export async function getCalendarSettings(desk: DeskBase): Promise<CalendarSettings> {
  return readSettings(desk.db);
}

export async function loadCalendar(desk: DeskBase): Promise<WorkingCalendar> {
  return createCalendar(await getCalendarSettings(desk));
}

/**
 * Replaces the whole table (the editor saves it as one list); refuses invalid entries. A year
 * marked complete that is left with no 放假 entry at all is unmarked in the same transaction.
 */
export async function saveCalendarOverrides(desk: Desk, overrides: CalendarOverride[]): Promise<void> {
  const problems = validateOverrides(overrides);
  if (problems.length > 0) throw new DomainRefusal(problems.join('；'));
  const sorted = [...overrides].sort((a, b) => a.date.localeCompare(b.date));
  await writeTx(desk, CALENDAR_TABLES, async (tx) => {
    await requirePermission(tx, desk.actor, 'calendar.edit', '修改节假日安排');
    const before = await readSettings(tx);
    await tx.meta.put({ key: 'calendarOverrides', value: sorted });
    await tx.audit({ action: 'calendar.update', entity: 'calendar', detail: `${sorted.length} 条` });
    const complete = await readCompleteYears(tx);
    const stillComplete = complete.filter((y) => hasHolidayIn(sorted, y));
    if (stillComplete.length < complete.length) {
      await tx.meta.put({ key: 'calendarCompleteYears', value: stillComplete });
      const dropped = complete.filter((y) => !stillComplete.includes(y));
      await tx.audit({ action: 'calendar.incomplete', entity: 'calendar', detail: dropped.join(',') });
    }
    await rebaseOpenCases(desk, tx, before, await readSettings(tx));
  });
}

/**
 * Marks (`complete = true`) or unmarks a year as "节假日安排已完整录入". Only for years the
 * bundled data does not cover; marking needs at least one 放假 entry of that year in the
 * table (a year with no holidays at all is certainly not completely entered).
 */
export async function setCalendarYearComplete(desk: Desk, year: number, complete: boolean): Promise<void> {
  if (!isCalendarYear(year)) throw new DomainRefusal('年份无效');
  if (isOfficialYear(year)) throw new DomainRefusal(`${year} 年的节假日安排已包含在内置数据中，无需标记`);
  await writeTx(desk, CALENDAR_TABLES, async (tx) => {
    await requirePermission(tx, desk.actor, 'calendar.edit', '修改节假日安排');
    const before = await readSettings(tx);
    const years = new Set(await readCompleteYears(tx));
    if (complete) {
      if (!hasHolidayIn(await readOverrides(tx), year))
        throw new DomainRefusal(`请先录入 ${year} 年的放假日期，再标记为已完整录入`);
      years.add(year);
    } else {
      years.delete(year);
    }
    await tx.meta.put({ key: 'calendarCompleteYears', value: [...years].sort((a, b) => a - b) });
    await tx.audit({
      action: complete ? 'calendar.complete' : 'calendar.incomplete',
      entity: 'calendar',
      detail: String(year),
    });
    await rebaseOpenCases(desk, tx, before, await readSettings(tx));
  });
}

/** A calendar change recounts open cases and notes it on their timelines, in the same transaction. */
const CALENDAR_TABLES = ['meta', 'staff', 'cases', 'caseEvents', 'counters'] as const;
type CalendarTx = WriteTx<(typeof CALENDAR_TABLES)[number]>;

/**
 * Open cases whose promised date ran through a year the calendar did not cover are recounted
 * with the calendar as it is now (same transaction as the calendar change), and the change is
 * written on each case's timeline.
 */
async function rebaseOpenCases(
  desk: Desk,
  tx: CalendarTx,
  before: CalendarSettings,
  after: CalendarSettings,
): Promise<void> {
  const oldCal = createCalendar(before);
  const newCal = createCalendar(after);
  const affected = await tx.cases
    .where('flags')
    .equals('在办')
    .filter((c) => (c.deadlineUncoveredYears?.length ?? 0) > 0 && c.deadline !== undefined)
    .toArray();
  for (const c of affected) {
    const r = rebaseDeadline(c.deadline as string, c.deadlineUncoveredYears ?? [], c.acceptedDay, oldCal, newCal);
    const sameYears = r.uncoveredYears.join(',') === (c.deadlineUncoveredYears ?? []).join(',');
    if (r.deadline === c.deadline && sameYears) continue;
    await changeCase(desk, tx, c, {
      type: '调整承诺办结日期',
      deadline: r.deadline,
      uncoveredYears: r.uncoveredYears,
      note: `节假日安排更新：${c.deadline} → ${r.deadline}`,
    });
  }
}

function hasHolidayIn(overrides: readonly CalendarOverride[], year: number): boolean {
  return overrides.some((o) => o.kind === 'holiday' && o.date.startsWith(`${year}-`));
}
