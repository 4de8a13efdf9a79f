/**
 * The holiday override table (节假日安排): entries an admin types in from the State Council
 * notice for years the bundled calendar data does not cover yet. Stored as one meta row;
 * the working-day calendar is built from it (shared/domain/workingCalendar).
 */
import { createCalendar, validateOverrides, type CalendarOverride, type WorkingCalendar } from '@shared/domain/workingCalendar';
import type { DutyDeskDB } from '../database';
import { DomainRefusal, writeTx } from '../write';

export async function getCalendarOverrides(db: DutyDeskDB): Promise<CalendarOverride[]> {
  const row = await db.meta.get('calendarOverrides');
  return row?.key === 'calendarOverrides' ? row.value : [];
}

export async function loadCalendar(db: DutyDeskDB): Promise<WorkingCalendar> {
  return createCalendar({ overrides: await getCalendarOverrides(db) });
}

/** Replaces the whole table (the editor saves it as one list); refuses invalid entries. */
export async function saveCalendarOverrides(
  db: DutyDeskDB,
  overrides: CalendarOverride[],
  staffId: string,
  now: number,
): Promise<void> {
  const problems = validateOverrides(overrides);
  if (problems.length > 0) throw new DomainRefusal(problems.join('；'));
  const sorted = [...overrides].sort((a, b) => a.date.localeCompare(b.date));
  await writeTx(db, { staffId, now }, [db.meta], async ({ audit }) => {
    await db.meta.put({ key: 'calendarOverrides', value: sorted });
    await audit({ action: 'calendar.update', entity: 'calendar', detail: `${sorted.length} 条` });
  });
}
