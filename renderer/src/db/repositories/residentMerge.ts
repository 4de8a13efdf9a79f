/**
 * 合并居民档案 (站长/管理员, `resident.merge`): two records of one person become one. The admin
 * picks the kept record and, field by field, which value wins (shared/domain/residentMerge.ts);
 * visits, cases, 帮代办 requests, documents in custody, problems and the care profile (a field
 * like the others) move to the kept record; the other becomes a tombstone pointing to it
 * (`deleted.mergedInto`: `resolveResident` follows it for whatever arrives later). ONE
 * transaction with the audit row (ids and counts, field NAMES, never values). The same day, AT
 * THE DESK THAT MERGED, while nothing touched either record or the moved ones since,
 * `undoResidentMerge` puts both back: its snapshot (both records in full) is desk-local
 * (`mergeUndos`, never center data) and swept once its day has passed (`sweepMergeUndos`).
 *
 * Where the admin finds them: `duplicateResidentPairs` (the same ID number on two live records,
 * which the form refuses but records from another desk can bring) and `todaysMerges` — both for
 * `resident.merge` only, checked here, and both return masked listings, not the records.
 */
import type { MovedRecords, Resident } from '@shared/domain/records';
import { Dexie } from 'dexie';
import { maskIdNumber, maskPhone } from '@shared/domain/masking';
import { residentAddress } from '@shared/domain/resident';
import { can, holdersOf } from '@shared/domain/roles';
import {
  fieldsTaken,
  MERGE_FIELDS,
  mergedResident,
  mergeRefusal,
  movedSummary,
  sameFieldValue,
  sameIdNumberPairs,
  undoMergeRefusal,
  type MergeChoices,
  type MergeField,
} from '@shared/domain/residentMerge';
import { isTombstone, TOMBSTONE_REASONS, tombstoneRow } from '@shared/domain/residentTombstone';
import { requirePermission } from '../authorize';
import type { Desk } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx, type WriteTx } from '../write';
import { historyScope, moveResidentHistory, WHOLE_RESIDENT_TABLES } from './residentHistory';
import { NOT_FOUND } from './residents';

const MERGE_TABLES = WHOLE_RESIDENT_TABLES;

/**
 * Drops the undo snapshots of days before today (and, with `residentId`, every snapshot naming
 * that person: 删除居民 leaves no copy). Run by every merge, undo and deletion, in its transaction.
 */
export function sweepMergeUndos(tx: WriteTx<'mergeUndos'>, residentId?: string): Promise<unknown> {
  // A handful of rows at most (today's merges at this desk): read all, drop the stale.
  return tx.mergeUndos
    .toArray()
    .then((rows) =>
      Dexie.Promise.all(
        rows
          .filter(
            (u) => u.day !== tx.today || (residentId !== undefined && [u.keptId, u.mergedId].includes(residentId)),
          )
          .map((u) => tx.mergeUndos.delete(u.mergedId)),
      ),
    );
}

/** What the lists show of a record: its name, the ID number and phone masked, the address. */
export type ResidentListing = { id: string; name: string; idNumber: string; phone: string; address: string };

function listing(r: Resident): ResidentListing {
  return {
    id: r.id,
    name: r.name,
    idNumber: maskIdNumber(r.idNumber),
    phone: maskPhone(r.phone),
    address: residentAddress(r),
  };
}

/** The lists of this screen are for those who may merge (checked here, not only in the UI). */
async function requireMergeRead(desk: Desk): Promise<void> {
  const me = await desk.db.staff.get(desk.actor.id);
  if (!me || !can(me, 'resident.merge')) throw new DomainRefusal(`只有${holdersOf('resident.merge')}可以查看重复档案`);
}

/** Pairs of live residents with the same ID number (the older record first), masked. */
export async function duplicateResidentPairs(desk: Desk): Promise<[ResidentListing, ResidentListing][]> {
  await requireMergeRead(desk);
  const numbers = (await desk.db.residents.orderBy('idNumber').keys()) as string[];
  const repeated = [...new Set(numbers.filter((n, i) => i > 0 && numbers[i - 1] === n))];
  if (repeated.length === 0) return [];
  const pairs = sameIdNumberPairs(await desk.db.residents.where('idNumber').anyOf(repeated).toArray());
  return pairs.map(([a, b]) => [listing(a), listing(b)]);
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
    await sweepMergeUndos(tx);
    const { problemSources, ...moved } = await moveResidentHistory(desk, tx, before.merged.id, before.kept.id);
    const tombstone = {
      at: tx.now,
      day: tx.today,
      by: desk.actor.id,
      reason: TOMBSTONE_REASONS.merge,
      mergedInto: before.kept.id,
    };
    // The undo's snapshot stays at this desk, for today (desk-local, see sweepMergeUndos).
    await tx.mergeUndos.put({
      mergedId: before.merged.id,
      keptId: before.kept.id,
      at: tx.now,
      day: tx.today,
      ...before,
      moved,
      problemSources,
    });
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

/** A merge of today made at this desk, which the undo can still take back (masked listings). */
export type TodaysMerge = { mergedId: string; merged: ResidentListing; kept: ResidentListing | undefined };

/** Today's merges made at this desk (their undo snapshots), newest first; for `resident.merge` only. */
export async function todaysMerges(desk: Desk): Promise<TodaysMerge[]> {
  await requireMergeRead(desk);
  const undos = await desk.db.mergeUndos.where('day').equals(desk.clock.today()).toArray();
  undos.sort((a, b) => b.at - a.at);
  const kept = await desk.db.residents.bulkGet(undos.map((u) => u.keptId));
  return undos.map((u, i) => ({
    mergedId: u.mergedId,
    merged: listing(u.merged),
    kept: kept[i] && !isTombstone(kept[i]) ? listing(kept[i]) : undefined,
  }));
}

/**
 * Undoes a merge the same day at the desk that merged: both records as they were, the moved
 * records back, the tombstone gone (the merged record lives again under its own id). Refused at
 * another desk (no snapshot there), and once either record or a moved record changed after the
 * merge (undoMergeRefusal).
 */
export async function undoResidentMerge(desk: Desk, mergedId: string): Promise<{ kept: Resident; merged: Resident }> {
  return writeTx(desk, MERGE_TABLES, async (tx) => {
    await requirePermission(tx, desk.actor, 'resident.merge', '撤销合并居民档案');
    await sweepMergeUndos(tx);
    const row = await tx.residents.get(mergedId);
    if (!row) throw new DomainRefusal(NOT_FOUND);
    const tombstone = row.deleted;
    const undo = await tx.mergeUndos.get(mergedId);
    const [kept, visits, cases, tasks, items, problems] = await Promise.all([
      tx.residents.get(tombstone?.mergedInto ?? ''),
      tx.visits.bulkGet(undo?.moved.visits ?? []),
      tx.cases.bulkGet(undo?.moved.cases ?? []),
      tx.proxyTasks.bulkGet(undo?.moved.proxyTasks ?? []),
      tx.custodyItems.bulkGet(undo?.moved.custodyItems ?? []),
      tx.problems.bulkGet(undo?.moved.problems ?? []),
    ]);
    const refused = undoMergeRefusal(tombstone, undo, tx.today, {
      merged: row,
      kept,
      moved: [...visits, ...cases, ...tasks, ...items, ...problems],
    });
    if (refused || !undo) throw new DomainRefusal(refused ?? '这份档案不是可撤销的合并');
    // Only what the merge moved: the records, and of each problem only the sources it changed.
    await moveResidentHistory(desk, tx, undo.kept.id, undo.merged.id, {
      ...undo.moved,
      problemSources: undo.problemSources,
    });
    await tx.mergeUndos.delete(mergedId);
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

/** The fields the admin chooses from, as the screen shows them: the ID number and phone masked. */
export type MergeValues = Pick<Resident, MergeField>;

/** One record of the pair: its fields (masked), whether it is gone, and how much history it has. */
export type MergeSide = {
  resident: { id: string; gone: boolean; values: MergeValues } | undefined;
  counts: Record<keyof MovedRecords, number>;
};

/** The pair shown side by side, and the fields on which the full values agree (nothing to choose). */
export type MergePair = { sides: [MergeSide, MergeSide]; same: MergeField[] };

function mergeValues(r: Resident): MergeValues {
  const values = Object.fromEntries(MERGE_FIELDS.map(([f]) => [f, r[f]])) as MergeValues;
  if (values.idNumber) values.idNumber = maskIdNumber(values.idNumber);
  if (values.phone) values.phone = maskPhone(values.phone);
  return values;
}

/**
 * The two records (a tombstone too: the screen says it is gone) and how much history each has;
 * for `resident.merge` only, checked here. The ID numbers and phones come masked: the screen
 * shows a full one only through `revealResidentField` (a reason, logged); which fields agree is
 * decided here on the full values.
 */
export async function mergeCandidates(desk: Desk, aId: string, bId: string): Promise<MergePair> {
  await requireMergeRead(desk);
  const side = async (id: string): Promise<[Resident | undefined, MergeSide]> => {
    const [resident, s] = await Promise.all([desk.db.residents.get(id), historyScope(desk.db, id)]);
    const counts = {
      visits: s.visits.length,
      cases: s.cases.length,
      proxyTasks: s.tasks.length,
      custodyItems: s.items.length,
      problems: s.problems.length,
    };
    const view = resident && { id: resident.id, gone: isTombstone(resident), values: mergeValues(resident) };
    return [resident, { resident: view, counts }];
  };
  const [[a, sideA], [b, sideB]] = await Promise.all([side(aId), side(bId)]);
  const same = a && b ? MERGE_FIELDS.map(([f]) => f).filter((f) => sameFieldValue(a[f], b[f])) : [];
  return { sides: [sideA, sideB], same };
}
