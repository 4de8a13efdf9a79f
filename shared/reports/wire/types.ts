/**
 * The 报送包 as a wire format (issue 27 item 1): what one community sends the street office for a
 * period, in version 2. These types are the wire's own: the internal summary (summary.ts) may
 * grow a field without changing them; a change here is a new `version` with its converter
 * (read.ts, versions/).
 *
 * Every figure has ONE merge rule, given by where it sits:
 * - `counts`: named counts that SUM across communities;
 * - `rates`: a rate as its numerator and denominator (never a bare percentage), merged by summing
 *   num and den — never by averaging percentages;
 * - `maxima`: the longest-days figures, merged by taking the largest;
 * - `lists`: named breakdowns (by category, by channel …) as `{ key, label, n }` rows, merged by key;
 * - `grids`: per 网格, keyed by the grid's id (`code`, unique within the community), with its name;
 * - `escalations` and `ledger`: the period's records, one row each, no merging (they belong to
 *   their community).
 *
 * Minimum necessary: no names, ID numbers, phones, addresses, nor any free text written about a
 * resident (the 上报 request, the feedback texts, the report's notes stay on the desk).
 */
import type { PeriodKind } from '../periods';

export const WIRE_FORMAT = 'duty-desk.report';
/** The version this app writes; read.ts converts every earlier one up to it. */
export const WIRE_VERSION = 2;

/**
 * The counts (each sums across communities). A rate's parts are counts too (see RATE_PARTS), so a
 * figure is in one place; the side-by-side table and the 周报 rows read them by these names.
 */
export const COUNT_KEYS = [
  'visits',
  'accepted',
  'acceptedImmediate',
  'completed',
  'completedOnTime',
  'completedLate',
  'completedDeadlineMoved',
  'openAtEnd',
  'overdueAtEnd',
  'escalationsRaised',
  'ratings',
  'ratingsSatisfied',
  'rectificationsOpened',
  'rectificationsClosed',
  'rectificationsOpenAtEnd',
  'proxyRequests',
  'proxyAccepted',
  'proxyCancelled',
  'proxyHomeVisits',
  'proxyHomeVisitsSolo',
  'proxyDelivered',
  'proxyDeliveredWithinTarget',
  'documentsOut',
  'documentsOutOriginals',
  'documentsOverAlert',
  'problemsRaised',
  'meetingsHeld',
  'meetingsMoved',
  'meetingsCancelled',
  'meetingsPlanned',
  'attendanceExpected',
  'attendancePresent',
  'agendaItems',
  'decisions',
  'assignedDecisions',
  'assignedDue',
  'assignedFinishedByDue',
  'problemsOpenAtEnd',
  'offHoursOccasions',
  'offHoursRestDayOccasions',
  'offHoursPeople',
  'offHoursDutyDays',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

/** Each rate as the two counts it is made of: [numerator, denominator]. */
export const RATE_PARTS = {
  /** 即办占比: 即办 cases of all accepted. */
  immediate: ['acceptedImmediate', 'accepted'],
  /** 按时办结率: on time of the completions with a promised date. */
  onTime: ['completedOnTime', 'completed'],
  /** 满意率: 非常满意, 满意 and 基本满意 of the 好差评 given. */
  satisfaction: ['ratingsSatisfied', 'ratings'],
  /** 代办目标内送达率. */
  proxyWithinTarget: ['proxyDeliveredWithinTarget', 'proxyDelivered'],
  /** 联席会议出席率. */
  attendance: ['attendancePresent', 'attendanceExpected'],
  /** 社区处置按期办结率. */
  assignedFinishedByDue: ['assignedFinishedByDue', 'assignedDue'],
} as const satisfies Record<string, readonly [CountKey, CountKey]>;
export type RateKey = keyof typeof RATE_PARTS;
export const RATE_KEYS = Object.keys(RATE_PARTS) as RateKey[];

/** The longest-days figures (merged by the largest). */
export const MAXIMUM_KEYS = ['overdueLongestDays', 'documentsOutLongestDays'] as const;
export type MaximumKey = (typeof MAXIMUM_KEYS)[number];

/** The breakdowns: each a list of `{ key, label, n }`, merged by key. */
export const LIST_KEYS = [
  'visitsByChannel',
  'visitsByKind',
  'acceptedByCategory',
  'acceptedByMode',
  'acceptedByStatus',
  'openByAge',
  'escalationsByStage',
  'ratingsByLevel',
  'specialGroups',
  'proxyRequestsBySource',
  'proxyCancelledByReason',
  'proxyDeliveredByMethod',
  'documentsOutByAge',
  'problemsBySource',
  'problemsByCategory',
  'agendaItemsByKind',
  'decisionsByType',
] as const;
export type ListKey = (typeof LIST_KEYS)[number];

export type WireListItem = { key: string; label: string; n: number };
export type WireRate = { num: number; den: number };

export type WirePeriod = { kind: PeriodKind; from: string; to: string; label: string };

/** The 网格 a visit or case counted for: visits and cases; `code` '未分网格' for none. */
export type WireGrid = { code: string; name: string; counts: { visits: number; cases: number } };
export const UNGRIDDED = '未分网格';

export type WireEscalationStage = '待报到' | '已报到' | '已反馈' | '已核实' | '已退回';

/**
 * One 上报事项 (吹哨) of the period: raised in it, still open at its end, or with a step (报到,
 * 反馈, 核实) in it. Times are ISO instants. `department`: the street office section or
 * department it went to, as typed. `evaluation`: the community's 评价部门 and when it was given
 * (`departmentRatedAt`; a rating from before issue 27 has its 核实结项's time). No request text, no feedback
 * text, no person.
 */
export type WireEscalation = {
  trackingNumber: string;
  raisedAt: string;
  level: '日常' | '重大' | '紧急';
  department: string;
  stage: WireEscalationStage;
  matterName: string;
  category: string;
  gridCode: string | null;
  checkInAt: string | null;
  feedbackCount: number;
  lastFeedbackAt: string | null;
  evaluation: { rating: string; at: string } | null;
};

/** A case accepted in the period (the ledger): no resident, no free text. */
export type WireCase = {
  trackingNumber: string;
  matterCode: string;
  matterName: string;
  category: string;
  mode: string;
  status: string;
  gridCode: string | null;
  acceptedDay: string;
  deadline: string | null;
  completedDay: string | null;
};

/** A desk of the center whose work the package covers, with its cases accepted in the period. */
export type WireDesk = { number: number; name: string; casesAccepted: number };

/**
 * What a converter from an earlier version could not know, so a reader shows '未知', not 0:
 * 'residents' (0 in the figures), 'escalations' (an empty list; their counts still travel),
 * 'gridCodes' (the grid's name stands as its code), 'desks' (none listed), 'correction' (n 1,
 * replaces null), 'offHours' (zeros), 'rectificationsOpenAtEnd' (0). Empty in a package written as version 2.
 */
export const UNKNOWN_FIELDS = [
  'residents',
  'escalations',
  'gridCodes',
  'desks',
  'correction',
  'offHours',
  'rectificationsOpenAtEnd',
] as const;
export type UnknownField = (typeof UNKNOWN_FIELDS)[number];

export type WireContent = {
  /** The 所属街道 the community set: a street desk refuses another street's package. */
  street: { name: string };
  community: { code: string; name: string };
  /** The installation (desk database) that made it, and which desk of the center (null: not known). */
  center: { installId: string; desk: { number: number; name: string } | null };
  desks: WireDesk[];
  period: WirePeriod;
  generatedAt: string;
  /**
   * n = 1 the first JSON export of this period by the center, 2… each re-export; `replaces`: the
   * sha256 of the one exported before it, when the center's export rows know it.
   */
  correction: { n: number; replaces: string | null };
  /** The community's population (常住人口, set at setup): for visits per 1,000 residents. */
  residents: number;
  /** Days a document may stay out before it is flagged (the center's setting, for 在外超过提醒天数). */
  custodyAlertDays: number;
  counts: Record<CountKey, number>;
  rates: Record<RateKey, WireRate>;
  maxima: Record<MaximumKey, number>;
  lists: Record<ListKey, WireListItem[]>;
  grids: WireGrid[];
  escalations: WireEscalation[];
  ledger: WireCase[];
  unknown: UnknownField[];
};

/** The records of a package's period (one row each, never merged): its 上报事项 and its 办件 ledger. */
export type WireRecords = Pick<WireContent, 'escalations' | 'ledger'>;

/**
 * A package without its records: everything the street's 汇总 merges (counts, rates, maxima, lists,
 * 网格) and what names the package. A street stores the two apart (a five-year 汇总 reads 1,040
 * packages' figures, never their records: db/repositories/street/packages.ts).
 */
export type WireFigures = Omit<WireContent, keyof WireRecords>;

/** A package's content as its figures and its records (`{ ...figures, ...records }` is the content again). */
export function splitContent(content: WireContent): { figures: WireFigures; records: WireRecords } {
  const { escalations, ledger, ...figures } = content;
  return { figures, records: { escalations, ledger } };
}

export type WirePackage = {
  format: typeof WIRE_FORMAT;
  version: typeof WIRE_VERSION;
  sha256: string;
  content: WireContent;
};

export type Sha256Hex = (text: string) => Promise<string>;

export type ReadResult = { ok: true; pkg: WirePackage; fromVersion: number } | { ok: false; reason: string };
