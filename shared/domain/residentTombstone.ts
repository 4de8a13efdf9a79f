/**
 * Resident tombstones (DB v11): a deleted, import-undone or merged-away resident keeps its row
 * with a `deleted` field instead of vanishing. Why a field on the row and not a table of its own:
 * the next issue replicates records one document per record; a deletion must reach the other
 * desks as an ordinary new revision of the same document (a later edit there then meets the
 * tombstone and conflicts visibly, instead of resurrecting the resident), and an id that later
 * arrives (a visit from another desk) finds the tombstone and, for a merge, its pointer.
 *
 * The tombstone row holds no personal data: its name is empty, it has no ID number, phone, tags
 * or search keys, so no index but `id`, `updatedAt` and `deleted.at` ever meets it. The merge's
 * same-day undo snapshot (both records as they were) lives apart, desk-local (`mergeUndos`, DB v15).
 */
import type { Resident, ResidentTombstone } from './records';
import type { Stamp } from './records';

/** Whether a stored resident row is a tombstone (deleted, import undone, or merged away). */
export function isTombstone(r: Pick<Resident, 'deleted'> | undefined): boolean {
  return r?.deleted !== undefined;
}

/** The resident, or undefined when there is none or only its tombstone. */
export function liveOrNone<R extends Pick<Resident, 'deleted'>>(r: R | undefined): R | undefined {
  return r && !isTombstone(r) ? r : undefined;
}

/** The row that replaces a resident: its id and the tombstone, nothing else about the person. */
export function tombstoneRow(id: string, tombstone: ResidentTombstone): Omit<Resident, keyof Stamp> {
  return { id, name: '', tags: [], searchKeys: [], deleted: tombstone };
}

/** The reasons a tombstone names (the admin's own words follow 删除：, masked). */
export const TOMBSTONE_REASONS = { importUndo: '撤销导入', merge: '合并居民档案' } as const;

/** At most this many merge pointers are followed (a loop or a long chain is a data error). */
export const MAX_MERGE_HOPS = 8;

/**
 * One step from a stored row towards the live resident holding its records: the row itself when
 * live, the id it was merged into, or null (deleted, unknown).
 */
export function mergeStep(row: Resident | undefined): { live: Resident } | { next: string } | null {
  if (!row) return null;
  if (!row.deleted) return { live: row };
  return row.deleted.mergedInto ? { next: row.deleted.mergedInto } : null;
}

/**
 * Follows `mergedInto` pointers from `id` to the live resident that now holds the record:
 * the resident itself when live, the kept one of a merge (through any chain of merges, at most
 * MAX_MERGE_HOPS), or undefined for a deleted or unknown id (shown as 已删除居民).
 */
export function followMerges(id: string, rowOf: (id: string) => Resident | undefined): Resident | undefined {
  let step = mergeStep(rowOf(id));
  for (let hops = 0; step && 'next' in step && hops < MAX_MERGE_HOPS; hops++) step = mergeStep(rowOf(step.next));
  return step && 'live' in step ? step.live : undefined;
}
