/**
 * The ONLY entry to the platform for features: Electron's bridge when the app runs in the
 * shell, the browser implementation otherwise. Features import `platform` from here and never
 * touch `window.desk`, downloads or `window.print` themselves.
 */
import type { DeskBridge } from '@shared/ipc/contract';
import { browserBridge } from './browser';

/** 锁屏: the browser's print view emptied (Electron prints in main, outside the page). */
export { clearPrintFrames } from './browser';
import { electronBridge } from './electron';

export const platform: DeskBridge = electronBridge() ?? browserBridge();
