/**
 * Kept counts (issue 28 item 1): the numbers the 工作台 and the queue tabs show, kept as one row
 * per count key in the desk-local `tallies` table and moved in the same transaction as the
 * records (renderer/src/db/tallies/middleware.ts), so reading a count is one `get` — or a sum
 * over a small range of per-day rows — whatever the size of the desk.
 *
 * A record's count keys are computed here from the record alone (with its derived fields, as
 * stored); a tally is the number of stored records carrying its key. Counts that depend on the
 * day (due today, overdue, visits today) are kept per day:
 * - due today = the row of today; 即将超期 = the rows from today to the next working day;
 * - overdue = all running cases (one row) minus the rows from today on. Only open cases whose
 *   clock runs have a due day, and a due day lies at most one time limit after today, so the
 *   rows from today on are bounded by the longest time limit, never by the years (the overdue
 *   days themselves — stalled cases of five years — are never read).
 * A row whose count falls to zero is deleted, so no range carries dead days.
 */
import { ALL_LIST, FLAGS, NO_DATE, QUEUE_INDEX, type QueueContext, type QueueName } from './caseQueues';
import type { CaseRecord, CustodyItem, ProxyTask, Resident, Visit } from './records';

/** The tables whose records are counted, and the first part of their keys (one prefix each). */
export const TALLY_PREFIX = {
  cases: 'c|',
  visits: 'v|',
  residents: 'r|',
  custodyItems: 'd|',
  proxyTasks: 'p|',
} as const;
export type TalliedTable = keyof typeof TALLY_PREFIX;
export const TALLIED_TABLES = Object.keys(TALLY_PREFIX) as TalliedTable[];

/** One kept count: how many stored records carry `key`. */
export type TallyRow = { key: string; n: number };

/** Sorts after every day: the end of a per-day range. */
const LAST = '\uffff';

/** Every count key, one place. */
export const TALLY = {
  /** Cases with a flag (在办, 待回访, 我的:<staff> …: shared/domain/caseQueues FLAGS). */
  caseFlag: (flag: string) => `c|f|${flag}`,
  /** Every case (全部办件). */
  allCases: `c|${ALL_LIST}`,
  /** Open cases whose clock runs (they have a due day). */
  running: 'c|到期',
  /** Running cases due on `day`. */
  dueOn: (day: string) => `c|到期|${day}`,
  /** 整改 cases by their rectification due day (NO_DATE without one). */
  rectificationDueOn: (day: string) => `c|整改|${day}`,
  visitsOn: (day: string) => `v|${day}`,
  /** Residents that are not tombstones (deleted, merged away). */
  residents: 'r|在册',
  /** Documents out of their homes now (材料交接: an item with a holder). */
  documentsOut: 'd|在外',
  /** 帮代办 home visits booked on `day`. */
  homeVisitsOn: (day: string) => `p|上门|${day}`,
  proxyToDeliver: 'p|待送达',
} as const;

/** A per-day range of tallies, both days included: [from, to]. */
export type DayRange = { lower: string; upper: string };
export const dueDays = (from: string, to = LAST): DayRange => ({ lower: TALLY.dueOn(from), upper: TALLY.dueOn(to) });
export const rectificationDays = (from: string, to = LAST): DayRange => ({
  lower: TALLY.rectificationDueOn(from),
  upper: TALLY.rectificationDueOn(to),
});

const caseKeys = (c: CaseRecord): string[] => {
  const flags = c.flags ?? [];
  return [
    TALLY.allCases,
    ...flags.map(TALLY.caseFlag),
    ...(typeof c.dueDay === 'string' ? [TALLY.running, TALLY.dueOn(c.dueDay)] : []),
    ...(flags.includes(FLAGS.rectification) ? [TALLY.rectificationDueOn(c.rectification?.dueDay ?? NO_DATE)] : []),
  ];
};

const isTombstone = (r: Resident): boolean => typeof r.deleted?.at === 'number' && r.deleted.at > 0;

const KEYS_OF: { [T in TalliedTable]: (record: never) => string[] } = {
  cases: caseKeys,
  visits: (v: Visit) => (typeof v.day === 'string' ? [TALLY.visitsOn(v.day)] : []),
  residents: (r: Resident) => (isTombstone(r) ? [] : [TALLY.residents]),
  custodyItems: (i: CustodyItem) => (typeof i.holderKey === 'string' && i.holderKey > '' ? [TALLY.documentsOut] : []),
  proxyTasks: (t: ProxyTask) => [
    ...(typeof t.visitDay === 'string' ? [TALLY.homeVisitsOn(t.visitDay)] : []),
    ...(t.status === '待送达' ? [TALLY.proxyToDeliver] : []),
  ],
};

/** The count keys a stored record carries (each once). */
export function tallyKeysOf(table: TalliedTable, record: unknown): string[] {
  if (!record || typeof record !== 'object') return [];
  return [...new Set((KEYS_OF[table] as (r: unknown) => string[])(record))];
}

export function isTallied(table: string): table is TalliedTable {
  return Object.hasOwn(TALLY_PREFIX, table);
}

/** Adds `sign` × each key of `record` to `delta`. */
export function addTallies(delta: Map<string, number>, table: TalliedTable, record: unknown, sign: 1 | -1): void {
  for (const key of tallyKeysOf(table, record)) delta.set(key, (delta.get(key) ?? 0) + sign);
}

/** The differences between kept tallies and a recount: the keys whose counts differ. */
export function tallyDifferences(kept: readonly TallyRow[], recount: ReadonlyMap<string, number>): string[] {
  const keptMap = new Map(kept.map((r) => [r.key, r.n]));
  const keys = new Set([...keptMap.keys(), ...recount.keys()]);
  return [...keys].filter((k) => (keptMap.get(k) ?? 0) !== (recount.get(k) ?? 0)).sort();
}

/**
 * How a count is read from tallies: the row `key` (if any), plus the sum of `range`, minus the
 * sum of `minus` (overdue: all running cases minus those due from today on).
 */
export type TallyRead = { key?: string; range?: DayRange; minus?: DayRange };

/** The tallies behind a queue's count, for the day and staff of `q` (caseQueues.ts QUEUE_INDEX). */
export function queueTally(queue: QueueName, q: QueueContext): TallyRead {
  const index = QUEUE_INDEX[queue];
  switch (index.span) {
    case 'today':
      return { key: TALLY.dueOn(q.today) };
    case 'soon':
      return { range: dueDays(q.today, q.soonUntil) };
    case 'overdue':
      return { key: TALLY.running, minus: dueDays(q.today) };
    default: {
      const list = index.list(q);
      return { key: list === ALL_LIST ? TALLY.allCases : TALLY.caseFlag(list) };
    }
  }
}
