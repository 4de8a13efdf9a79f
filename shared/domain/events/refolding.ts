/**
 * Issue 24: a record that is the fold of its events (a case, a proxy request, a custody item, a
 * problem), rebuilt as the sync refold stores it (renderer/src/sync/refold.ts) — pure.
 *
 * - `refolded`: from ALL its events — the fold, the stamps from the events (`stampsOf`) and, where
 *   the record keeps them, its unhandled 同步冲突.
 * - `foldedOnto`: the stored record with only the events new to it folded on, when that gives
 *   exactly what `refolded` of all its events gives; else undefined (the caller reads every event).
 *   A join brings a case's events over several of its transactions, in the order they were written:
 *   re-reading all of them in each transaction was most of the refold's time (s39: 6.6 s of 27 s).
 */
import type { Stamp, SyncConflict } from '../records';
import { inClockOrder, type FoldableEvent } from './patch';
import { handledIds, withPending, type WithSyncConflicts } from './refused';

/** An event as the refold reads it: foldable, with its time and author. */
export type Stamped = FoldableEvent & { at: number; by: string };

/** A stored record as the refold reads it: what its events decided, its stamps, its 同步冲突. */
export type StoredFold = Record<string, unknown> & Partial<Stamp> & { syncConflicts?: SyncConflict[] };

/** How one kind of record is rebuilt from its events. */
export type Refolder<E extends Stamped = Stamped> = {
  fold(events: readonly E[]): Record<string, unknown> | undefined;
  /** What the events decide of a stored record: without its stamps, derived fields and 同步冲突. */
  coreOf(record: StoredFold): Record<string, unknown>;
  /** The record's unhandled 同步冲突 (cases, requests, custody items; a problem keeps none). */
  pending?(events: readonly E[]): SyncConflict[];
  /** Whether an event decides something (its time and author become the record's `updated…`). */
  decides?(e: E): boolean;
};

/** The stamps of a record rebuilt from `events` (undefined without an opening event). */
export function stampsOf<E extends Stamped>(
  events: readonly E[],
  stored: Partial<Stamp> | undefined,
  decides: (e: E) => boolean = (e) => e.base !== undefined || e.decided !== undefined,
): Stamp | undefined {
  const ordered = inClockOrder(events);
  const opening = ordered.filter((e) => e.base).at(-1);
  const last = ordered.filter(decides).at(-1);
  if (!opening || !last) return undefined;
  return {
    createdAt: stored?.createdAt ?? opening.at,
    createdBy: stored?.createdBy ?? opening.by,
    updatedAt: last.at,
    updatedBy: last.by,
  };
}

/**
 * The record as the fold of `events` with its stamps (created: `stored`'s, else the opening
 * event's; updated: the last deciding event's) and its 同步冲突 (`conflicts`, by default the
 * pending ones of `events`); undefined without an opening event (left as it is).
 */
export function refolded<E extends Stamped>(
  r: Refolder<E>,
  events: readonly E[],
  stored: Partial<Stamp> | undefined,
  conflicts: SyncConflict[] | undefined = r.pending?.(events),
): Record<string, unknown> | undefined {
  const core = r.fold(events);
  const stamps = stampsOf(events, stored, r.decides);
  if (!core || !stamps) return undefined;
  const record: Record<string, unknown> & WithSyncConflicts = { ...core, ...stamps };
  return conflicts ? withPending(record, conflicts) : record;
}

/**
 * `stored` with `fresh` folded onto it, or undefined when only a refold from all its events is
 * sure to give the same. Exact — the same record as `refolded(all events, stored)` — given what
 * the caller checks (sync/refold.ts `refoldAll`) and what every writer keeps:
 * - `stored` is the refold of the record's events stored before (every refold and every door
 *   writes the record with its event, in one transaction), and `fresh` are the events new to it
 *   (none of them stored before), all sorting after those (clock, then id): the caller looks for a
 *   stored event of the record at or after the first fresh one.
 * Then the fold of all is the fold of `fresh` started from `stored`'s decided fields, stamped by
 * `stored`'s created stamps and by the last deciding fresh event (else `stored`'s updated ones).
 * Undefined (refold from all) when `stored` lacks a stamp, a fresh event has no clock or opens
 * the record again (the fold starts over), or a fresh event is refused on the history before it
 * and not handled by a fresh 确认同步冲突 (whether an earlier one handled it needs every event).
 * `stored`'s 同步冲突 stay, less those a fresh 确认同步冲突 handles.
 */
export function foldedOnto<E extends Stamped>(
  r: Refolder<E>,
  stored: StoredFold | undefined,
  fresh: readonly E[],
): Record<string, unknown> | undefined {
  if (!stored || fresh.length === 0) return undefined;
  const { createdAt, createdBy, updatedAt, updatedBy } = stored;
  if (createdAt === undefined || createdBy === undefined || updatedAt === undefined || updatedBy === undefined)
    return undefined;
  if (fresh.some((e) => e.base !== undefined || typeof e.clock !== 'string' || e.clock === '')) return undefined;
  // `stored`'s decided fields as the opening, sorting before every fresh event (no clock, no id).
  const opening = { id: '', clock: '', at: updatedAt, by: updatedBy, base: r.coreOf(stored) } as E;
  const events = [opening, ...fresh];
  if (!r.pending) return refolded(r, events, stored);
  if (r.pending(events).length > 0) return undefined;
  const handled = handledIds(fresh);
  return refolded(
    r,
    events,
    stored,
    (stored.syncConflicts ?? []).filter((c) => !handled.has(c.eventId)),
  );
}
