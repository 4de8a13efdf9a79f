/**
 * A report's two summaries and the desks its period covers, kept for a closed period
 * (shared/reports/keptSummaries.ts): when the period and the one compared with are over, the
 * row kept for them (made on the same community profile, working calendar and build) is read
 * instead of the records; otherwise the records are read (reports.ts `readReport`, the visits and
 * cases as their slim rows), summarised,
 * and — a closed period — kept (in a task of its own, after this returns), if no write came
 * between the read and the keeping.
 */
import { coveredDesks, deskCasesOf, withCounts } from '@shared/reports/centerDesks';
import { deskCounts, keepable, keptKey } from '@shared/reports/keptSummaries';
import type { Period, PeriodKind } from '@shared/reports/periods';
import { summariesOf, type SummaryData } from '@shared/reports/reportData';
import type { ReportNotes } from '@shared/reports/notes';
import type { ReportSummaries } from '@shared/reports/reportView';
import type { Desk } from '../desk';
import { keepSoon, keptSummary } from '../keptSummaries/read';
import { readTx } from '../readTx';
import { getCalendarSettings } from './calendar';
import { knownDesks } from './centerDesks';
import { readReport } from './reports';

export type ReportRequest = { kind: PeriodKind; period: Period; previous: Period };

/** What a kept row was made on: the build, the community profile, the working calendar. */
async function basisOf(desk: Desk): Promise<string> {
  return JSON.stringify([__APP_VERSION__, desk.community, await getCalendarSettings(desk)]);
}

/** The summaries of a report and the desks its period covers, from the records read for it. */
export function summariesFrom(data: SummaryData, period: Period): ReportSummaries {
  const { now, before } = summariesOf(data);
  return { now, before, covered: coveredDesks(data.desks, data.cases, period), desks: data.desks };
}

/**
 * The summaries of `r`, and the records read for them when they were read (`data`: absent when
 * kept ones were used) with the kept summaries' write token of that read (readReport).
 */
export async function reportSummaries(
  desk: Desk,
  r: ReportRequest,
  notes: ReportNotes,
): Promise<{ summaries: ReportSummaries; data?: SummaryData; token?: string }> {
  const key = keptKey(r.kind, r.period, r.previous);
  const closed = keepable(r.period, r.previous, desk.clock.today());
  const basis = closed ? await basisOf(desk) : '';
  if (closed) {
    const found = await readTx(desk.db, ['keptSummaries', 'centerDesks', 'auditLog'], async () => {
      const [kept, desks] = await Promise.all([keptSummary(desk.db, key, basis), knownDesks(desk)]);
      return kept && { now: kept.now, before: kept.before, covered: withCounts(desks, kept.desks), desks };
    });
    if (found) return { summaries: found };
  }
  const { data, token } = await readReport(desk, r, notes, 'summary');
  const summaries = summariesFrom(data, r.period);
  const { now, before } = summaries;
  if (closed)
    void keepSoon(desk.db, { key, basis, now, before, desks: deskCounts(deskCasesOf(data.cases, r.period)) }, token);
  return { summaries, data, token };
}
