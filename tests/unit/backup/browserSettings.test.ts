// @vitest-environment jsdom
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the global the browser bridge reads (vite defines it)
/// <reference path="../../../renderer/src/vite-env.d.ts" />
/**
 * The browser build's settings (renderer/src/platform/browser.ts) after issue 22: the page cannot
 * set a backup folder, and settings stored before (with their backupDir: null) still read whole.
 */
import { describe, expect, it } from 'vitest';
import { defaultAppSettings } from '@shared/ipc/contract';
import { browserBridge } from '../../../renderer/src/platform/browser';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('browser build settings', () => {
  it('reads the settings stored by earlier versions, backupDir included', async () => {
    const stored = { ...defaultAppSettings, receiptLayout: 'thermal80', silentPrint: true };
    const bridge = browserBridge(memoryStorage({ 'duty-desk.settings': JSON.stringify(stored) }), document);
    expect(await bridge.getSettings()).toEqual(stored);
    expect((await bridge.setSettings({ printerName: 'XP-80C' })).receiptLayout).toBe('thermal80');
    expect(await bridge.getSettings()).toEqual({ ...stored, printerName: 'XP-80C' });
  });

  it('refuses a backup folder sent by the page', async () => {
    const storage = memoryStorage();
    const bridge = browserBridge(storage, document);
    await expect(bridge.setSettings({ backupDir: '/etc' } as never)).rejects.toThrow();
    expect(storage.getItem('duty-desk.settings')).toBeNull();
  });
});
