/**
 * 合并居民档案: the pure rules. Which records are the same person (the same ID number), which
 * value of each field the kept record gets, whether two records may be merged, and whether a
 * merge may still be undone. The write is db/repositories/residentMerge.ts.
 */
import type { MergeUndo, MovedRecords, Resident, ResidentTombstone } from './records';
import { isTombstone } from './residentTombstone';

/** The fields the admin chooses between, in the order the screen shows them, with their labels. */
export const MERGE_FIELDS = [
  ['name', '姓名'],
  ['gender', '性别'],
  ['idNumber', '身份证号'],
  ['birthDate', '出生日期'],
  ['phone', '联系电话'],
  ['building', '楼栋'],
  ['unit', '单元'],
  ['room', '房号'],
  ['gridId', '网格'],
  ['tags', '人员标签'],
  ['care', '重点服务信息'],
] as const satisfies readonly (readonly [keyof Resident, string])[];

export type MergeField = (typeof MERGE_FIELDS)[number][0];

/** For each field, whose value wins: the kept record's (the default) or the merged one's. */
export type MergeChoices = Partial<Record<MergeField, 'kept' | 'merged'>>;

/**
 * The kept record after the merge: each field from the side chosen (a side without the value
 * leaves the field empty), everything else (status, stamps) the kept record's own.
 */
export function mergedResident(kept: Resident, merged: Resident, choices: MergeChoices): Resident {
  const next: Resident = { ...kept };
  for (const [field] of MERGE_FIELDS) {
    if (choices[field] !== 'merged') continue;
    const value = merged[field];
    if (value === undefined) delete next[field];
    else Object.assign(next, { [field]: value });
  }
  return next;
}

/** Whether two records hold the same value of a field (nothing to choose). */
export const sameFieldValue = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose value came from the merged record and differs from the kept one's (names only). */
export function fieldsTaken(kept: Resident, merged: Resident, choices: MergeChoices): MergeField[] {
  return MERGE_FIELDS.map(([f]) => f).filter((f) => choices[f] === 'merged' && !sameFieldValue(kept[f], merged[f]));
}

/** Why these two records cannot be merged (a Chinese sentence without personal data), or null. */
export function mergeRefusal(kept: Resident | undefined, merged: Resident | undefined): string | null {
  if (!kept || !merged || isTombstone(kept) || isTombstone(merged)) return '该居民档案已删除或已合并，请刷新后重试';
  if (kept.id === merged.id) return '请选择两份不同的居民档案';
  if (kept.idNumber && merged.idNumber && kept.idNumber !== merged.idNumber)
    return '两份档案的身份证号不同，不是同一人，不能合并';
  return null;
}

/** Residents that are the same person: the same ID number. Groups of two or more, by ID number. */
export function sameIdNumberGroups(residents: readonly Resident[]): Resident[][] {
  const byNumber = new Map<string, Resident[]>();
  for (const r of residents) {
    if (!r.idNumber || isTombstone(r)) continue;
    const group = byNumber.get(r.idNumber) ?? [];
    group.push(r);
    byNumber.set(r.idNumber, group);
  }
  return [...byNumber.values()]
    .filter((g) => g.length > 1)
    .map((g) => [...g].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)));
}

/** Every pair within each group (a group of three gives three pairs), the older record first. */
export function sameIdNumberPairs(residents: readonly Resident[]): [Resident, Resident][] {
  return sameIdNumberGroups(residents).flatMap((g) =>
    g.flatMap((a, i) => g.slice(i + 1).map((b) => [a, b] as [Resident, Resident])),
  );
}

/** A stamped record's last change. */
type Touched = { id: string; updatedAt: number };

/**
 * Why a merge can no longer be undone, or null. "Touched": the merge stamped both records and
 * every record it moved with its own instant (`tombstone.at`); any later change to one of them
 * (an edit, a visit's case moving on, a second merge) has a later `updatedAt`.
 */
export function undoMergeRefusal(
  tombstone: ResidentTombstone | undefined,
  undo: Pick<MergeUndo, 'at'> | undefined,
  today: string,
  rows: { merged: Touched; kept: Touched | undefined; moved: readonly (Touched | undefined)[] },
): string | null {
  if (!tombstone?.mergedInto) return '这份档案不是可撤销的合并';
  if (tombstone.day !== today) return '只能撤销当天的合并；之后请逐条修改';
  // The snapshot is desk-local (DB v15): another desk of the center never had it.
  if (undo?.at !== tombstone.at) return UNDO_ONLY_AT_MERGING_DESK;
  const touched = [rows.merged, rows.kept, ...rows.moved].some((r) => !r || r.updatedAt !== tombstone.at);
  if (touched) return '合并后这两份档案或移过去的记录已有新的变动，不能撤销';
  return null;
}

/** Said on the screen and by the refusal: the undo's snapshot stays at the desk that merged. */
export const UNDO_ONLY_AT_MERGING_DESK = '撤销合并只能在合并的那台值班电脑上、当天进行';

/** How many records of each kind a merge moved (for the audit row and the screen). */
export function movedSummary(moved: MovedRecords): string {
  return (
    `来访 ${moved.visits.length}，办件 ${moved.cases.length}，帮代办 ${moved.proxyTasks.length}，` +
    `材料 ${moved.custodyItems.length}，问题 ${moved.problems.length}`
  );
}
