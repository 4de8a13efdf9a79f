/**
 * 合并居民档案 (站长/管理员, `resident.merge`): two records of one person become one. The admin
 * picks the kept record and, field by field, which value wins (shared/domain/residentMerge.ts);
 * visits, cases, 帮代办 requests, documents in custody, problems and the care profile (a field
 * like the others) move to the kept record; the other becomes a tombstone pointing to it
 * (`deleted.mergedInto`: `resolveResident` follows it for whatever arrives later). ONE
 * transaction with the audit row (ids and counts, field NAMES, never values). The same day, while
 * nothing touched either record or the moved ones since, `undoResidentMerge` puts both back.
 *
 * Where the admin finds them: `duplicateResidentPairs` (the same ID number on two live records,
 * which the form refuses but records from another desk can bring) and `todaysMerges`.
 */
import type { MovedRecords, Resident } from '@shared/domain/records';
import {
  fieldsTaken,
  mergedResident,
  mergeRefusal,
  movedSummary,
  sameIdNumberPairs,
  undoMergeRefusal,
  type MergeChoices,
} from '@shared/domain/residentMerge';
import { isTombstone, TOMBSTONE_REASONS, tombstoneRow } from '@shared/domain/residentTombstone';
import { requirePermission } from '../authorize';
import type { Desk, DeskBase } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx } from '../write';
import { historyScope, moveResidentHistory } from './residentHistory';
import { NOT_FOUND } from './residents';

const MERGE_TABLES = [
  'residents',
  'staff',
  'visits',
  'cases',
  'caseEvents',
  'counters',
  'proxyTasks',
  'proxyEvents',
  'custodyEvents',
  'custodyItems',
  'problems',
] as const;

/** Pairs of live residents with the same ID number (the older record first). */
export async function duplicateResidentPairs(desk: DeskBase): Promise<[Resident, Resident][]> {
  const numbers = (await desk.db.residents.orderBy('idNumber').keys()) as string[];
  const repeated = [...new Set(numbers.filter((n, i) => i > 0 && numbers[i - 1] === n))];
  if (repeated.length === 0) return [];
  return sameIdNumberPairs(await desk.db.residents.where('idNumber').anyOf(repeated).toArray());
}

export type MergeInput = { keptId: string; mergedId: string; choices: MergeChoices };

export type MergeResult = { kept: Resident; moved: MovedRecords };

/**
 * Merges `mergedId` into `keptId` with the admin's choices.
 * @throws DomainRefusal — without `resident.merge`, when either record is gone or a tombstone,
 *         or when both carry different ID numbers; nothing written.
 */
export async function mergeResidents(desk: Desk, input: MergeInput): Promise<MergeResult> {
  return writeTx(desk, MERGE_TABLES, async (tx) => {
    await requirePermission(tx, desk.actor, 'resident.merge', '合并居民档案');
    const [kept, merged] = await tx.residents.bulkGet([input.keptId, input.mergedId]);
    const refused = mergeRefusal(kept, merged);
    if (refused) throw new DomainRefusal(refused);
    const before = { kept: kept!, merged: merged! };
    const next = mergedResident(before.kept, before.merged, input.choices);
    const moved = await moveResidentHistory(desk, tx, before.merged.id, before.kept.id);
    const tombstone = {
      at: tx.now,
      day: tx.today,
      by: desk.actor.id,
      reason: TOMBSTONE_REASONS.merge,
      mergedInto: before.kept.id,
      undo: { ...before, moved },
    };
    // The merged record first (its ID number leaves the index), then the kept one with the values chosen.
    await tx.residents.put(tombstoneRow(before.merged.id, tombstone));
    const stored = await tx.residents.put(next);
    const taken = fieldsTaken(before.kept, before.merged, input.choices);
    await tx.audit({
      action: 'resident.merge',
      entity: 'resident',
      entityId: before.kept.id,
      detail: `并入档案 ${before.merged.id}；${movedSummary(moved)}${taken.length ? `；采用并入档案的：${taken.join(',')}` : ''}`,
    });
    return { kept: stored, moved };
  });
}

/** Today's merges (the tombstones pointing to a kept record), newest first, for the undo. */
export async function todaysMerges(desk: DeskBase): Promise<{ tombstone: Resident; kept: Resident | undefined }[]> {
  const today = desk.clock.today();
  const rows = await desk.db.residents.where('deleted.at').above(0).reverse().toArray();
  const merges = rows.filter((r) => r.deleted?.mergedInto && r.deleted.undo && r.deleted.day === today);
  const kept = await desk.db.residents.bulkGet(merges.map((r) => r.deleted!.mergedInto!));
  return merges.map((tombstone, i) => ({ tombstone, kept: kept[i] && !isTombstone(kept[i]) ? kept[i] : undefined }));
}

/**
 * Undoes a merge the same day: both records as they were, the moved records back, the tombstone
 * gone (the merged record lives again under its own id). Refused once either record or a moved
 * record changed after the merge (undoMergeRefusal).
 */
export async function undoResidentMerge(desk: Desk, mergedId: string): Promise<{ kept: Resident; merged: Resident }> {
  return writeTx(desk, MERGE_TABLES, async (tx) => {
    await requirePermission(tx, desk.actor, 'resident.merge', '撤销合并居民档案');
    const row = await tx.residents.get(mergedId);
    if (!row) throw new DomainRefusal(NOT_FOUND);
    const tombstone = row.deleted;
    const undo = tombstone?.undo;
    const [kept, visits, cases, tasks, items, problems] = await Promise.all([
      tx.residents.get(tombstone?.mergedInto ?? ''),
      tx.visits.bulkGet(undo?.moved.visits ?? []),
      tx.cases.bulkGet(undo?.moved.cases ?? []),
      tx.proxyTasks.bulkGet(undo?.moved.proxyTasks ?? []),
      tx.custodyItems.bulkGet(undo?.moved.custodyItems ?? []),
      tx.problems.bulkGet(undo?.moved.problems ?? []),
    ]);
    const refused = undoMergeRefusal(tombstone, tx.today, {
      merged: row,
      kept,
      moved: [...visits, ...cases, ...tasks, ...items, ...problems],
    });
    if (refused || !undo) throw new DomainRefusal(refused ?? '这份档案不是可撤销的合并');
    await moveResidentHistory(desk, tx, undo.kept.id, undo.merged.id, undo.moved);
    const merged = await tx.residents.put(undo.merged);
    const restored = await tx.residents.put(undo.kept);
    await tx.audit({
      action: 'resident.mergeUndo',
      entity: 'resident',
      entityId: undo.kept.id,
      detail: `恢复档案 ${undo.merged.id}；${movedSummary(undo.moved)}`,
    });
    return { kept: restored, merged };
  });
}

/** What each record of a pair carries (shown side by side before the merge). */
export type MergeSide = { resident: Resident | undefined; counts: Record<keyof MovedRecords, number> };

/** The two records as stored (a tombstone too: the screen says it is gone) and how much history each has. */
export async function mergeCandidates(desk: DeskBase, aId: string, bId: string): Promise<[MergeSide, MergeSide]> {
  const side = async (id: string): Promise<MergeSide> => {
    const [resident, s] = await Promise.all([desk.db.residents.get(id), historyScope(desk.db, id)]);
    const counts = {
      visits: s.visits.length,
      cases: s.cases.length,
      proxyTasks: s.tasks.length,
      custodyItems: s.items.length,
      problems: s.problems.length,
    };
    return { resident, counts };
  };
  return Promise.all([side(aId), side(bId)]);
}
