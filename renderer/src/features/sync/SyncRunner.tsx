/**
 * Runs the sync engine while the app is open on a joined desk (issue 24 item 4). Mounted once the
 * community exists — at the sign-in screen already, not only after sign-in: a 转办 sent to the
 * back office arrives while its PC waits at the sign-in or lock screen, and what this desk wrote
 * last session goes up at once. Starts when the desk is joined (deskMeta.joinedCenter), the API is
 * loaded (lazily: PouchDB never in the first screen) and the kept HubConfig is there; not during a
 * join's first exchange (the join does it). Stops on leave (joinedCenter gone), on close (unmount)
 * and when the page goes away.
 */
import { useEffect } from 'react';
import { useLiveQuery } from '../../app/liveQuerier';
import { joinedCenterSince } from '../../db/repositories/centerMembership';
import { useDeskBase } from '../../app/desk';
import { useHubConfigRevision } from './hubConfigRevision';
import { useSyncApi } from './syncApi';
import { useSyncStatus } from './useSyncStatus';

export function SyncRunner() {
  const base = useDeskBase();
  const api = useSyncApi();
  const since = useLiveQuery(() => joinedCenterSince(base), [base]);
  const joining = useSyncStatus().phase === 'joining';
  // A new password kept in 设置 → 多窗口同步: the exchange restarts with it.
  const revision = useHubConfigRevision();
  const run = typeof api === 'object' && api !== null && typeof since === 'number' && !joining;
  useEffect(() => {
    if (!run) return;
    let stopped = false;
    let handle: { stop: () => Promise<void> | void } | null = null;
    const stop = () => {
      stopped = true;
      void handle?.stop();
      handle = null;
    };
    (async () => {
      const config = await api.loadHubConfig();
      if (!config || stopped) return;
      const h = await api.startSync(base, config);
      if (stopped) void h.stop();
      else handle = h;
    })().catch((e: unknown) => {
      // The engine shows why on the status (未连接 with its reason); this is for the developer.
      console.error('sync did not start', e instanceof Error ? e.name : typeof e);
    });
    window.addEventListener('pagehide', stop);
    return () => {
      window.removeEventListener('pagehide', stop);
      stop();
    };
  }, [run, api, base, revision]);
  return null;
}
