/**
 * The kept hub config changed while the desk is joined (a new password in 设置 → 多窗口同步): the
 * app's SyncRunner restarts the exchange with it. A counter, read with useSyncExternalStore.
 */
import { useSyncExternalStore } from 'react';

let revision = 0;
const listeners = new Set<() => void>();

/** Tells the runner the kept config is new. */
export function hubConfigChanged(): void {
  revision += 1;
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

/** Changes each time the kept hub config is replaced. */
export function useHubConfigRevision(): number {
  return useSyncExternalStore(subscribe, () => revision);
}
