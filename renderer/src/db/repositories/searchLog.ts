/**
 * The audit rows of searches by ID number or phone (居民查找, 办件检索): one row when a query is
 * submitted (Enter) or a result is picked, never per keystroke; the stored detail holds the
 * query masked to its last 4 characters (shared/domain/searchAudit.ts), never the number.
 * Other queries (names, pinyin, tracking numbers) are not logged.
 */
import { isNumberQuery, maskSearchQuery } from '@shared/domain/searchAudit';
import type { Desk } from '../desk';
import { writeTx } from '../write';

export type SearchEvent = {
  query: string;
  /** The resident (居民查找) or case (办件检索) picked from the results; absent on a submit. */
  pickedId?: string;
};

async function record(desk: Desk, search: 'resident' | 'case', e: SearchEvent): Promise<boolean> {
  if (!isNumberQuery(e.query)) return false;
  const masked = maskSearchQuery(e.query);
  await writeTx(desk, [], async (tx) => {
    await tx.audit({
      action: search === 'resident' ? 'resident.search' : 'case.search',
      entity: search,
      ...(e.pickedId ? { entityId: e.pickedId } : {}),
      detail: e.pickedId ? `查询：${masked}；选中结果` : `查询：${masked}`,
    });
  });
  return true;
}

/** Logs a resident search by number (submitted or picked); answers whether it was logged. */
export function recordResidentSearch(desk: Desk, e: SearchEvent): Promise<boolean> {
  return record(desk, 'resident', e);
}

/** Logs a 办件检索 by number (submitted or picked); answers whether it was logged. */
export function recordCaseSearch(desk: Desk, e: SearchEvent): Promise<boolean> {
  return record(desk, 'case', e);
}
