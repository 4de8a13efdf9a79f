/**
 * The 办件 queues and the index keys behind them, in one place: `flagsOf` (caseIndex.ts)
 * writes the flags onto every stored case, `queueKeysOf` its ordering keys, and the repository
 * reads each queue page as ONE key range of the multiEntry `queueKeys` index
 * (db/repositories/cases.ts). A queue is never loaded whole to be sorted or filtered, so a
 * page costs the same with 3,000 cases or 60,000. A new queue is one entry in QUEUE_INDEX.
 *
 * A key is `<list>|<filter>|<sort>|<tracking number>`:
 * - list: a flag (FLAGS), or `到期` (open cases whose clock runs, by `dueDay`), or `全部`;
 * - filter: empty, or one of `事项=<code>`, `网格=<grid id>`, `状态=<status>` — every case has
 *   its unfiltered key and one key per filter dimension, so a queue filtered by 网格 is its own
 *   range too. With two or three filters the range of the first (事项, then 网格, then 状态)
 *   is read and the others are checked on the rows of that range only;
 * - sort: open work by promised date, soonest first (no date last); 整改 by its own due date;
 *   finished work (待回访, 待归档, 我的已办结) and 全部办件 by acceptance, newest first (read in
 *   reverse).
 */
import type { CaseRecord } from './records';

/** The flag strings of the multiEntry `flags` index (the queue counts read it). */
export const FLAGS = {
  open: '在办',
  callback: '待回访',
  rectification: '整改',
  escalated: '上报',
  awaitingDocuments: '待补正',
  toArchive: '待归档',
  /** Issue 24: events refused by the merged history, not yet handled (同步冲突). */
  syncConflict: '同步冲突',
  /** First-contact person or current handler, while the case is open. */
  mine: (staffId: string) => `我的:${staffId}`,
  /** First-contact person or current handler of a case that is finished (办结, 不予受理, 归档). */
  mineFinished: (staffId: string) => `我办结:${staffId}`,
  /** The receiver of a pending 转办. */
  toSignFor: (staffId: string) => `待签收:${staffId}`,
} as const;

/** The key lists that are not flags: running open cases by due day, and every case. */
export const DUE_LIST = '到期';
export const ALL_LIST = '全部';

export const QUEUES = [
  '我的办件',
  '待签收',
  '今日到期',
  '即将超期',
  '已超期',
  '待回访',
  '整改',
  '已上报街道',
  '待归档',
  '全部在办',
  '我的已办结',
  '全部办件',
] as const;
export type QueueName = (typeof QUEUES)[number];

/**
 * Counts stop at this many: a count reads its index keys, so an exact count of a queue that
 * grows with the years (全部办件, 我的已办结) would grow too. Past it the desk shows 「1000+」;
 * every page of it still opens.
 */
export const QUEUE_COUNT_CAP = 1000;

/** The count as shown: 「1000+」 past the cap. */
export function countLabel(n: number): string {
  return n > QUEUE_COUNT_CAP ? `${QUEUE_COUNT_CAP}+` : String(n);
}

/** Whose queues, on which day; 即将超期 runs up to `soonUntil`, the next working day. */
export type QueueContext = { staffId: string; today: string; soonUntil: string };

/** What the clerk can narrow a queue by; the order is the order of preference for the index. */
export const FILTER_DIMENSIONS = ['matterCode', 'gridId', 'status'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];
export type CaseFilter = Partial<Record<FilterDimension, string>>;
const FILTER_LABEL: Record<FilterDimension, string> = { matterCode: '事项', gridId: '网格', status: '状态' };

/**
 * The key list behind each queue, and for the due-day queues the span of days:
 * 今日到期 = today, 即将超期 = today … the next working day, 已超期 = before today.
 */
export type QueueIndex = { list: (q: QueueContext) => string; span?: 'today' | 'soon' | 'overdue' };

export const QUEUE_INDEX: Record<QueueName, QueueIndex> = {
  我的办件: { list: (q) => FLAGS.mine(q.staffId) },
  待签收: { list: (q) => FLAGS.toSignFor(q.staffId) },
  今日到期: { list: () => DUE_LIST, span: 'today' },
  即将超期: { list: () => DUE_LIST, span: 'soon' },
  已超期: { list: () => DUE_LIST, span: 'overdue' },
  待回访: { list: () => FLAGS.callback },
  整改: { list: () => FLAGS.rectification },
  已上报街道: { list: () => FLAGS.escalated },
  待归档: { list: () => FLAGS.toArchive },
  全部在办: { list: () => FLAGS.open },
  我的已办结: { list: (q) => FLAGS.mineFinished(q.staffId) },
  全部办件: { list: () => ALL_LIST },
};

/** How the cases of a list are ordered in its queue. */
export type QueueOrder = 'deadline' | 'rectificationDue' | 'newest';

/** The order of each list (the staff-bound flags by their prefix). */
export function orderOfList(list: string): QueueOrder {
  if (list === FLAGS.rectification) return 'rectificationDue';
  if (list === FLAGS.callback || list === FLAGS.toArchive || list === ALL_LIST) return 'newest';
  if (list.startsWith(FLAGS.mineFinished(''))) return 'newest';
  return 'deadline';
}

/** Sorts after every real date: cases without one come last in date order. */
export const NO_DATE = '9999-12-31';

function sortKeyOf(list: string, c: CaseRecord): string {
  const order = orderOfList(list);
  if (order === 'newest') return c.acceptedDay;
  if (order === 'rectificationDue') return c.rectification?.dueDay ?? NO_DATE;
  return c.deadline ?? NO_DATE;
}

/** The start of a list's unfiltered keys, e.g. `整改||` (then `<sort>|<tracking number>`). */
export const unfilteredPrefix = (list: string): string => `${list}||`;

const filterPart = (dim: FilterDimension, value: string) => `${FILTER_LABEL[dim]}=${value}`;

/**
 * Every ordering key of a case: for each list it is in (its flags, 到期 while its clock runs,
 * 全部), the unfiltered key and one per filter dimension it has a value for.
 */
export function queueKeysOf(c: CaseRecord, flags: readonly string[], dueDay: string | undefined): string[] {
  const lists = [...flags, ...(dueDay ? [DUE_LIST] : []), ALL_LIST];
  const filters = ['', ...FILTER_DIMENSIONS.flatMap((dim) => (c[dim] ? [filterPart(dim, c[dim])] : []))];
  return lists.flatMap((list) => {
    const sort = list === DUE_LIST ? (dueDay ?? NO_DATE) : sortKeyOf(list, c);
    const tail = `${sort}|${c.trackingNumber}`;
    return filters.map((f) => `${list}|${f}|${tail}`);
  });
}

/** One key range of `queueKeys`; `reverse` for newest-first lists; `rest`: filters left to check on the rows. */
export type QueueRange = { lower: string; upper: string; upperOpen: boolean; reverse: boolean; rest: CaseFilter };

/** The key range of a queue page, for the day and staff of `q`, narrowed by `filter`. */
export function queueRange(queue: QueueName, q: QueueContext, filter: CaseFilter = {}): QueueRange {
  const index = QUEUE_INDEX[queue];
  const list = index.list(q);
  const keyed = FILTER_DIMENSIONS.find((dim) => filter[dim]);
  const rest: CaseFilter = {};
  for (const dim of FILTER_DIMENSIONS) if (dim !== keyed && filter[dim]) rest[dim] = filter[dim];
  const prefix = `${list}|${keyed ? filterPart(keyed, filter[keyed] ?? '') : ''}|`;
  const reverse = orderOfList(list) === 'newest';
  switch (index.span) {
    case 'today':
      return { lower: `${prefix}${q.today}|`, upper: `${prefix}${q.today}|\uffff`, upperOpen: false, reverse, rest };
    case 'soon':
      return {
        lower: `${prefix}${q.today}|`,
        upper: `${prefix}${q.soonUntil}|\uffff`,
        upperOpen: false,
        reverse,
        rest,
      };
    case 'overdue':
      return { lower: prefix, upper: `${prefix}${q.today}|`, upperOpen: true, reverse, rest };
    default:
      return { lower: prefix, upper: `${prefix}\uffff`, upperOpen: false, reverse, rest };
  }
}

/** Whether a case passes the filters the range could not narrow by. */
export function matchesRest(c: CaseRecord, rest: CaseFilter): boolean {
  return FILTER_DIMENSIONS.every((dim) => !rest[dim] || c[dim] === rest[dim]);
}
