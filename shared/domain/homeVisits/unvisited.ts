/**
 * The 超期未走访 list (issue 26 item 2) read a page at a time, per 网格, from an index: clock-free
 * (today is an input), no storage.
 *
 * A resident on file (not 已迁出 / 已故, not a tombstone) carries one derived `careKeys` entry per
 * tag: `<网格>\u001f<tag>\u001f<resident id>` (no 网格: ''). Each such resident also has ONE kept row
 * (`CareVisitRow`, the desk-local table `careLastVisits`, moved by a middleware with every write of
 * residents, 走访 entries and the center's register tags) with the last day of a CURRENT 走访
 * entry (one no other entry corrects). A resident holding one of the center's register tags or
 * more — the register — has ONE `key` `<网格>\u001f<last day>\u001f<resident id>` ('' when never
 * visited), whatever the number of their register tags. A zone's 重点服务对象 not visited since a
 * day are then ONE key range in longest-unvisited-first order (never visited first, then the
 * oldest last visit, ties by id), up to that day: a page reads the rows it shows (and one more),
 * from the last position shown, so page 20 costs what page 1 does.
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
 * A 重点服务对象's kept last 走访 (table `careLastVisits`, desk-local, derived), one per resident
 * carrying `careKeys` (on file, with any tag): `lastDay` the day of their latest current entry
 * (absent: never visited), `zone` their 网格 ('' for none), `tags` their tags (sorted) — what a
 * change of the register tags re-keys the row from, with nothing else read — and `key`
 * `<网格>\u001f<last day or ''>\u001f<resident id>`, present only when one of their tags is a
 * register tag (on the register: listed; absent, the row is in no index range).
 */
export type CareVisitRow = { residentId: string; lastDay?: string; zone: string; tags: string[]; key?: string };

/** The key of a resident on the register: their zone, then their position in the list. */
const unvisitedKeyOf = (zone: string, lastDay: string | undefined, residentId: string): string =>
  [zone, lastDay ?? '', residentId].join(SEP);

/**
 * The kept row of a resident with `careKeys` (careKeysOf: as derived, or read from the index)
 * whose last current 走访 is `lastDay`, keyed for the register `registerTags`; undefined when
 * they carry none.
 */
export function careVisitRowOf(
  careKeys: readonly string[],
  lastDay: string | undefined,
  registerTags: ReadonlySet<string>,
): CareVisitRow | undefined {
  const first = careKeys[0];
  if (first === undefined) return undefined;
  const residentId = residentIdOfCareKey(first);
  const zone = first.slice(0, first.indexOf(SEP));
  const tags = careKeys.map((k) => k.slice(k.indexOf(SEP) + 1, k.lastIndexOf(SEP))).sort();
  return keyedRow({ residentId, ...(lastDay === undefined ? {} : { lastDay }), zone, tags }, registerTags);
}

/** `row` with its `key` as the register `registerTags` wants it (the day, zone and tags as they are). */
export function keyedRow(row: CareVisitRow, registerTags: ReadonlySet<string>): CareVisitRow {
  const { key: _was, ...rest } = row;
  return row.tags.some((t) => registerTags.has(t))
    ? { ...rest, key: unvisitedKeyOf(row.zone, row.lastDay, row.residentId) }
    : rest;
}

/** `row` with its last 走访 day moved to `lastDay` (undefined: never visited), keyed as it was. */
export function withLastDay(row: CareVisitRow, lastDay: string | undefined): CareVisitRow {
  const { lastDay: _was, key, ...rest } = row;
  const moved: CareVisitRow = lastDay === undefined ? rest : { ...rest, lastDay };
  return key === undefined ? moved : { ...moved, key: unvisitedKeyOf(row.zone, lastDay, row.residentId) };
}

/** The resident id a `careKeys` entry names. */
export const residentIdOfCareKey = (key: string): string => key.slice(key.lastIndexOf(SEP) + 1);

/** Whether a kept row says what `want` says (undefined: no row). */
export const sameCareVisitRow = (kept: CareVisitRow | undefined, want: CareVisitRow | undefined): boolean =>
  kept === undefined || want === undefined
    ? kept === want
    : kept.lastDay === want.lastDay &&
      kept.key === want.key &&
      kept.zone === want.zone &&
      kept.tags.join(SEP) === want.tags.join(SEP);

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
 * The `key` range of a zone's residents on the register whose last current 走访 is before
 * `since` (or never), from the position `after` on (the page before's last; all of them without).
 */
export function unvisitedRange(
  gridId: string,
  since: string,
  after?: string,
): { lower: string; upper: string; includeLower: boolean } {
  const prefix = gridId + SEP;
  return { lower: prefix + (after ?? ''), upper: prefix + since, includeLower: after === undefined };
}

/** A row of the list: the resident, their last 走访 day and the days since (both absent: never visited). */
export type UnvisitedRow = {
  residentId: string;
  /** The last visit day (undefined: never visited in the log). */
  lastDay?: string;
  /** Days since the last visit (undefined: never). */
  daysSince?: number;
};

/** A kept row's position in the list, `<last day>\u001f<resident id>` (the page's cursor `next`). */
export const positionOf = (row: Pick<CareVisitRow, 'residentId' | 'lastDay'>): string =>
  [row.lastDay ?? '', row.residentId].join(SEP);

/** The list's row of a kept row, with the days from its last visit to `today`. */
export function unvisitedRowOf(row: Pick<CareVisitRow, 'residentId' | 'lastDay'>, today: string): UnvisitedRow {
  const { residentId, lastDay } = row;
  return lastDay === undefined
    ? { residentId }
    : { residentId, lastDay, daysSince: toDayNumber(today) - toDayNumber(lastDay) };
}
