/**
 * 超期未走访 (issue 26 item 2): the 重点服务对象 of one 网格 not visited for more than N days (the
 * 站长's setting), a page at a time from the kept last 走访 (`careLastVisits`,
 * shared/domain/homeVisits/unvisited.ts, moved by db/careVisits/middleware.ts).
 *
 * Invariants:
 * - A page reads, in ONE read transaction: ONE range of the kept rows by their `key` (one per
 *   resident on the register, keyed for the center's register tags as stored), from the last
 *   position shown up to the window's first day, the page + 1 rows (one getAll of small rows),
 *   then the residents shown. Every row read is a row of the list: the page costs the rows it
 *   shows, whatever the years, the register tags or the zone hold.
 * - Order: longest unvisited first — never visited, then the oldest last visit, ties by resident
 *   id; so no row is shown twice and none is skipped across pages. No total is counted (it would
 *   read the whole zone).
 * - 已迁出 / 已故 residents and tombstones have no kept row, a resident with no register tag no
 *   key: never listed.
 */
import {
  positionOf,
  unvisitedRange,
  unvisitedRowOf,
  unvisitedSince,
  type UnvisitedRow,
} from '@shared/domain/homeVisits';
import { LIST_PAGE_SIZE, type ListPage } from '@shared/domain/listPaging';
import type { Resident } from '@shared/domain/records';
import type { Desk } from '../desk';
import { readTx } from '../readTx';
import { unvisitedDaysOf } from './homeVisits';

export type UnvisitedCareRow = UnvisitedRow & { resident: Resident };

/**
 * `after`: the page before's `next` (the position `<last day>␟<resident id>` of its last row).
 * The zone '' is the residents without a 网格.
 */
export type UnvisitedPageOptions = { after?: string; size?: number };

/**
 * One page of 网格 `gridId`'s 重点服务对象 not visited for more than N days, longest unvisited
 * first, from the position `after` (the page before's `next`), `size` rows (50).
 */
export function unvisitedCarePage(
  desk: Desk,
  gridId: string,
  { after, size = LIST_PAGE_SIZE }: UnvisitedPageOptions = {},
): Promise<ListPage<UnvisitedCareRow, string>> {
  const today = desk.clock.today();
  const r = unvisitedRange(gridId, unvisitedSince(today, unvisitedDaysOf(desk)), after);
  return readTx(desk.db, ['careLastVisits', 'residents'], async () => {
    // The rows themselves (ONE getAll of the index range), not its keys (a cursor, a step a key).
    const kept = await desk.db.careLastVisits
      .where('key')
      .between(r.lower, r.upper, r.includeLower, false)
      .limit(size + 1)
      .toArray();
    const shown = kept.slice(0, size);
    const residents = await desk.db.residents.bulkGet(shown.map((row) => row.residentId));
    const rows = shown.map((row, i) => ({ ...unvisitedRowOf(row, today), resident: residents[i]! }));
    const last = shown.at(-1);
    return kept.length > size && last ? { rows, hasMore: true, next: positionOf(last) } : { rows, hasMore: false };
  });
}
