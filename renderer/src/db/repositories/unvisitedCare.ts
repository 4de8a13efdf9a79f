/**
 * 超期未走访 (issue 26 item 2): the 重点服务对象 of one 网格 not visited for more than N days (the
 * 站长's setting), a page at a time from the kept last 走访 (`careLastVisits`,
 * shared/domain/homeVisits/unvisited.ts, moved by db/careVisits/middleware.ts).
 *
 * Invariants:
 * - A page reads, in ONE read transaction: per register tag ONE range of the kept rows by their
 *   `keys` (one getAll of at most the page + 1 small rows), from the last position shown up to
 *   the window's first day, then the residents shown. Every key read is a row of the list: the page costs the
 *   rows it shows, whatever the years, the register or the zone hold.
 * - Order: longest unvisited first — never visited, then the oldest last visit, ties by resident
 *   id; so no row is shown twice and none is skipped across pages. No total is counted (it would
 *   read the whole zone).
 * - 已迁出 / 已故 residents and tombstones have no kept row: never listed.
 */
import {
  mergePositions,
  positionOfCareVisitKey,
  unvisitedRange,
  unvisitedRowAt,
  unvisitedSince,
  type UnvisitedRow,
} from '@shared/domain/homeVisits';
import { LIST_PAGE_SIZE, type ListPage } from '@shared/domain/listPaging';
import { proxySettings } from '@shared/domain/proxy';
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
  const tags = proxySettings(desk.community).registerTags;
  const today = desk.clock.today();
  const since = unvisitedSince(today, unvisitedDaysOf(desk));
  const batch = size + 1;
  return readTx(desk.db, ['careLastVisits', 'residents'], async () => {
    const lists = await Promise.all(
      tags.map(async (tag) => {
        const r = unvisitedRange(gridId, tag, since, after);
        // The rows themselves (ONE getAll of the index range), not its keys (a cursor, a step a key).
        const rows = await desk.db.careLastVisits
          .where('keys')
          .between(r.lower, r.upper, r.includeLower, false)
          .limit(batch)
          .toArray();
        // Every key of a row has the row's position: its last day and id.
        return rows.map((row) => positionOfCareVisitKey(row.keys[0]!));
      }),
    );
    // A tag whose read filled its batch holds size + 1 positions up to the horizon: one read is enough.
    const { positions } = mergePositions(lists, batch);
    const shown = positions.slice(0, size);
    const rows = shown.map((p) => unvisitedRowAt(p, today));
    const residents = await desk.db.residents.bulkGet(rows.map((r) => r.residentId));
    const page = rows.map((row, i) => ({ ...row, resident: residents[i]! }));
    const last = shown.at(-1);
    return positions.length > size && last ? { rows: page, hasMore: true, next: last } : { rows: page, hasMore: false };
  });
}
