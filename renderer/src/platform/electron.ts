/**
 * The Electron implementation of the bridge: the preload's `window.desk`, exposed through
 * contextBridge (see electron/preload). Present only when running inside the Electron shell.
 */
import type { DeskBridge } from '@shared/ipc/contract';

declare global {
  // Global augmentation needs an interface (declaration merging).
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    desk?: DeskBridge;
  }
}

export function electronBridge(): DeskBridge | null {
  return typeof window !== 'undefined' && window.desk ? window.desk : null;
}
