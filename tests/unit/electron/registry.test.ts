import { describe, expect, it, vi } from 'vitest';
import { defaultAppSettings } from '../../../shared/ipc/contract';
import type { Channel } from '../../../shared/ipc/contract';
import { DeskError } from '../../../electron/main/errors';
import { createIpcRegistry, IPC_ERRORS } from '../../../electron/main/ipc/registry';
import type { FrameLike } from '../../../electron/main/ipc/registry';
import { fakeIpcMain, mainFrameEvent, subFrameEvent } from './fakes';

function setup(allowedOrigins?: string[]) {
  const ipcMain = fakeIpcMain();
  const log = vi.fn<(line: string) => void>();
  const registry = createIpcRegistry({
    ipcMain,
    appOrigin: 'app://duty-desk',
    log,
    ...(allowedOrigins ? { allowedOrigins } : {}),
  });
  const setSettings = vi.fn(async (patch: object) => ({ ...defaultAppSettings, ...patch }));
  registry.handle('settings:set', setSettings);
  return { ipcMain, log, registry, setSettings };
}

describe('ipc registry: registration', () => {
  it('refuses to register a channel that is not in the contract', () => {
    const { registry, ipcMain } = setup();
    expect(() => registry.handle('shell:exec' as Channel, async () => defaultAppSettings as never)).toThrow(
      /ipc-unknown-channel/,
    );
    expect(() => registry.handle('__proto__' as Channel, async () => defaultAppSettings as never)).toThrow(
      /ipc-unknown-channel/,
    );
    expect(ipcMain.channels()).toEqual(['settings:set']);
  });

  it('an unregistered name never reaches a handler', async () => {
    const { ipcMain, setSettings } = setup();
    await expect(ipcMain.invoke(mainFrameEvent(), 'shell:exec', 'rm -rf /')).rejects.toThrow(/No handler/);
    expect(setSettings).not.toHaveBeenCalled();
  });

  it('refuses a second handler for the same channel', () => {
    const { registry } = setup();
    expect(() => registry.handle('settings:set', async () => defaultAppSettings)).toThrow(/duplicate/);
  });

  it('dispose removes its handlers', async () => {
    const { registry, ipcMain } = setup();
    registry.dispose();
    expect(ipcMain.channels()).toEqual([]);
    expect(registry.registered()).toEqual([]);
  });
});

describe('ipc registry: calls', () => {
  it('accepts a valid call from the app main frame and passes the parsed request', async () => {
    const { ipcMain, setSettings } = setup();
    const result = await ipcMain.invoke(mainFrameEvent(), 'settings:set', { silentPrint: true });
    expect(result).toEqual({ ...defaultAppSettings, silentPrint: true });
    expect(setSettings).toHaveBeenCalledWith({ silentPrint: true }, { senderOrigin: 'app://duty-desk' });
  });

  it('rejects a sender from a foreign origin', async () => {
    const { ipcMain, setSettings, log } = setup();
    for (const url of [
      'https://evil.example/',
      'file:///C:/x.html',
      'app://other/index.html',
      'about:blank',
      'http://localhost:5173/',
    ]) {
      await expect(ipcMain.invoke(mainFrameEvent(url), 'settings:set', { silentPrint: true })).rejects.toThrow(
        IPC_ERRORS.untrustedOrigin,
      );
    }
    expect(setSettings).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('ipc rejected channel=settings:set reason=ipc-untrusted-origin');
  });

  it('accepts the dev-server origin only when it is explicitly allowed', async () => {
    const { ipcMain } = setup(['http://localhost:5173']);
    await expect(ipcMain.invoke(mainFrameEvent('http://localhost:5173/'), 'settings:set', {})).resolves.toEqual(
      defaultAppSettings,
    );
    await expect(ipcMain.invoke(mainFrameEvent('http://localhost:5174/'), 'settings:set', {})).rejects.toThrow(
      IPC_ERRORS.untrustedOrigin,
    );
  });

  it('rejects a sub-frame sender even from the app origin', async () => {
    const { ipcMain, setSettings } = setup();
    await expect(ipcMain.invoke(subFrameEvent(), 'settings:set', {})).rejects.toThrow(IPC_ERRORS.untrustedFrame);
    expect(setSettings).not.toHaveBeenCalled();
  });

  it('rejects a destroyed frame, and a frame that is not the sender page main frame', async () => {
    const { ipcMain } = setup();
    const destroyed = { ...mainFrameEvent(), senderFrame: null };
    await expect(ipcMain.invoke(destroyed, 'settings:set', {})).rejects.toThrow(IPC_ERRORS.untrustedFrame);

    const stranger: FrameLike = { url: 'app://duty-desk/index.html', parent: null };
    const mismatched = {
      sender: { mainFrame: { url: 'app://duty-desk/index.html', parent: null } },
      senderFrame: stranger,
    };
    await expect(ipcMain.invoke(mismatched, 'settings:set', {})).rejects.toThrow(IPC_ERRORS.untrustedFrame);

    const gone = {
      senderFrame: stranger,
      get sender(): never {
        throw new Error('Object has been destroyed');
      },
    };
    await expect(ipcMain.invoke(gone, 'settings:set', {})).rejects.toThrow(IPC_ERRORS.untrustedFrame);
  });

  it('rejects bad arguments without logging them', async () => {
    const { ipcMain, setSettings, log } = setup();
    const secret = '430102199001011234';
    const bad: unknown[][] = [
      [{ printerName: 42 }],
      [{ silentPrint: 'yes' }],
      [{ unknownKey: secret }],
      ['not an object'],
      [{}, 'extra argument'],
    ];
    for (const args of bad) {
      await expect(ipcMain.invoke(mainFrameEvent(), 'settings:set', ...args)).rejects.toThrow(
        IPC_ERRORS.invalidArguments,
      );
    }
    expect(setSettings).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(bad.length);
    for (const [line] of log.mock.calls) expect(line).not.toContain(secret);
  });

  it('rejects an argument on a channel that takes none', async () => {
    const ipcMain = fakeIpcMain();
    const registry = createIpcRegistry({ ipcMain, appOrigin: 'app://duty-desk', log: () => {} });
    registry.handle('settings:get', () => defaultAppSettings);
    await expect(ipcMain.invoke(mainFrameEvent(), 'settings:get')).resolves.toEqual(defaultAppSettings);
    await expect(ipcMain.invoke(mainFrameEvent(), 'settings:get', { x: 1 })).rejects.toThrow(
      IPC_ERRORS.invalidArguments,
    );
  });

  it('turns handler failures into safe codes (no message, no path)', async () => {
    const ipcMain = fakeIpcMain();
    const log = vi.fn<(line: string) => void>();
    const registry = createIpcRegistry({ ipcMain, appOrigin: 'app://duty-desk', log });
    let failure: unknown = new DeskError('invalid-base64');
    registry.handle('settings:get', () => {
      throw failure;
    });
    await expect(ipcMain.invoke(mainFrameEvent(), 'settings:get')).rejects.toThrow(/^invalid-base64$/);

    failure = Object.assign(new Error("ENOSPC: no space left, write 'C:\\Users\\张三\\Documents\\居民.xlsx'"), {
      code: 'ENOSPC',
    });
    await expect(ipcMain.invoke(mainFrameEvent(), 'settings:get')).rejects.toThrow(/^ipc-handler-failed:ENOSPC$/);

    failure = new Error('居民 张三 身份证 430102199001011234');
    await expect(ipcMain.invoke(mainFrameEvent(), 'settings:get')).rejects.toThrow(/^ipc-handler-failed$/);

    for (const [line] of log.mock.calls) {
      expect(line).not.toMatch(/张三|Users|4301/);
    }
  });
});
