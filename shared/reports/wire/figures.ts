/**
 * A period summary's figures as the wire carries them: counts, rates (from their two counts),
 * maxima and lists. Reads only the fields named in `SummaryFigures` — the shape the version 1
 * package's summary had, which today's summary (summary.ts) still has — so a field added to the
 * internal summary changes nothing here, and the version 1 converter reads old files with the
 * same rules the writer uses now.
 */
import {
  COUNT_KEYS,
  RATE_PARTS,
  type CountKey,
  type ListKey,
  type MaximumKey,
  type RateKey,
  type WireContent,
  type WireListItem,
} from './types';

type Tally = Record<string, number>;

/** The summary fields the wire reads (frozen: see the module comment). */
export type SummaryFigures = {
  visits: { total: number; byChannel: Tally; byKind: Tally };
  accepted: { total: number; byCategory: Tally; byMode: Tally; byStatus: Tally };
  completed: { total: number; onTime: number; late: number; withDeadlineMoved: number };
  open: { total: number; overdue: number; overdueAges: readonly number[]; byAge: Tally };
  escalations: { raised: number; byStage: Tally };
  ratings: { total: number; byLevel: Tally };
  /** `openAtEnd`: absent in version 1 packages. */
  rectifications: { opened: number; closed: number; openAtEnd?: number };
  specialGroups: Tally;
  proxy: {
    requests: { total: number; bySource: Tally };
    accepted: number;
    cancelled: { total: number; byReason: Tally };
    homeVisits: { total: number; solo: number };
    delivered: { total: number; byMethod: Tally; withinTarget: number };
    documentsOut: { total: number; originals: number; byAge: Tally; overAlert: number; longestDays: number };
  };
  meetings: {
    problems: { raised: number; bySource: Tally; byCategory: Tally };
    held: number;
    moved: number;
    cancelled: number;
    planned: number;
    attendance: { expected: number; present: number };
    items: { total: number; byKind: Tally };
    decisions: { total: number; byType: Tally };
    assigned: { total: number; due: number; finishedByDue: number };
    openAtEnd: number;
  };
  /** Absent in version 1 packages made before 错时服务 was counted. */
  offHours?: { occasions: number; restDayOccasions: number; people: number; dutyDays: number };
};

/** The 好差评 levels counted as satisfied (满意率's numerator). */
export const SATISFIED_LEVELS = ['非常满意', '满意', '基本满意'] as const;

/** A tally as a list, keys in code-unit order (a reader orders them for display). */
export function listOf(tally: Tally): WireListItem[] {
  return Object.keys(tally)
    .sort()
    .map((key) => ({ key, label: key, n: tally[key] ?? 0 }));
}

/** Each rate from its two counts. */
export function ratesOf(counts: Record<CountKey, number>): Record<RateKey, { num: number; den: number }> {
  const out = {} as Record<RateKey, { num: number; den: number }>;
  for (const [key, [num, den]] of Object.entries(RATE_PARTS))
    out[key as RateKey] = { num: counts[num], den: counts[den] };
  return out;
}

export type Figures = Pick<WireContent, 'counts' | 'rates' | 'maxima' | 'lists'>;

export function figuresOf(s: SummaryFigures): Figures {
  const { proxy: p, meetings: m } = s;
  const off = s.offHours ?? { occasions: 0, restDayOccasions: 0, people: 0, dutyDays: 0 };
  const counts: Record<CountKey, number> = {
    visits: s.visits.total,
    accepted: s.accepted.total,
    acceptedImmediate: s.accepted.byMode['即办'] ?? 0,
    completed: s.completed.total,
    completedOnTime: s.completed.onTime,
    completedLate: s.completed.late,
    completedDeadlineMoved: s.completed.withDeadlineMoved,
    openAtEnd: s.open.total,
    overdueAtEnd: s.open.overdue,
    escalationsRaised: s.escalations.raised,
    ratings: s.ratings.total,
    ratingsSatisfied: SATISFIED_LEVELS.reduce((n, level) => n + (s.ratings.byLevel[level] ?? 0), 0),
    rectificationsOpened: s.rectifications.opened,
    rectificationsClosed: s.rectifications.closed,
    rectificationsOpenAtEnd: s.rectifications.openAtEnd ?? 0,
    proxyRequests: p.requests.total,
    proxyAccepted: p.accepted,
    proxyCancelled: p.cancelled.total,
    proxyHomeVisits: p.homeVisits.total,
    proxyHomeVisitsSolo: p.homeVisits.solo,
    proxyDelivered: p.delivered.total,
    proxyDeliveredWithinTarget: p.delivered.withinTarget,
    documentsOut: p.documentsOut.total,
    documentsOutOriginals: p.documentsOut.originals,
    documentsOverAlert: p.documentsOut.overAlert,
    problemsRaised: m.problems.raised,
    meetingsHeld: m.held,
    meetingsMoved: m.moved,
    meetingsCancelled: m.cancelled,
    meetingsPlanned: m.planned,
    attendanceExpected: m.attendance.expected,
    attendancePresent: m.attendance.present,
    agendaItems: m.items.total,
    decisions: m.decisions.total,
    assignedDecisions: m.assigned.total,
    assignedDue: m.assigned.due,
    assignedFinishedByDue: m.assigned.finishedByDue,
    problemsOpenAtEnd: m.openAtEnd,
    offHoursOccasions: off.occasions,
    offHoursRestDayOccasions: off.restDayOccasions,
    offHoursPeople: off.people,
    offHoursDutyDays: off.dutyDays,
  };
  const maxima: Record<MaximumKey, number> = {
    overdueLongestDays: s.open.overdueAges.reduce((a, b) => Math.max(a, b), 0),
    documentsOutLongestDays: p.documentsOut.longestDays,
  };
  const lists: Record<ListKey, WireListItem[]> = {
    visitsByChannel: listOf(s.visits.byChannel),
    visitsByKind: listOf(s.visits.byKind),
    acceptedByCategory: listOf(s.accepted.byCategory),
    acceptedByMode: listOf(s.accepted.byMode),
    acceptedByStatus: listOf(s.accepted.byStatus),
    openByAge: listOf(s.open.byAge),
    escalationsByStage: listOf(s.escalations.byStage),
    ratingsByLevel: listOf(s.ratings.byLevel),
    specialGroups: listOf(s.specialGroups),
    proxyRequestsBySource: listOf(p.requests.bySource),
    proxyCancelledByReason: listOf(p.cancelled.byReason),
    proxyDeliveredByMethod: listOf(p.delivered.byMethod),
    documentsOutByAge: listOf(p.documentsOut.byAge),
    problemsBySource: listOf(m.problems.bySource),
    problemsByCategory: listOf(m.problems.byCategory),
    agendaItemsByKind: listOf(m.items.byKind),
    decisionsByType: listOf(m.decisions.byType),
  };
  return { counts: pickCounts(counts), rates: ratesOf(counts), maxima, lists };
}

/** The counts in COUNT_KEYS order (the canonical JSON sorts them anyway; this keeps files readable). */
const pickCounts = (c: Record<CountKey, number>) =>
  Object.fromEntries(COUNT_KEYS.map((k) => [k, c[k]])) as Record<CountKey, number>;
