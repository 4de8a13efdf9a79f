/**
 * The closed periods whose summaries the desk's worker works out in the background after a
 * 站长/管理员 signs in (app/ReportWarmUp.tsx), so that the first look at them in 统计报表 reads a
 * kept row (keptSummaries.ts) instead of both periods' records: last week, last month, last
 * year — each compared with the one before, as the screen compares them.
 */
import { addDays } from '../domain/localDate';
import { periodOf, previousPeriod, type Period } from './periods';
import type { FixedKind } from './likelyPeriod';

export type WarmRequest = { kind: FixedKind; period: Period; previous: Period };

/** The kinds warmed, cheapest first (a year is the long one). */
const WARMED: readonly FixedKind[] = ['week', 'month', 'year'];

/** Last week, last month and last year as of `today`: each over, and the one before it too. */
export function periodsToWarm(today: string): WarmRequest[] {
  return WARMED.map((kind) => {
    const period = periodOf(kind, addDays(periodOf(kind, today).from, -1));
    return { kind, period, previous: previousPeriod(period, kind) };
  });
}
