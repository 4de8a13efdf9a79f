/**
 * Long lists read a page at a time (issue 28 item 3): the 操作日志, the 问题库, the 帮代办 queues
 * and 材料在外. A page is ONE index range read from a cursor (the last key shown), never a table
 * loaded and sorted; the total beside it counts index keys and stops one past QUEUE_COUNT_CAP
 * (shown 「1000+」), so neither grows with the years.
 */
import { countLabel } from './caseQueues';

export const LIST_PAGE_SIZE = 50;

/** A page of a list: its rows, whether more follow, and the cursor the next page starts after. */
export type ListPage<Row, Cursor> = { rows: Row[]; hasMore: boolean; next?: Cursor };

/** The page's rows and whether a row past `limit` was read (a page reads one more than it shows). */
export function pageOf<Row, Cursor>(read: Row[], limit: number, cursorOf: (row: Row) => Cursor): ListPage<Row, Cursor> {
  const rows = read.slice(0, limit);
  const last = rows.at(-1);
  const hasMore = read.length > limit;
  return hasMore && last !== undefined ? { rows, hasMore, next: cursorOf(last) } : { rows, hasMore };
}

/**
 * What a pager announces: 「第 1–50 条，共 N 条」 (N shown 「1000+」 past the cap); a list that counts
 * no total (null: counting would read it whole) 「第 1–50 条」.
 */
export function rangeLabel(first: number, shown: number, total: number | null): string {
  if (total === null) return shown === 0 ? '没有更多' : `第 ${first}–${first + shown - 1} 条`;
  if (shown === 0) return `共 ${countLabel(total)} 条`;
  return `第 ${first}–${first + shown - 1} 条，共 ${countLabel(total)} 条`;
}
