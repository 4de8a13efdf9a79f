/**
 * 超期未走访 (issue 26 item 2): the 重点服务对象 of one 网格 not visited for more than N days (the
 * 站长's setting), a page at a time from an index (shared/domain/homeVisits/unvisited.ts).
 *
 * Invariants:
 * - A page reads, in ONE read transaction: per register tag one range of the residents'
 *   `careKeys` from the last id shown (a few dozen keys), each candidate's last 走访 by
 *   `[residentId+day]`, and only for one seen in the window its window entries and the entries
 *   correcting them (`corrects`) — never the register, the zone or the log whole. Its cost does
 *   not grow with the years or the desk.
 * - Order: resident id within the zone (the index's), so no row is shown twice and none is
 *   skipped across pages. No total is counted (it would read the whole zone).
 * - 已迁出 / 已故 residents and tombstones carry no `careKeys`: never listed.
 */
import {
  careKeyRange,
  mergeCandidates,
  residentIdOfCareKey,
  unvisitedRowOf,
  unvisitedSince,
  type UnvisitedRow,
} from '@shared/domain/homeVisits';
import { LIST_PAGE_SIZE, type ListPage } from '@shared/domain/listPaging';
import { proxySettings } from '@shared/domain/proxy';
import type { Resident } from '@shared/domain/records';
import type { Desk, DeskBase } from '../desk';
import { readTx } from '../readTx';
import { unvisitedDaysOf } from './homeVisits';

export type UnvisitedCareRow = UnvisitedRow & { resident: Resident };

/** The zone '' is the residents without a 网格. */
export type UnvisitedPageOptions = { after?: string; size?: number };

/** A candidate's row, or null when a current entry of the window shows them visited. */
async function rowOf(desk: DeskBase, residentId: string, since: string, today: string): Promise<UnvisitedRow | null> {
  const visits = desk.db.homeVisits.where('[residentId+day]');
  const last = await visits.between([residentId, ''], [residentId, '\uffff']).last();
  if (!last || last.day < since) return unvisitedRowOf(residentId, [], new Set(), last?.day, today);
  // Seen in the window: visited unless every such entry was corrected away.
  const window = await visits.between([residentId, since], [residentId, '\uffff'], true, true).toArray();
  const corrections = await desk.db.homeVisits
    .where('corrects')
    .anyOf(window.map((e) => e.id))
    .toArray();
  const replaced = new Set(corrections.flatMap((c) => (c.corrects ? [c.corrects] : [])));
  if (window.some((e) => !replaced.has(e.id))) return null;
  const before = await visits.between([residentId, ''], [residentId, since], true, false).last();
  return unvisitedRowOf(residentId, window, replaced, before?.day, today);
}

/**
 * One page of 网格 `gridId`'s 重点服务对象 not visited for more than N days, from the resident id
 * `after` (the page before's `next`), `size` rows (50).
 */
export function unvisitedCarePage(
  desk: Desk,
  gridId: string,
  { after, size = LIST_PAGE_SIZE }: UnvisitedPageOptions = {},
): Promise<ListPage<UnvisitedCareRow, string>> {
  const tags = proxySettings(desk.community).registerTags;
  const today = desk.clock.today();
  const since = unvisitedSince(today, unvisitedDaysOf(desk));
  const batch = size + 1;
  return readTx(desk.db, ['residents', 'homeVisits'], async () => {
    const rows: UnvisitedRow[] = [];
    let from = after;
    for (let done = tags.length === 0; !done && rows.length <= size;) {
      const lists = await Promise.all(
        tags.map(async (tag) => {
          const r = careKeyRange(gridId, tag, from);
          const keys = await desk.db.residents
            .where('careKeys')
            .between(r.lower, r.upper, r.includeLower, true)
            .limit(batch)
            .keys();
          return keys.map((k) => residentIdOfCareKey(String(k)));
        }),
      );
      const merged = mergeCandidates(lists, batch);
      done = merged.done;
      // The candidates' reads all under way at once (one transaction), taken in id order.
      const candidates = await Promise.all(merged.ids.map((id) => rowOf(desk, id, since, today)));
      for (const [i, id] of merged.ids.entries()) {
        if (rows.length > size) break;
        const row = candidates[i];
        if (row) rows.push(row);
        from = id;
      }
    }
    const shown = rows.slice(0, size);
    const residents = await desk.db.residents.bulkGet(shown.map((r) => r.residentId));
    const page = shown.map((row, i) => ({ ...row, resident: residents[i]! }));
    const last = shown.at(-1);
    return rows.length > size && last
      ? { rows: page, hasMore: true, next: last.residentId }
      : { rows: page, hasMore: false };
  });
}
