/** The desk's sync status (sync/status.ts), live in a component. */
import { useSyncExternalStore } from 'react';
import type { SyncStatus } from '../../sync/contract';
import { onSyncStatus, syncStatus } from '../../sync/status';

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(onSyncStatus, syncStatus);
}
