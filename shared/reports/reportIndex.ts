/**
 * Which months a case can count in a summary (the derived `reportMonths` index of cases): every
 * month from its acceptance to its last reportable day — 办结, 归档, an escalation raised or its
 * department rated (评价部门, which may come after the case closed and travels in that period's
 * package), the 好差评, a rectification opened or closed. A summary of a period reads the cases of the period's
 * months by index plus the cases open now (they may have been open at the period's end), never
 * the whole history (see db/repositories/reports.ts).
 */
import type { CaseRecord } from '../domain/records';
import { monthsOf } from './periods';

/** The local day (Beijing time) of an instant, e.g. when a rating was given. */
export function dayOfInstant(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The day the 好差评 was given, if it was. */
export function ratedDayOf(c: Pick<CaseRecord, 'rating' | 'ratedAt'>): string | undefined {
  return c.rating && c.ratedAt !== undefined ? dayOfInstant(c.ratedAt) : undefined;
}

/** Every day on which something a summary counts happened to the case. */
export function reportDaysOf(c: CaseRecord): string[] {
  const days = [
    c.acceptedDay,
    c.completedDay,
    c.archivedDay,
    c.refusedDay,
    ratedDayOf(c),
    c.rectification?.openedDay,
    c.rectification?.closedDay,
    ...(c.escalations ?? []).map((e) => e.raisedDay),
    ...(c.escalations ?? []).map((e) =>
      e.departmentRatedAt === undefined ? undefined : dayOfInstant(e.departmentRatedAt),
    ),
  ];
  return days.filter((d): d is string => typeof d === 'string' && d.length === 10);
}

export function reportMonthsOf(c: CaseRecord): string[] {
  const days = reportDaysOf(c);
  const last = days.reduce((a, b) => (b > a ? b : a), c.acceptedDay);
  return monthsOf({ from: c.acceptedDay, to: last });
}
