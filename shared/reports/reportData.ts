/**
 * What a report is made from: the records a period touches (read by index, see
 * db/repositories/reports.ts) and the names to show for ids. The summary, the ledgers, the
 * printed summary and every export file are pure functions of this one value, so the screen,
 * the worker and the tests compute the same thing.
 */
import type {
  AgendaItem,
  CaseRecord,
  CustodyItem,
  Meeting,
  Problem,
  ProxyTask,
  Resident,
  Visit,
} from '../domain/records';
import type { OffHoursTotals } from '../domain/offHours';
import type { KnownDesk } from './centerDesks';
import type { Period, PeriodKind } from './periods';
import type { ReportNotes } from './notes';
import type { SummaryCase, SummaryVisit } from './slimRows';
import { summarize, type PeriodSummary } from './summary';

export { EMPTY_NOTES, MAX_NOTE_CHARS, NOTE_LABELS, noteLabels, notesForExport, type ReportNotes } from './notes';

/**
 * `V` / `C`: the records of visits and cases read — in full (the default: the ledgers, the package,
 * the paper), or only their slim rows (`SummaryData`: the summaries alone, slimRows.ts).
 */
export type ReportData<V extends SummaryVisit = Visit, C extends SummaryCase = CaseRecord> = {
  kind: PeriodKind;
  period: Period;
  /** The period compared against (the previous week, month …). */
  previous: Period;
  label: string;
  /** The desk's today: a period not over yet is judged as of today. */
  today: string;
  /** `population`: 常住人口 set at setup (the package's `residents`, for visits per 1,000 residents). */
  community: { name: string; code: string; street: string; population: number };
  /** Visits of both periods. */
  visits: V[];
  /** Cases that can count in either period (see reportIndex.ts), and the cases open now. */
  cases: C[];
  /** The residents of those visits and cases. */
  residents: Resident[];
  /** 帮代办: the requests of those cases, the requests received in either period and the ones open now. */
  proxyTasks: ProxyTask[];
  /** The documents taken from home on those cases, and the ones out now. */
  custodyItems: CustodyItem[];
  /** Days a document may stay out before it is flagged (the center's setting). */
  custodyAlertDays: number;
  /**
   * 联席会议: the meetings of both periods (and the last one held before them), their agenda
   * items, and the problems that can count — raised since that meeting, on those agendas, open now,
   * or of the cases above.
   */
  meetings: Meeting[];
  agendaItems: AgendaItem[];
  problems: Problem[];
  catalog: { code: string; name: string; category: string }[];
  staff: { id: string; name: string }[];
  grids: { id: string; name: string }[];
  /** The desks of the center this desk knows (itself, those that joined): the report covers their work. */
  desks: KnownDesk[];
  notes: ReportNotes;
  /** 错时服务: the totals of the period and of the one it is compared with (renderer reads them by index). */
  offHours: { now: OffHoursTotals; before: OffHoursTotals };
};

/** What the summaries are made from: the visits and cases as their slim rows. */
export type SummaryData = ReportData<SummaryVisit, SummaryCase>;

/** Ids to the names shown in a report. */
export function namesOf(data: Pick<ReportData, 'catalog' | 'staff' | 'grids'>) {
  const category = new Map(data.catalog.map((m) => [m.code, m.category]));
  const staff = new Map(data.staff.map((s) => [s.id, s.name]));
  const grids = new Map(data.grids.map((g) => [g.id, g.name]));
  return {
    category: (code: string) => category.get(code) ?? '其他',
    staff: (id: string | undefined) => (id ? (staff.get(id) ?? '（已停用人员）') : ''),
    grid: (id: string | undefined) => (id ? (grids.get(id) ?? '（已撤销网格）') : '未分网格'),
  };
}
export type Names = ReturnType<typeof namesOf>;

/** The summary of the period and of the one it is compared with. */
export function summariesOf(data: SummaryData): { now: PeriodSummary; before: PeriodSummary } {
  const names = namesOf(data);
  const input = {
    visits: data.visits,
    cases: data.cases,
    residents: data.residents,
    categoryOf: names.category,
    today: data.today,
    proxyTasks: data.proxyTasks,
    custodyItems: data.custodyItems,
    custodyAlertDays: data.custodyAlertDays,
    problems: data.problems,
    meetings: data.meetings,
    agendaItems: data.agendaItems,
    offHoursByPeriod: [
      { period: data.period, totals: data.offHours.now },
      { period: data.previous, totals: data.offHours.before },
    ],
  };
  return { now: summarize(input, data.period), before: summarize(input, data.previous) };
}

export const REPORT_NAMES: Record<PeriodKind, string> = {
  week: '周报',
  month: '月报',
  quarter: '季报',
  year: '年报',
  custom: '统计',
};

/** The start of every file name of a report: '桃花岭社区-周报-2026-11-16至2026-11-22'. */
export function baseName(data: Pick<ReportData, 'community' | 'kind' | 'period'>): string {
  return `${data.community.name}-${REPORT_NAMES[data.kind]}-${data.period.from}至${data.period.to}`;
}
