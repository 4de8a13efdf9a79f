/**
 * Finding residents (居民检索) and the register's newest list: read by the `searchKeys`
 * multi-entry index and `updatedAt`, never the whole table; a list view (人员标签 by
 * `resident.tagsInLists`, residentTagsVisibility.ts). Tombstones have no search keys, so the
 * search never meets them; the recent list skips them.
 */
import type { Resident } from '@shared/domain/records';
import { INACTIVE_KEY_PREFIX, isInactiveResident } from '@shared/domain/residentStatus';
import { isTombstone } from '@shared/domain/residentTombstone';
import { normalizeQuery } from '@shared/domain/searchQuery';
import { residentsForList, type ListViewer } from '@shared/domain/residentTagsVisibility';
import type { DeskBase } from '../desk';
import type { ReadableDB } from '../entities';

/**
 * Who reads a list, for its 人员标签 (`resident.tagsInLists`): the acting staff row as stored
 * now — a role change or a deactivation in another window counts — or, without one, the
 * session's actor; nobody before sign-in.
 */
async function listViewer(desk: DeskBase): Promise<ListViewer> {
  if (!desk.actor) return null;
  return (await desk.db.staff.get(desk.actor.id)) ?? desk.actor;
}

/**
 * The most recently created or changed residents, newest first (the register of residents).
 * Without `resident.tagsInLists` each comes with `tags: []` (residentTagsVisibility.ts).
 */
export async function listRecentResidents(desk: DeskBase, limit = 20): Promise<Resident[]> {
  if (limit <= 0) return [];
  const [viewer, recent] = await Promise.all([
    listViewer(desk),
    desk.db.residents
      .orderBy('updatedAt')
      .reverse()
      .filter((r) => !isTombstone(r))
      .limit(limit)
      .toArray(),
  ]);
  return residentsForList(viewer, recent);
}

const byName = new Intl.Collator('zh-Hans-CN');

/** 0: some key equals the query; 1: a name key (Chinese name, pinyin) starts with it; 2: others. */
function rankOf(r: Resident, q: string): number {
  const keys = isInactiveResident(r) ? r.searchKeys.map((k) => k.slice(INACTIVE_KEY_PREFIX.length)) : r.searchKeys;
  if (keys.includes(q)) return 0;
  // Phone keys are digits, ID keys digits with an optional upper-case X; name keys are not.
  if (keys.some((k) => k.startsWith(q) && /[^0-9X]/.test(k))) return 1;
  return 2;
}

/** 包括已迁出、已故: also the residents marked 已迁出 / 已故 (left out by default). */
export type ResidentSearchOptions = { includeInactive?: boolean };

/**
 * Finds residents by any search key prefix (Chinese name, full pinyin, initials, phone,
 * phone last 4, ID number, ID last 4–6). Reads the multiEntry index only until `limit`
 * distinct residents are found (a batch of index keys at a time, never the whole match set),
 * then ranks: exact key match, then name match, then others; ties by name (pinyin order), id.
 * Because reading stops early, which residents are returned for a very broad query (e.g. '1')
 * follows the index order; ranking then orders that page.
 *
 * 已迁出 / 已故 residents' keys carry INACTIVE_KEY_PREFIX (db/derived.ts): the default search
 * is the same one range as always and never meets them; `includeInactive` reads the prefixed
 * range too (a second range of the same index, also stopped at `limit`), and at the same rank
 * a 在册 resident comes first.
 *
 * A list view: without `resident.tagsInLists` the residents come with `tags: []`
 * (residentTagsVisibility.ts); the resident's own read (`getResident`) keeps them.
 */
export async function searchResidents(
  desk: DeskBase,
  query: string,
  limit = 20,
  options: ResidentSearchOptions = {},
): Promise<Resident[]> {
  const q = normalizeQuery(query).replace(PREFIX_RUN, '');
  if (q === '' || limit <= 0) return [];
  const [viewer, found] = await Promise.all([listViewer(desk), firstDistinct(desk.db, q, limit)]);
  if (options.includeInactive) found.push(...(await firstDistinct(desk.db, INACTIVE_KEY_PREFIX + q, limit)));
  const ranked = found.map((r) => ({ r, rank: rankOf(r, q), inactive: isInactiveResident(r) ? 1 : 0 }));
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.inactive - b.inactive ||
      byName.compare(a.r.name, b.r.name) ||
      (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0),
  );
  const page = ranked.slice(0, limit).map((x) => x.r);
  return residentsForList(viewer, page);
}

const PREFIX_RUN = new RegExp(`^\\${INACTIVE_KEY_PREFIX}+`);

/**
 * The first `limit` distinct residents in index order with a key starting with `q`, in one
 * read of `limit` rows as a rule. One resident can match through several keys (polyphonic
 * readings, phone and ID tails), so when that read held repeats and there may be more, the
 * next rows are read (twice as many each time) until enough distinct ones are found.
 */
async function firstDistinct(db: ReadableDB, q: string, limit: number): Promise<Resident[]> {
  const found = new Map<string, Resident>();
  let offset = 0;
  // Letters (pinyin, initials) match one resident through several readings: read more at once.
  for (let batch = /[a-z]/.test(q) ? limit * 2 : limit; ; batch *= 2) {
    const rows = await db.residents.where('searchKeys').startsWith(q).offset(offset).limit(batch).toArray();
    for (const r of rows) if (found.size < limit) found.set(r.id, r);
    if (found.size >= limit || rows.length < batch) return [...found.values()];
    offset += batch;
  }
}
