import { afterEach, describe, expect, it, vi } from 'vitest';
import { bridgeMethods } from '../../../shared/ipc/contract';
import { buildBridge } from '../../../electron/preload/bridge';

const electron = await vi.hoisted(async () => (await import('./fakes')).fakePreloadElectron());
vi.mock('electron', () => electron);

describe('buildBridge', () => {
  it('exposes exactly one function per contract method, frozen', () => {
    const bridge = buildBridge(async () => undefined);
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(bridgeMethods).sort());
    for (const fn of Object.values(bridge)) expect(typeof fn).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('forwards each method to its channel with at most one argument', async () => {
    const invoke = vi.fn(async (..._args: unknown[]) => 'ok');
    const bridge = buildBridge(invoke);
    await bridge.getSettings();
    expect(invoke).toHaveBeenLastCalledWith('settings:get');
    expect(invoke.mock.lastCall).toHaveLength(1);

    await bridge.setSettings({ silentPrint: true });
    expect(invoke).toHaveBeenLastCalledWith('settings:set', { silentPrint: true });

    // Extra arguments from a confused caller are not forwarded.
    await (bridge.saveFile as (...a: unknown[]) => Promise<unknown>)(
      { suggestedName: 'a.csv', content: '', encoding: 'utf8' },
      'extra',
    );
    expect(invoke.mock.lastCall).toEqual(['file:save', { suggestedName: 'a.csv', content: '', encoding: 'utf8' }]);

    await bridge.printHtml({ html: '<p>x</p>', pageSize: 'A4' });
    await bridge.printToPdf({ html: '<p>x</p>', pageSize: 'A4', suggestedName: 'x.pdf' });
    await bridge.appInfo();
    expect(invoke.mock.calls.map((c) => c[0])).toEqual([
      'settings:get',
      'settings:set',
      'file:save',
      'print:html',
      'print:pdf',
      'app:info',
    ]);
  });
});

describe('preload entry', () => {
  afterEach(() => vi.resetModules());

  it('exposes the bridge as window.desk and never ipcRenderer itself', async () => {
    await import('../../../electron/preload/index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('desk');
    expect(Object.keys(api).sort()).toEqual(Object.keys(bridgeMethods).sort());
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer.invoke);

    await (api['printHtml'] as (r: unknown) => Promise<unknown>)({ html: '<p/>', pageSize: 'A4' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('print:html', { html: '<p/>', pageSize: 'A4' });
  });
});
