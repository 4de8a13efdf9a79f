/**
 * The 超期未走访 list (issue 26 item 2) read a page at a time, per 网格, from an index: clock-free
 * (today is an input), no storage.
 *
 * A resident on file (not 已迁出 / 已故, not a tombstone) carries one derived `careKeys` entry per
 * tag: `<网格>\u001f<tag>\u001f<resident id>` (no 网格: ''). A zone's 重点服务对象 are then, for each
 * register tag (a setting), ONE key range in resident-id order; the ranges are merged by id (a
 * resident with two register tags once) and each candidate's last 走访 is one `[residentId+day]`
 * read. A page is the zone's residents not visited for more than N days, in id order, read on
 * from the last id shown: page 20 costs what page 1 does, whatever the years and the register hold.
 */
import { toDayNumber } from '../localDate';
import type { Resident } from '../records';
import { isInactiveResident } from '../residentStatus';

const SEP = '\u001f';
const TOP = '\uffff';

/** The derived `careKeys` of a resident: one per tag, none for a tombstone or an 已迁出 / 已故 resident. */
export function careKeysOf(r: Pick<Resident, 'id' | 'gridId' | 'tags' | 'status' | 'deleted'>): string[] {
  if (r.deleted || isInactiveResident(r)) return [];
  return [...new Set(r.tags)].map((tag) => [r.gridId ?? '', tag, r.id].join(SEP));
}

/** The key range of a zone's residents with `tag` whose id is after `after` (all of them without). */
export function careKeyRange(
  gridId: string,
  tag: string,
  after?: string,
): { lower: string; upper: string; includeLower: boolean } {
  const prefix = [gridId, tag, ''].join(SEP);
  return after === undefined
    ? { lower: prefix, upper: prefix + TOP, includeLower: true }
    : { lower: prefix + after, upper: prefix + TOP, includeLower: false };
}

/** The resident id a `careKeys` entry names. */
export const residentIdOfCareKey = (key: string): string => key.slice(key.lastIndexOf(SEP) + 1);

/**
 * The candidates of one read: each register tag's ids (ascending, at most `batch` each) merged
 * and de-duplicated, up to the horizon the reads vouch for — the smallest last id of a tag's read
 * that filled its batch (past it that tag may have ids not read yet). `done`: no tag has more.
 */
export function mergeCandidates(
  lists: readonly (readonly string[])[],
  batch: number,
): { ids: string[]; done: boolean } {
  const full = lists.filter((l) => l.length >= batch).map((l) => l[l.length - 1]!);
  const horizon = full.length > 0 ? full.reduce((a, b) => (b < a ? b : a)) : undefined;
  const ids = [...new Set(lists.flat())].filter((id) => horizon === undefined || id <= horizon).sort();
  return { ids, done: horizon === undefined };
}

/** A row of the list: the resident, their last 走访 day and the days since (both absent: never visited). */
export type UnvisitedRow = {
  residentId: string;
  /** The last visit day (undefined: never visited in the log). */
  lastDay?: string;
  /** Days since the last visit (undefined: never). */
  daysSince?: number;
};

/**
 * Whether a candidate is listed, from their entries: `window` their entries from the window's first
 * day on (`unvisitedSince`), `replaced` the ids among them another entry corrects, `before` their
 * last entry's day before the window. Listed: no current entry in the window.
 */
export function unvisitedRowOf(
  residentId: string,
  window: readonly { id: string }[],
  replaced: ReadonlySet<string>,
  before: string | undefined,
  today: string,
): UnvisitedRow | null {
  if (window.some((e) => !replaced.has(e.id))) return null;
  return before === undefined
    ? { residentId }
    : { residentId, lastDay: before, daysSince: toDayNumber(today) - toDayNumber(before) };
}
