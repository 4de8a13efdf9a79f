/**
 * What the 统计报表 screen shows of a period, made from its `ReportData` in the worker
 * (renderer/src/worker): the two summaries, the rows of every section, and the desks the period's
 * cases came from. Small and plain (it crosses to the page by postMessage); the records stay in
 * the worker.
 */
import type { CoveredDesk } from '../domain/records';
import { coveredDesks, type KnownDesk } from './centerDesks';
import type { Period, PeriodKind } from './periods';
import { namesOf, summariesOf, type ReportData } from './reportData';
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

export function reportViewOf(data: ReportData): ReportView {
  const { now, before } = summariesOf(data);
  return {
    kind: data.kind,
    period: data.period,
    now,
    before,
    sections: summarySections(now, before, namesOf(data)),
    covered: coveredDesks(data.desks, data.cases, data.period),
    desks: data.desks,
  };
}
