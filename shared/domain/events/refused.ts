/**
 * Issue 24 (同步冲突), the shared part for every record that is the fold of its events (cases,
 * proxy requests, documents in custody): which events the rules refuse on the merged history
 * (`refusedEvents`, given the record's own rule), which of them no one has handled yet
 * (`pendingConflicts`: a 确认同步冲突 event — the door action a 站长 takes, itself replicated —
 * covers the events it names, so every desk sees the same list after it arrives), and that door
 * action's decision on the record (`acknowledgeConflicts`). Pure; the folds never change for it.
 */
import type { EventInput, SyncConflict } from '../records';
import { applyPatch, inClockOrder, type FoldableEvent } from './patch';

/** The door action that marks refused events handled (the same on cases, requests and custody items). */
export const SYNC_CONFLICT_ACK = '确认同步冲突';

/** That door action's input. */
export type SyncConflictAck = { type: typeof SYNC_CONFLICT_ACK; eventIds: string[]; note: string };

/** An event that no longer fits the history it was merged into, with the rules' reason. */
export type RefusedEvent = { eventId: string; action: string; reason: string };

/** What the conflict list reads of an event. */
export type ConflictEvent = FoldableEvent & { by: string; at: number; desk?: number; input?: EventInput };

/**
 * The events whose action `refusal` refuses on the record as the history before them left it
 * (clock order; each opening event starts over, as the fold does). `refusal` gets the record, the
 * action type and the event (its author), and says why not, or null; it answers only for its own
 * rules' actions (the door's own actions pass). A refused event's recorded decision is applied
 * (requests and custody items: the paper trail of what people did) unless `refusedTakeEffect` is
 * false (cases: their fold skips a refused action too, so a refusal can cascade).
 */
export function refusedEvents<T extends Record<string, unknown>, E extends ConflictEvent>(
  events: readonly E[],
  refusal: (record: T, type: string, e: E) => string | null,
  { refusedTakeEffect = true }: { refusedTakeEffect?: boolean } = {},
): RefusedEvent[] {
  const out: RefusedEvent[] = [];
  let record: T | undefined;
  for (const e of inClockOrder(events)) {
    if (e.base) {
      record = e.base as T;
      continue;
    }
    if (!record) continue;
    const type = e.input?.type;
    const reason = typeof type === 'string' ? refusal(record, type, e) : null;
    if (reason) out.push({ eventId: e.id, action: type!, reason });
    if (!reason || refusedTakeEffect) record = applyPatch(record, e.decided);
  }
  return out;
}

/** The ids of the events a 确认同步冲突 event handled. */
export function handledIds(events: readonly ConflictEvent[]): Set<string> {
  const out = new Set<string>();
  for (const e of events) {
    if (e.input?.type !== SYNC_CONFLICT_ACK) continue;
    const ids = e.input.eventIds;
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') out.add(id);
  }
  return out;
}

/** The refused events not yet handled, each with who wrote it, on which desk and when. */
export function pendingConflicts<E extends ConflictEvent>(
  events: readonly E[],
  refused: (events: readonly E[]) => RefusedEvent[],
): SyncConflict[] {
  const handled = handledIds(events);
  const byId = new Map(events.map((e) => [e.id, e]));
  return refused(events)
    .filter((c) => !handled.has(c.eventId))
    .map((c) => {
      const e = byId.get(c.eventId)!;
      return { ...c, by: e.by, at: e.at, ...(e.desk !== undefined ? { desk: e.desk } : {}) };
    });
}

/** A record that keeps its unhandled 同步冲突 (written by the sync refold and by the acknowledgement). */
export type WithSyncConflicts = { syncConflicts?: SyncConflict[] };

/** The acknowledgement's decision: the record without the handled conflicts and the timeline note, or a refusal. */
export function acknowledgeConflicts<R extends WithSyncConflicts>(
  record: R,
  ack: Pick<SyncConflictAck, 'eventIds' | 'note'>,
  what: string,
): { next: R; note: string } | string {
  if (ack.eventIds.length === 0) return `${what}没有待处理的同步冲突`;
  if (!ack.note.trim()) return '请填写处理说明';
  const left = (record.syncConflicts ?? []).filter((c) => !ack.eventIds.includes(c.eventId));
  const next: R = { ...record };
  if (left.length > 0) next.syncConflicts = left;
  else delete next.syncConflicts;
  return { next, note: `${SYNC_CONFLICT_ACK}：${ack.note.trim()}` };
}

/** The record with its pending conflicts set (or none): what the refold stores. */
export function withPending<R extends WithSyncConflicts>(record: R, pending: SyncConflict[]): R {
  const next: R = { ...record };
  if (pending.length > 0) next.syncConflicts = pending;
  else delete next.syncConflicts;
  return next;
}

/** Derived for an index: when the oldest unhandled 同步冲突 of a request or custody item happened. */
export function syncConflictAtOf(record: WithSyncConflicts): number | undefined {
  const list = record.syncConflicts ?? [];
  return list.length > 0 ? Math.min(...list.map((c) => c.at)) : undefined;
}
