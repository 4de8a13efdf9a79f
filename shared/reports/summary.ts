/**
 * 周报 and the other period summaries (issue 12, part 1): pure functions from the stored records
 * to the figures the street office asks for. Dates are local days 'YYYY-MM-DD'; a period is
 * inclusive at both ends. What counts where:
 * - visits: registered on a day of the period, by 来访方式 and 类型;
 * - cases accepted in the period: by category (the catalog's), by 办理方式, by status now; the
 *   即办 share;
 * - completions in the period (办结 day inside it): on time when on or before the promised date
 *   in force — the receipt's date moved only by recorded 补正 pauses — and how many of them had
 *   their date moved (`pausedWorkingDays` > 0);
 * - open at the period's end — or today, for a period not over yet (`today`) — : accepted by
 *   then, not finished (办结, 不予受理, 归档) by then; overdue then when its promised date is
 *   before that day and its clock is running (a case waiting for documents since before its
 *   date passed is not overdue, as in the 已超期 queue); their age in days since acceptance — as
 *   the records stand now (a case paused or reopened since is not told apart);
 * - escalations raised in the period, by their stage now;
 * - 好差评 given in the period, on the five levels; rectifications opened and closed in it;
 * - special groups served: distinct residents with each tag among the period's visitors
 *   (counts only, no one named);
 * - per 网格 and per staff member (首问责任人): visits and accepted cases.
 * `comparePeriods` gives the change against another summary (the previous week).
 */
import { toDayNumber } from '../domain/localDate';
import { RATINGS, type CaseRecord, type Rating, type Resident, type Visit } from '../domain/records';
import type { Period } from './periods';
import { ratedDayOf } from './reportIndex';

export { previousPeriod, weekOf, type Period } from './periods';

const inside = (day: string | undefined, p: Period): day is string => day !== undefined && day >= p.from && day <= p.to;

function tally<K extends string>(keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

export type SummaryInput = {
  visits: readonly Visit[];
  cases: readonly CaseRecord[];
  residents: readonly Resident[];
  /** matter code → category (the catalog). */
  categoryOf: (matterCode: string) => string;
  /** Today: a period that has not ended yet is judged as of today, not of its last day. */
  today?: string;
};

/** Age bands of the cases open at the period's end (days since acceptance). */
export const OPEN_AGES = ['7天以内', '8–30天', '31–90天', '90天以上'] as const;
export type OpenAge = (typeof OPEN_AGES)[number];

function ageBand(days: number): OpenAge {
  return days <= 7 ? '7天以内' : days <= 30 ? '8–30天' : days <= 90 ? '31–90天' : '90天以上';
}

export type PeriodSummary = {
  period: Period;
  visits: { total: number; byChannel: Record<string, number>; byKind: Record<string, number> };
  accepted: {
    total: number;
    byCategory: Record<string, number>;
    byMode: Record<string, number>;
    byStatus: Record<string, number>;
    /** 即办 cases of all accepted, 0 … 1 (0 when none were accepted). */
    immediateShare: number;
  };
  completed: { total: number; onTime: number; late: number; withDeadlineMoved: number; onTimeRate: number | null };
  /** At the end of the period. */
  open: { total: number; overdue: number; overdueAges: number[]; byAge: Record<OpenAge, number> };
  escalations: { raised: number; byStage: Record<string, number> };
  ratings: { total: number; byLevel: Record<Rating, number> };
  rectifications: { opened: number; closed: number };
  specialGroups: Record<string, number>;
  byGrid: Record<string, { visits: number; cases: number }>;
  byStaff: Record<string, { visits: number; cases: number }>;
};

export function summarize(input: SummaryInput, period: Period): PeriodSummary {
  const visits = input.visits.filter((v) => inside(v.day, period));
  const accepted = input.cases.filter((c) => inside(c.acceptedDay, period));
  const completed = input.cases.filter((c) => inside(c.completedDay, period) && c.mode !== '咨询' && c.deadline);
  const onTime = completed.filter((c) => (c.completedDay ?? '') <= (c.deadline ?? ''));
  // Open at the end of the period (or today): accepted by then, and not finished by then.
  const asOf = input.today !== undefined && input.today < period.to ? input.today : period.to;
  const finishedBy = (c: CaseRecord) => {
    const end =
      c.completedDay ?? c.refusedDay ?? c.archivedDay ?? (c.status === '不予受理' ? c.acceptedDay : undefined);
    return end !== undefined && end <= asOf;
  };
  const open = input.cases.filter((c) => c.acceptedDay <= asOf && !finishedBy(c));
  const overdue = open.filter(
    (c) => c.deadline !== undefined && c.deadline < asOf && !(c.pause && c.deadline >= c.pause.from),
  );
  const ageOf = (c: CaseRecord) => toDayNumber(asOf) - toDayNumber(c.acceptedDay);
  const byAge = Object.fromEntries(OPEN_AGES.map((a) => [a, 0])) as Record<OpenAge, number>;
  for (const c of open) byAge[ageBand(ageOf(c))] += 1;
  const escalations = input.cases.flatMap((c) => (c.escalations ?? []).filter((e) => inside(e.raisedDay, period)));
  const rated = input.cases.filter((c) => inside(ratedDayOf(c), period));
  const byLevel = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
  for (const c of rated) byLevel[c.rating as Rating] += 1;
  const residents = new Map(input.residents.map((r) => [r.id, r]));
  const served = new Set(visits.map((v) => v.residentId).filter((id): id is string => id !== undefined));
  const specialGroups: Record<string, number> = {};
  for (const id of served)
    for (const tag of residents.get(id)?.tags ?? []) specialGroups[tag] = (specialGroups[tag] ?? 0) + 1;
  const byGrid: PeriodSummary['byGrid'] = {};
  const byStaff: PeriodSummary['byStaff'] = {};
  const bump = (table: PeriodSummary['byGrid'], key: string, field: 'visits' | 'cases') => {
    table[key] ??= { visits: 0, cases: 0 };
    table[key][field] += 1;
  };
  for (const v of visits) {
    bump(byGrid, (v.residentId && residents.get(v.residentId)?.gridId) || '未分网格', 'visits');
    bump(byStaff, v.firstContactId, 'visits');
  }
  for (const c of accepted) {
    bump(byGrid, c.gridId ?? '未分网格', 'cases');
    bump(byStaff, c.firstContactId, 'cases');
  }
  return {
    period,
    visits: {
      total: visits.length,
      byChannel: tally(visits.map((v) => v.channel)),
      byKind: tally(visits.map((v) => v.kind)),
    },
    accepted: {
      total: accepted.length,
      byCategory: tally(accepted.map((c) => input.categoryOf(c.matterCode))),
      byMode: tally(accepted.map((c) => c.mode)),
      byStatus: tally(accepted.map((c) => c.status)),
      immediateShare: accepted.length === 0 ? 0 : accepted.filter((c) => c.mode === '即办').length / accepted.length,
    },
    completed: {
      total: completed.length,
      onTime: onTime.length,
      late: completed.length - onTime.length,
      withDeadlineMoved: completed.filter((c) => (c.pausedWorkingDays ?? 0) > 0).length,
      onTimeRate: completed.length === 0 ? null : onTime.length / completed.length,
    },
    open: {
      total: open.length,
      overdue: overdue.length,
      overdueAges: overdue.map(ageOf).sort((a, b) => b - a),
      byAge,
    },
    escalations: { raised: escalations.length, byStage: tally(escalations.map((e) => e.stage)) },
    ratings: { total: rated.length, byLevel },
    rectifications: {
      opened: input.cases.filter((c) => inside(c.rectification?.openedDay, period)).length,
      closed: input.cases.filter((c) => inside(c.rectification?.closedDay, period)).length,
    },
    specialGroups,
    byGrid,
    byStaff,
  };
}

/** Change of the headline figures against `before` (e.g. the previous week). */
export function comparePeriods(now: PeriodSummary, before: PeriodSummary) {
  return {
    visits: now.visits.total - before.visits.total,
    accepted: now.accepted.total - before.accepted.total,
    completed: now.completed.total - before.completed.total,
    overdue: now.open.overdue - before.open.overdue,
  };
}
