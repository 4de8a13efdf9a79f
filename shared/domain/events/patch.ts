/**
 * Records as the fold of their events: an event keeps what its action decided as a patch of
 * the record (fields set, fields removed, lists appended to), and an opening event keeps the whole record. Folding
 * applies the recorded patches in clock order from the last opening event: rules are never
 * consulted again, so a rule changed later cannot re-decide the past.
 */
import type { FieldEdit, RecordPatch } from '../records';
import { applyEdit, fieldEdits, sameValue } from './fieldEdits';

/** Same JSON value: kept importable from here (fieldEdits.ts holds it). */
export { sameValue };
import { compareClocks } from './clock';

type Plain = Record<string, unknown>;

/**
 * The patch that turns `before` into `after`: top-level fields set or removed, except a field
 * where a list grew or shrank, recorded as edits inside it (fieldEdits.ts). Events recorded before
 * edits existed (whole-field patches) fold as they always did.
 */
export function diffRecord(before: Plain, after: Plain): RecordPatch {
  const set: Plain = {};
  const unset: string[] = [];
  const edits: FieldEdit[] = [];
  for (const [k, v] of Object.entries(after)) {
    if (v === undefined || sameValue(before[k], v)) continue;
    const inside = fieldEdits(k, before[k], v);
    if (inside) edits.push(...inside);
    else set[k] = v;
  }
  for (const k of Object.keys(before)) if (before[k] !== undefined && after[k] === undefined) unset.push(k);
  return { set, ...(unset.length > 0 ? { unset } : {}), ...(edits.length > 0 ? { edits } : {}) };
}

export function applyPatch<T extends Plain>(record: T, patch: RecordPatch | undefined): T {
  if (!patch) return record;
  const next: Plain = { ...record, ...clone(patch.set) };
  for (const k of patch.unset ?? []) delete next[k];
  if (patch.edits) {
    // Edits change nested lists in place: on a copy of the fields they touch, never the caller's.
    for (const k of new Set(patch.edits.map((e) => e.path[0])))
      if (typeof k === 'string' && k in next) next[k] = clone(next[k]);
    for (const e of patch.edits) applyEdit(next, e);
  }
  return next as T;
}

/** What every replayable event carries for the fold. */
export type FoldableEvent = { id: string; clock?: string; base?: Plain; decided?: RecordPatch };

/** Events in their one order: clock, then id (events without a clock — before v13 — first, as stored). */
export function inClockOrder<E extends FoldableEvent>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => compareClocks(a.clock ?? '', b.clock ?? '') || compareClocks(a.id, b.id));
}

/**
 * The record rebuilt from its events: the last opening event's state, then every later decision
 * (`step`: applying an event's patch; a record with appended lists applies those too).
 */
export function foldRecord<T extends Plain, E extends FoldableEvent = FoldableEvent>(
  events: readonly E[],
  step: (record: T, e: E) => T = (record, e) => applyPatch(record, e.decided),
): T | undefined {
  const ordered = inClockOrder(events);
  let start = -1;
  ordered.forEach((e, i) => {
    if (e.base) start = i;
  });
  if (start < 0) return undefined;
  let record = clone(ordered[start]!.base!) as T;
  for (const e of ordered.slice(start + 1)) record = step(record, e);
  return record;
}

/** The record without the given fields (stamps, derived index fields): what events decide. */
export function withoutFields<T extends Plain>(record: T, keys: readonly string[]): Plain {
  const out: Plain = { ...record };
  for (const k of keys) delete out[k];
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

/** A deep copy of plain data (records are JSON values). */
const clone = <V>(v: V): V => JSON.parse(JSON.stringify(v)) as V;
