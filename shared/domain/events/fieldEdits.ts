/**
 * Edits inside a field: how an event records a list that grew (or shrank) rather than the whole
 * list. Two desks that each add a 处理反馈 to one case offline both record "append this item to
 * escalations[0].feedback"; folded in clock order, both items stay (a whole-list patch would keep
 * only the later desk's list). Generic over every machine's records: escalation feedback, a
 * case's documentsReceived / documentsMissing, any appended list of a proxy request or custody item.
 *
 * An edit names a path from a top-level field (object keys, list items by identity or index).
 * Applying never throws:
 * an edit whose path does not exist in the history it is folded into (the item is not there) is
 * skipped, so every desk folds the same events to the same state.
 */
import type { EditStep, FieldEdit } from '../records';

type Plain = Record<string, unknown>;
type Path = readonly EditStep[];

/** The fields that name a list item for good: its id, else the time it was raised. */
const ITEM_IDENTITY = ['id', 'raisedAt'] as const;

const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <V>(v: V): V => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as V));

/** Same JSON value (records hold plain data: strings, numbers, booleans, arrays, objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameValue(v, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Plain)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Plain)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Plain)[k], (b as Plain)[k]));
}

/** The items of `before` missing from `after` when `after` keeps the rest in order, else undefined. */
function removedItems(before: readonly unknown[], after: readonly unknown[]): unknown[] | undefined {
  const removed: unknown[] = [];
  let j = 0;
  for (const item of before) {
    if (j < after.length && sameValue(item, after[j])) j++;
    else removed.push(item);
  }
  return j === after.length ? removed : undefined;
}

/** The edits that turn `before` into `after` at `path` (lists by append/remove, objects by key). */
function diffAt(path: Path, before: unknown, after: unknown, out: FieldEdit[]): void {
  if (sameValue(before, after)) return;
  if (after === undefined) {
    out.push({ path: [...path], op: 'unset' });
    return;
  }
  if (Array.isArray(after) && (before === undefined || Array.isArray(before))) {
    const was = (before ?? []) as unknown[];
    if (after.length > was.length && was.every((v, i) => sameValue(v, after[i]))) {
      out.push({ path: [...path], op: 'append', items: clone(after.slice(was.length)) });
      return;
    }
    const removed = after.length < was.length ? removedItems(was, after) : undefined;
    if (removed) {
      out.push({ path: [...path], op: 'remove', items: clone(removed) });
      return;
    }
    if (after.length === was.length) {
      after.forEach((v, i) => diffAt([...path, itemStep(i, was[i])], was[i], v, out));
      return;
    }
  } else if (isPlain(before) && isPlain(after)) {
    for (const k of Object.keys(after)) if (after[k] !== undefined) diffAt([...path, k], before[k], after[k], out);
    for (const k of Object.keys(before))
      if (before[k] !== undefined && after[k] === undefined) diffAt([...path, k], before[k], undefined, out);
    return;
  }
  out.push({ path: [...path], op: 'set', value: clone(after) });
}

/** The step to a list item: its identity when it has one, else its index. */
function itemStep(index: number, item: unknown): EditStep {
  if (!isPlain(item)) return index;
  const key = ITEM_IDENTITY.find((k) => typeof item[k] === 'string' || typeof item[k] === 'number');
  return key ? { index, key, value: item[key] as string | number } : index;
}

/** Where `step` is inside `container` (a key, an index), or undefined when it is not there. */
function locate(container: unknown, step: EditStep): string | number | undefined {
  if (Array.isArray(container)) {
    if (typeof step === 'number') return step >= 0 && step < container.length ? step : undefined;
    if (typeof step === 'string') return undefined;
    const named = (v: unknown) => isPlain(v) && v[step.key] === step.value;
    if (named(container[step.index])) return step.index;
    const at = container.findIndex(named);
    return at >= 0 ? at : undefined;
  }
  return isPlain(container) && typeof step === 'string' ? step : undefined;
}

/** Applies one edit to a record in place (the record is the fold's own copy). */
export function applyEdit(record: Plain, edit: FieldEdit): void {
  let parent: unknown = record;
  for (const step of edit.path.slice(0, -1)) {
    const at = locate(parent, step);
    const child = at === undefined ? undefined : (parent as Record<string | number, unknown>)[at];
    if (typeof child !== 'object' || child === null) return;
    parent = child;
  }
  const last = edit.path[edit.path.length - 1];
  const at = last === undefined ? undefined : locate(parent, last);
  if (at === undefined) return;
  const box = parent as Record<string | number, unknown>;
  const current = box[at];
  switch (edit.op) {
    case 'set':
      box[at] = clone(edit.value);
      return;
    case 'unset':
      if (isPlain(parent)) delete parent[at as string];
      return;
    case 'append':
      if (current === undefined) box[at] = clone(edit.items);
      else if (Array.isArray(current)) current.push(...clone(edit.items));
      return;
    case 'remove':
      if (!Array.isArray(current)) return;
      for (const item of edit.items) {
        const i = current.findIndex((v) => sameValue(v, item));
        if (i >= 0) current.splice(i, 1);
      }
      return;
  }
}

/**
 * The edits for one top-level field when its change is best recorded inside it — a list grew or
 * shrank somewhere in it, or an item of a list that has an identity changed — and replaying them
 * reproduces `after`; otherwise undefined (the field is recorded whole, as before).
 */
export function fieldEdits(key: string, before: unknown, after: unknown): FieldEdit[] | undefined {
  const edits: FieldEdit[] = [];
  diffAt([key], before, after, edits);
  const inside = (e: FieldEdit) => e.op === 'append' || e.op === 'remove' || e.path.some((p) => typeof p === 'object');
  if (!edits.some(inside)) return undefined;
  const probe: Plain = before === undefined ? {} : { [key]: clone(before) };
  for (const e of edits) applyEdit(probe, e);
  return sameValue(probe[key], after) ? edits : undefined;
}
