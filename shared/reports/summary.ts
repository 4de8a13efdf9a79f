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
 * - 好差评 given in the period, on the five levels; rectifications opened and closed in it, and
 *   the ones open at its end (or today): opened by then, not closed by then;
 * - special groups served: distinct residents with each tag among the period's visitors
 *   (counts only, no one named);
 * - per 网格 and per staff member (首问责任人): visits and accepted cases; a visit's 网格 is its
 *   resident's, or for a 诉求 with no resident the one chosen for its case (not 未分网格);
 * - 帮代办 (`proxySummary`): requests received in the period (`requestedDay`), by source; 帮代办
 *   cases accepted in it; requests cancelled in it (the day of `cancel.at`), by reason; home
 *   visits made in it (`visitedDay`) and how many by one staff member alone; results delivered
 *   in it (the day of `delivery.at`), by method, and how many on or before the routine target
 *   day; the residents' documents out at the period's end (or today) — collected by then and
 *   not returned, retained or reported lost by then, replayed from each item's events (not its
 *   status now) — and their age then in calendar days since collection (as the 工作台 counts
 *   them that evening), in bands and past the center's alert days. Figures only: no one named.
 * - 联席会议 (`meetingSummary`): problems raised in the period (`raisedDay`; a problem merged
 *   into another is not counted — the one it went into carries its reports and the earliest
 *   day), by the kind of their first report and by category; meetings held, moved (改期, by the
 *   day they ended up on) and cancelled in the period, and the ones still being prepared, with
 *   the attendance of the held ones (present of everyone listed); the agenda items of the held
 *   meetings by kind (上次结转: the carry-overs); the decisions of the period's meetings by type,
 *   and of its 社区处置 those due by the period's end (or today) and how many of these had their
 *   case finished (办结) on or before the due day — as the records stand; one not due yet is in
 *   neither count, so a period with nothing due has no rate (shown '—'), not 0%; the problems still open at the period's end (or today), replayed from their
 *   days: raised by then, and then either undecided, to keep watching (继续跟踪), or handed to a
 *   case (社区处置, 上报街道) not finished by then — a 已解决 taken later, or a case finished
 *   later, does not close it earlier. Figures only: no one named.
 * `comparePeriods` gives the change against another summary (the previous week).
 */
import { toDayNumber } from '../domain/localDate';
import {
  RATINGS,
  type AgendaItem,
  type CustodyActionType,
  type CustodyItem,
  type Meeting,
  type Problem,
  type ProxyTask,
  type Rating,
  type Resident,
} from '../domain/records';
import type { OffHoursTotals } from '../domain/offHours';
import type { Period } from './periods';
import { dayOfInstant, ratedDayOf } from './reportIndex';
import { meetingSummary, type MeetingSummary } from './meetingSummary';
import type { SummaryCase, SummaryVisit } from './slimRows';
import {
  asOfDay,
  caseFinishedBy,
  CUSTODY_AGES,
  inside,
  OPEN_AGES,
  tally,
  type CustodyAge,
  type OpenAge,
} from './summaryParts';

export { previousPeriod, weekOf, type Period } from './periods';
export { meetingSummary, problemOpenAtEndOf, type MeetingSummary } from './meetingSummary';
export { CUSTODY_AGES, OPEN_AGES, type CustodyAge, type OpenAge } from './summaryParts';

const NO_OFF_HOURS: OffHoursTotals = { occasions: 0, people: 0, restDayOccasions: 0, dutyDays: 0 };

export type SummaryInput = {
  visits: readonly SummaryVisit[];
  cases: readonly SummaryCase[];
  residents: readonly Resident[];
  /** matter code → category (the catalog). */
  categoryOf: (matterCode: string) => string;
  /** Today: a period that has not ended yet is judged as of today, not of its last day. */
  today?: string;
  /** 帮代办: the proxy requests and the custody items of the documents taken from home. */
  proxyTasks: readonly ProxyTask[];
  custodyItems: readonly CustodyItem[];
  /** Days a document may stay out before it is flagged (`custodyAlertDays(community)`). */
  custodyAlertDays: number;
  /** 联席会议: the problems of the pool, the meetings and their agenda items. */
  problems: readonly Problem[];
  meetings: readonly Meeting[];
  agendaItems: readonly AgendaItem[];
  /** 错时服务: the totals of each period read (offHoursTotals over the period's table); a period not read counts none. */
  offHoursByPeriod?: readonly { period: Period; totals: OffHoursTotals }[];
};

function ageBand(days: number): OpenAge {
  return days <= 7 ? '7天以内' : days <= 30 ? '8–30天' : days <= 90 ? '31–90天' : '90天以上';
}

function custodyAgeBand(days: number): CustodyAge {
  return days <= 3 ? '3天以内' : days <= 7 ? '4–7天' : '8天以上';
}

/** The custody events after which a document is no longer out of the resident's home. */
const SETTLING: readonly CustodyActionType[] = ['归还', '留存', '遗失损坏'];

/**
 * Whether the item was out of the home at the end of `day`: collected on or before it, and no
 * 归还 / 留存 / 遗失损坏 recorded on or before it — replayed from the events, so an item
 * returned since still counts as out in an earlier period.
 */
export function outAtEndOf(item: Pick<CustodyItem, 'collectedAt' | 'events'>, day: string): boolean {
  if (dayOfInstant(item.collectedAt) > day) return false;
  return !item.events.some((e) => SETTLING.includes(e.type) && dayOfInstant(e.at) <= day);
}

export type ProxySummary = {
  requests: { total: number; bySource: Record<string, number> };
  /** 帮代办 cases accepted in the period. */
  accepted: number;
  cancelled: { total: number; byReason: Record<string, number> };
  homeVisits: { total: number; solo: number };
  delivered: {
    total: number;
    byMethod: Record<string, number>;
    /** Delivered on or before the routine target day (a request without a home visit has none). */
    withinTarget: number;
    withinTargetRate: number | null;
  };
  /** At the end of the period (or today). */
  documentsOut: {
    total: number;
    originals: number;
    byAge: Record<CustodyAge, number>;
    /** Out longer than `alertDays`. */
    overAlert: number;
    alertDays: number;
    /** Days out of the one out longest (0 when none). */
    longestDays: number;
  };
};

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
  rectifications: { opened: number; closed: number; openAtEnd: number };
  specialGroups: Record<string, number>;
  byGrid: Record<string, { visits: number; cases: number }>;
  byStaff: Record<string, { visits: number; cases: number }>;
  proxy: ProxySummary;
  meetings: MeetingSummary;
  /** 错时服务 (shared/domain/offHours): occasions outside standard hours, the people, the rest-day ones, duty days. */
  offHours: OffHoursTotals;
};

export function summarize(input: SummaryInput, period: Period): PeriodSummary {
  const visits = input.visits.filter((v) => inside(v.day, period));
  const accepted = input.cases.filter((c) => inside(c.acceptedDay, period));
  const completed = input.cases.filter((c) => inside(c.completedDay, period) && c.mode !== '咨询' && c.deadline);
  const onTime = completed.filter((c) => (c.completedDay ?? '') <= (c.deadline ?? ''));
  // Open at the end of the period (or today): accepted by then, and not finished by then.
  const asOf = asOfDay(input, period);
  const open = input.cases.filter((c) => c.acceptedDay <= asOf && !caseFinishedBy(c, asOf));
  const overdue = open.filter(
    (c) => c.deadline !== undefined && c.deadline < asOf && !(c.pause && c.deadline >= c.pause.from),
  );
  const ageOf = (c: SummaryCase) => toDayNumber(asOf) - toDayNumber(c.acceptedDay);
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
  // A visit's 网格: its resident's, or — a 诉求 with no one named — the one chosen for its case.
  const caseGrid = new Map(input.cases.map((c) => [c.id, c.gridId]));
  const gridOfVisit = (v: SummaryVisit) =>
    (v.residentId && residents.get(v.residentId)?.gridId) ||
    v.caseIds.map((id) => caseGrid.get(id)).find((g) => g !== undefined) ||
    '未分网格';
  for (const v of visits) {
    bump(byGrid, gridOfVisit(v), 'visits');
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
      openAtEnd: input.cases.filter((c) => rectificationOpenAt(c, asOf)).length,
    },
    specialGroups,
    byGrid,
    byStaff,
    proxy: proxySummary(input, period),
    meetings: meetingSummary(input, period),
    offHours:
      input.offHoursByPeriod?.find((o) => o.period.from === period.from && o.period.to === period.to)?.totals ??
      NO_OFF_HOURS,
  };
}

/** Whether the case's 整改 was open at the end of `day`: opened by then and not closed by then. */
export function rectificationOpenAt(c: Pick<SummaryCase, 'rectification'>, day: string): boolean {
  const r = c.rectification;
  return r !== undefined && r.openedDay <= day && !(r.closedDay !== undefined && r.closedDay <= day);
}

/** The 帮代办 part of the summary of `period`. */
export function proxySummary(input: SummaryInput, period: Period): ProxySummary {
  const requested = input.proxyTasks.filter((t) => inside(t.requestedDay, period));
  const cancelled = input.proxyTasks.filter((t) => t.cancel && inside(dayOfInstant(t.cancel.at), period));
  const visited = input.proxyTasks.filter((t) => inside(t.visitedDay, period));
  const delivered = input.proxyTasks.filter((t) => t.delivery && inside(dayOfInstant(t.delivery.at), period));
  const withinTarget = delivered.filter(
    (t) => t.targetDay !== undefined && dayOfInstant(t.delivery!.at) <= t.targetDay,
  ).length;
  const asOf = asOfDay(input, period);
  const end = toDayNumber(asOf);
  const out = input.custodyItems.filter((i) => outAtEndOf(i, asOf));
  const ages = out.map((i) => end - toDayNumber(dayOfInstant(i.collectedAt)));
  const byAge = Object.fromEntries(CUSTODY_AGES.map((a) => [a, 0])) as Record<CustodyAge, number>;
  for (const d of ages) byAge[custodyAgeBand(d)] += 1;
  const alertDays = input.custodyAlertDays;
  return {
    requests: { total: requested.length, bySource: tally(requested.map((t) => t.source)) },
    accepted: input.cases.filter((c) => c.mode === '帮代办' && inside(c.acceptedDay, period)).length,
    cancelled: { total: cancelled.length, byReason: tally(cancelled.map((t) => t.cancel!.reason)) },
    homeVisits: { total: visited.length, solo: visited.filter((t) => t.visit?.staffIds.length === 1).length },
    delivered: {
      total: delivered.length,
      byMethod: tally(delivered.map((t) => t.delivery!.method)),
      withinTarget,
      withinTargetRate: delivered.length === 0 ? null : withinTarget / delivered.length,
    },
    documentsOut: {
      total: out.length,
      originals: out.filter((i) => i.original).length,
      byAge,
      overAlert: ages.filter((d) => d > alertDays).length,
      alertDays,
      longestDays: ages.reduce((a, b) => Math.max(a, b), 0),
    },
  };
}

/** Change of the headline figures against `before` (e.g. the previous week). */
export function comparePeriods(now: PeriodSummary, before: PeriodSummary) {
  return {
    visits: now.visits.total - before.visits.total,
    accepted: now.accepted.total - before.accepted.total,
    completed: now.completed.total - before.completed.total,
    overdue: now.open.overdue - before.open.overdue,
    proxyRequests: now.proxy.requests.total - before.proxy.requests.total,
    documentsOut: now.proxy.documentsOut.total - before.proxy.documentsOut.total,
    problemsRaised: now.meetings.problems.raised - before.meetings.problems.raised,
    openProblems: now.meetings.openAtEnd - before.meetings.openAtEnd,
  };
}
