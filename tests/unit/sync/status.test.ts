/**
 * sync/status.ts: the status object changes, and its listeners hear of it, only when a value
 * changed — the inbound side sets the same counts after every commit it makes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SYNC_OFF } from '../../../renderer/src/sync/contract';
import { onSyncStatus, setSyncStatus, syncStatus } from '../../../renderer/src/sync/status';

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  setSyncStatus({ ...SYNC_OFF, reason: undefined, hub: undefined, progress: undefined });
});

describe('setSyncStatus', () => {
  it('tells the listeners of a change, not of the same values set again', () => {
    let heard = 0;
    stop = onSyncStatus(() => (heard += 1));
    setSyncStatus({ caseConflicts: 2, hub: { url: 'https://hub.example/center', plainHttp: false } });
    const first = syncStatus();
    expect(heard).toBe(1);
    // The same counts, and an equal hub object: nothing changed.
    setSyncStatus({
      caseConflicts: 2,
      recordConflicts: 0,
      hub: { url: 'https://hub.example/center', plainHttp: false },
    });
    expect(heard).toBe(1);
    expect(syncStatus()).toBe(first);
    setSyncStatus({ recordConflicts: 1 });
    expect(heard).toBe(2);
    expect(syncStatus()).toMatchObject({ caseConflicts: 2, recordConflicts: 1 });
    // A field cleared is a change; cleared again is not.
    setSyncStatus({ reason: '中心拒绝了本窗口的账号' });
    setSyncStatus({ reason: undefined });
    setSyncStatus({ reason: undefined });
    expect(heard).toBe(4);
    expect(syncStatus().reason).toBeUndefined();
  });
});
