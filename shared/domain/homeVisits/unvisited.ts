/**
 * The 超期未走访 list (issue 26 item 2) read a page at a time, per 网格, from an index: clock-free
 * (today is an input), no storage.
 *
 * A resident on file (not 已迁出 / 已故, not a tombstone) carries one derived `careKeys` entry per
 * tag: `<网格>\u001f<tag>\u001f<resident id>` (no 网格: ''). Each such resident also has ONE kept row
 * (`CareVisitRow`, the desk-local table `careLastVisits`, moved by a middleware with every write of
 * residents and 走访 entries) whose multiEntry `keys` are, per tag,
 * `<网格>\u001f<tag>\u001f<last day>\u001f<resident id>` — the last day of a CURRENT 走访 entry (one no
 * other entry corrects), '' when never visited. A zone's 重点服务对象 not visited since a day are
 * then, per register tag, ONE key range in longest-unvisited-first order (never visited first,
 * then the oldest last visit, ties by id), up to that day; the ranges are merged by their
 * position `<last day>\u001f<id>` (a resident with two register tags once). A page reads about the
 * rows it shows: each tag's range an equal share first, then only the tags that hold the page back
 * (`mergeTagReads`), from the last position shown: page 20 costs what page 1 does.
 */
import { toDayNumber } from '../localDate';
import type { Resident } from '../records';
import { isInactiveResident } from '../residentStatus';

const SEP = '\u001f';

type CareFields = Pick<Resident, 'id' | 'gridId' | 'tags' | 'status' | 'deleted'>;

/** The tags a resident is listed under: none for a tombstone or an 已迁出 / 已故 resident. */
const careTagsOf = (r: CareFields): string[] => (r.deleted || isInactiveResident(r) ? [] : [...new Set(r.tags)]);

/** The derived `careKeys` of a resident: one per tag, none for a tombstone or an 已迁出 / 已故 resident. */
export function careKeysOf(r: CareFields): string[] {
  return careTagsOf(r).map((tag) => [r.gridId ?? '', tag, r.id].join(SEP));
}

/**
 * A 重点服务对象's kept last 走访 (table `careLastVisits`, desk-local, derived): `lastDay` the day of
 * their latest current entry (absent: never visited), `keys` one per tag
 * (`<网格>\u001f<tag>\u001f<last day or ''>\u001f<resident id>`, sorted).
 */
export type CareVisitRow = { residentId: string; lastDay?: string; keys: string[] };

/**
 * The kept row of a resident with `careKeys` (careKeysOf: as derived, or read from the index)
 * whose last current 走访 is `lastDay`; undefined when they carry none.
 */
export function careVisitRowOf(careKeys: readonly string[], lastDay: string | undefined): CareVisitRow | undefined {
  const first = careKeys[0];
  if (first === undefined) return undefined;
  const residentId = residentIdOfCareKey(first);
  const keys = careKeys
    .map((k) => {
      const idAt = k.lastIndexOf(SEP) + 1;
      return `${k.slice(0, idAt)}${lastDay ?? ''}${SEP}${k.slice(idAt)}`;
    })
    .sort();
  return lastDay === undefined ? { residentId, keys } : { residentId, lastDay, keys };
}

/** The resident id a `careKeys` entry names. */
export const residentIdOfCareKey = (key: string): string => key.slice(key.lastIndexOf(SEP) + 1);

/** Whether a kept row says what `want` says (undefined: no row). */
export const sameCareVisitRow = (kept: CareVisitRow | undefined, want: CareVisitRow | undefined): boolean =>
  kept === undefined || want === undefined
    ? kept === want
    : kept.lastDay === want.lastDay && kept.keys.join(SEP) === want.keys.join(SEP);

/** The residents whose kept row differs from `want` (a recount): missing, wrong or not wanted. */
export function careVisitDifferences(kept: readonly CareVisitRow[], want: ReadonlyMap<string, CareVisitRow>): string[] {
  const keptById = new Map(kept.map((r) => [r.residentId, r]));
  const ids = new Set([...keptById.keys(), ...want.keys()]);
  return [...ids].filter((id) => !sameCareVisitRow(keptById.get(id), want.get(id))).sort();
}

/**
 * The latest day among a resident's current entries: `entries` theirs, `corrected(id)` whether
 * another entry (of anyone) corrects that one. Undefined: none current (never visited).
 */
export function lastCurrentDay(
  entries: readonly { id: string; day: string }[],
  corrected: (id: string) => boolean,
): string | undefined {
  let last: string | undefined;
  for (const e of entries) if ((last === undefined || e.day > last) && !corrected(e.id)) last = e.day;
  return last;
}

/**
 * The key range of a zone's residents with `tag` whose last current 走访 is before `since` (or
 * never), from the position `after` on (the page before's last; all of them without).
 */
export function unvisitedRange(
  gridId: string,
  tag: string,
  since: string,
  after?: string,
): { lower: string; upper: string; includeLower: boolean } {
  const prefix = [gridId, tag, ''].join(SEP);
  return { lower: prefix + (after ?? ''), upper: prefix + since, includeLower: after === undefined };
}

/** A key's position in the list, `<last day>\u001f<resident id>` (the same for each of the resident's tags). */
export function positionOfCareVisitKey(key: string): string {
  const idAt = key.lastIndexOf(SEP);
  return key.slice(key.lastIndexOf(SEP, idAt - 1) + 1);
}

/** What a register tag's reads gave so far: its positions (ascending) and whether its last read filled (more may follow). */
export type TagPositions = { positions: readonly string[]; more: boolean };

/**
 * The first read of each register tag for a page of `batch` rows (the page + 1): an equal share,
 * +1 — what the tags together hold when they hold the page evenly. A tag holding more is read again.
 */
export const firstTagRead = (batch: number, tags: number): number => Math.ceil(batch / Math.max(1, tags)) + 1;

/**
 * The next step of a page's reads, from what each register tag's reads gave so far:
 * - `done`: the positions of every tag merged and de-duplicated (a resident with two register
 *   tags once), up to the horizon the reads vouch for — the smallest last position of a tag that
 *   may hold more (past it that tag may have positions not read yet). At least `batch` of them,
 *   or all there are (no tag holds more).
 * - otherwise `refill`: the tags whose last position is that horizon (they hold the page back) are
 *   read on from it, `count` rows each (what the page still lacks, at least `chunk`): the other
 *   tags hold nothing more before their own last position, so a page reads about the rows it shows.
 */
export function mergeTagReads(
  reads: readonly TagPositions[],
  batch: number,
  chunk: number,
): { done: true; positions: string[] } | { done: false; refill: { tag: number; count: number }[] } {
  const open = reads.flatMap((r, tag) => {
    const last = r.positions.at(-1);
    return r.more && last !== undefined ? [{ tag, last }] : [];
  });
  const horizon = open.length > 0 ? open.map((o) => o.last).reduce((a, b) => (b < a ? b : a)) : undefined;
  const positions = [...new Set(reads.flatMap((r) => r.positions))]
    .filter((p) => horizon === undefined || p <= horizon)
    .sort();
  if (horizon === undefined || positions.length >= batch) return { done: true, positions };
  const count = Math.max(batch - positions.length, chunk);
  return { done: false, refill: open.filter((o) => o.last === horizon).map(({ tag }) => ({ tag, count })) };
}

/** A row of the list: the resident, their last 走访 day and the days since (both absent: never visited). */
export type UnvisitedRow = {
  residentId: string;
  /** The last visit day (undefined: never visited in the log). */
  lastDay?: string;
  /** Days since the last visit (undefined: never). */
  daysSince?: number;
};

/** The row a position names, with the days from its last visit to `today`. */
export function unvisitedRowAt(position: string, today: string): UnvisitedRow {
  const at = position.indexOf(SEP);
  const lastDay = position.slice(0, at);
  const residentId = position.slice(at + 1);
  return lastDay === ''
    ? { residentId }
    : { residentId, lastDay, daysSince: toDayNumber(today) - toDayNumber(lastDay) };
}
