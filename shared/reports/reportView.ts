/**
 * What the 统计报表 screen shows of a period, made from its `ReportData` in the worker
 * (renderer/src/worker): the two summaries, the rows of every section, and the desks the period's
 * cases came from. Small and plain (it crosses to the page by postMessage); the records stay in
 * the worker.
 */
import type { CoveredDesk } from '../domain/records';
import { coveredDesks, type KnownDesk } from './centerDesks';
import type { Period, PeriodKind } from './periods';
import { namesOf, summariesOf, type Names, type ReportData } from './reportData';
import type { PeriodSummary } from './summary';
import { summarySections, type SummarySection } from './summaryRows';

export type ReportView = {
  kind: PeriodKind;
  period: Period;
  now: PeriodSummary;
  before: PeriodSummary;
  sections: SummarySection[];
  /** The desks whose cases the period holds, and every desk this desk knows (CenterCoverage). */
  covered: CoveredDesk[];
  desks: KnownDesk[];
};

/** The two summaries of a report and the desks of its period: what a kept report holds (keptSummaries.ts). */
export type ReportSummaries = Pick<ReportView, 'now' | 'before' | 'covered' | 'desks'>;

export function reportViewOf(data: ReportData): ReportView {
  const { now, before } = summariesOf(data);
  const covered = coveredDesks(data.desks, data.cases, data.period);
  return reportViewFrom(data, { now, before, covered, desks: data.desks }, namesOf(data));
}

/** The view of a period from its summaries (kept or just made) and the names to show. */
export function reportViewFrom(r: { kind: PeriodKind; period: Period }, s: ReportSummaries, names: Names): ReportView {
  return {
    kind: r.kind,
    period: r.period,
    now: s.now,
    before: s.before,
    sections: summarySections(s.now, s.before, names),
    covered: s.covered,
    desks: s.desks,
  };
}
