/**
 * The desk's sync status (contract.ts `SyncStatus`): one value, set by the engine, read by the
 * top bar and the 多窗口同步 page (useSyncExternalStore-friendly: `get` returns the same object
 * until it changes).
 */
import { sameValue } from '@shared/domain/events/patch';
import { SYNC_OFF, type SyncStatus } from './contract';

let current: SyncStatus = SYNC_OFF;
const listeners = new Set<() => void>();

export function syncStatus(): SyncStatus {
  return current;
}

/**
 * Changes some fields of the status and tells every listener — only when a value changed: the
 * inbound side sets the same counts after every commit it makes (thousands at a join), and each
 * new object re-rendered the top bar for nothing.
 */
export function setSyncStatus(change: Partial<SyncStatus>): void {
  const next = { ...current, ...change };
  if (sameValue(next, current)) return;
  current = next;
  for (const l of listeners) l();
}

/** Calls `listener` after each change; returns the unsubscribe. */
export function onSyncStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
