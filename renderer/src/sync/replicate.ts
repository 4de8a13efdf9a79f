/**
 * Live replication of the desk's PouchDB with the hub (issue 24) and what it tells the status:
 * `PouchDB.sync(remote, { live, retry, back_off_function })` — the back-off capped at 2.5 s (the
 * default grows to 10 minutes: a desk would sit idle long after the hub is back). A refusal
 * (401 wrong credentials, 403 no right to the database, 404 no such database) is `refused` with
 * the reason in Chinese; anything else without an answer is `offline` since when it began. A
 * document the hub's validation refuses (403 for that document) is reported once through
 * `onDenied` — PouchDB counts it as a write failure and goes on: never retried forever.
 */
import { refusalText } from '@shared/sync/designDoc';
import type { RejectedDoc, SyncPhase } from './contract';
import { parseSyncDocId } from './docs';
import { hubErrorReason } from './hubCheck';
import type { LocalPouch } from './pouch';

/** Waits 250 ms after the first failure, then doubling, never more than 2.5 s. */
export const backOff = (delay: number): number => (delay === 0 ? 250 : Math.min(delay * 2, 2500));

const ERROR_STATUS: Record<string, number> = { unauthorized: 401, forbidden: 403, not_found: 404 };

/** The HTTP status of a failure (PouchDB gives `status`, or only the CouchDB `error` / `name`). */
export function failureStatus(e: unknown): number | undefined {
  if (e === null || typeof e !== 'object') return undefined;
  const { status, error, name } = e as { status?: unknown; error?: unknown; name?: unknown };
  if (typeof status === 'number' && status !== 500) return status;
  for (const key of [error, name]) if (typeof key === 'string' && key in ERROR_STATUS) return ERROR_STATUS[key];
  return typeof status === 'number' ? status : undefined;
}

/** The phase and reason of a replication failure. */
export function failurePhase(e: unknown): { phase: Extract<SyncPhase, 'offline' | 'refused'>; reason: string } {
  const status = failureStatus(e);
  const refused = status === 401 || status === 403 || status === 404;
  return { phase: refused ? 'refused' : 'offline', reason: hubErrorReason(status === undefined ? e : { status }) };
}

/** A document the hub refused, as the list keeps it (no content: the id, table, status, reason). */
export function deniedDoc(e: unknown, at: number): RejectedDoc | undefined {
  const { id, message, reason } = (e ?? {}) as { id?: unknown; message?: unknown; reason?: unknown };
  if (typeof id !== 'string') return undefined;
  return {
    id,
    table: parseSyncDocId(id)?.table ?? '',
    status: failureStatus(e) ?? 403,
    reason: refusalText(String(reason ?? message ?? '')),
    at,
  };
}

export type ReplicationEvents = {
  /** Documents moving (one side or both). */
  active: () => void;
  /** Caught up both ways (no error), or waiting after a failure (`failure`). */
  paused: (failure?: { phase: 'offline' | 'refused'; reason: string }) => void;
  /** Documents still to move, as the hub reports it (CouchDB 2+), per direction. */
  pending: (direction: 'push' | 'pull', n: number) => void;
  denied: (doc: RejectedDoc) => void;
};

type Direction = 'push' | 'pull';

/**
 * Starts the live two-way replication; returns its cancel. Each direction is followed on its own
 * (the combined object's `paused` carries no error): a direction failing makes the whole
 * offline or refused, one moving makes it syncing, both idle without error is synced.
 */
export function replicateLive(
  local: LocalPouch,
  remote: LocalPouch,
  on: ReplicationEvents,
  now: () => number,
): () => void {
  const sync = local.sync(remote, { live: true, retry: true, back_off_function: backOff, batch_size: 500 });
  const state: Record<Direction, 'active' | 'idle' | { phase: 'offline' | 'refused'; reason: string }> = {
    push: 'active',
    pull: 'active',
  };
  const tell = () => {
    const failed = [state.push, state.pull].find((s) => typeof s === 'object');
    if (typeof failed === 'object') on.paused(failed);
    else if (state.push === 'active' || state.pull === 'active') on.active();
    else on.paused();
  };
  for (const direction of ['push', 'pull'] as const) {
    const events = sync[direction];
    events.on('active', () => {
      state[direction] = 'active';
      tell();
    });
    events.on('paused', (err) => {
      state[direction] = err ? failurePhase(err) : 'idle';
      tell();
    });
    events.on('change', (info) => {
      if (typeof info.pending === 'number') on.pending(direction, info.pending);
    });
  }
  sync.on('error', (err) => on.paused(failurePhase(err)));
  // The combined object hands a refused document as `{ direction, doc: <the error> }`.
  sync.on('denied', (wrapped) => {
    const inner = wrapped !== null && typeof wrapped === 'object' && 'doc' in wrapped ? wrapped.doc : undefined;
    const doc = deniedDoc(inner ?? wrapped, now());
    if (doc) on.denied(doc);
  });
  return () => sync.cancel();
}
