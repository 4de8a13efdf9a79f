/**
 * 超期未走访 (issue 26 item 2): the 重点服务对象 of one 网格 not visited for more than N days (the
 * 站长's setting), a page at a time from the kept last 走访 (`careLastVisits`,
 * shared/domain/homeVisits/unvisited.ts, moved by db/careVisits/middleware.ts).
 *
 * Invariants:
 * - A page reads, in ONE read transaction: per register tag a range of the kept rows by their
 *   `keys`, from the last position shown up to the window's first day — first an equal share of
 *   the page + 1 (`firstTagRead`, one getAll of small rows each), then, while the merge lacks rows,
 *   the next rows of only the tag(s) whose last position holds it back (`mergeTagReads`) — then
 *   the residents shown. Every key read is a row of the list and about as many are read as shown
 *   (not a full page per tag): the page costs the rows it shows, whatever the years, the register
 *   tags or the zone hold.
 * - Order: longest unvisited first — never visited, then the oldest last visit, ties by resident
 *   id; so no row is shown twice and none is skipped across pages. No total is counted (it would
 *   read the whole zone).
 * - 已迁出 / 已故 residents and tombstones have no kept row: never listed.
 */
import {
  firstTagRead,
  mergeTagReads,
  positionOfCareVisitKey,
  unvisitedRange,
  unvisitedRowAt,
  unvisitedSince,
  type TagPositions,
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
  const chunk = firstTagRead(batch, tags.length);
  return readTx(desk.db, ['careLastVisits', 'residents'], async () => {
    // One tag's range from `from` (exclusive; the page's `after` for the first read), `count` rows.
    const readTag = async (tag: string, from: string | undefined, count: number): Promise<TagPositions> => {
      const r = unvisitedRange(gridId, tag, since, from);
      // The rows themselves (ONE getAll of the index range), not its keys (a cursor, a step a key).
      const rows = await desk.db.careLastVisits
        .where('keys')
        .between(r.lower, r.upper, r.includeLower, false)
        .limit(count)
        .toArray();
      // Every key of a row has the row's position: its last day and id.
      return { positions: rows.map((row) => positionOfCareVisitKey(row.keys[0]!)), more: rows.length >= count };
    };
    const reads = await Promise.all(tags.map((tag) => readTag(tag, after, chunk)));
    let step = mergeTagReads(reads, batch, chunk);
    while (!step.done) {
      // Only the tags holding the page back are read on, from their last position.
      const more = await Promise.all(
        step.refill.map(({ tag, count }) => readTag(tags[tag]!, reads[tag]!.positions.at(-1), count)),
      );
      step.refill.forEach(({ tag }, i) => {
        reads[tag] = { positions: [...reads[tag]!.positions, ...more[i]!.positions], more: more[i]!.more };
      });
      step = mergeTagReads(reads, batch, chunk);
    }
    const { positions } = step;
    const shown = positions.slice(0, size);
    const rows = shown.map((p) => unvisitedRowAt(p, today));
    const residents = await desk.db.residents.bulkGet(rows.map((r) => r.residentId));
    const page = rows.map((row, i) => ({ ...row, resident: residents[i]! }));
    const last = shown.at(-1);
    return positions.length > size && last ? { rows: page, hasMore: true, next: last } : { rows: page, hasMore: false };
  });
}
