/**
 * Preload for the main window. Runs sandboxed, so it is bundled into ONE CommonJS file
 * (out/preload/index.cjs) whose only require is 'electron' (see electron.vite.config.ts).
 * Exposes `window.desk` and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'desk',
  buildBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
