import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultAppSettings } from '../../../shared/ipc/contract';
import { requestSchemas } from '../../../shared/ipc/contract';
import { registerAllHandlers, type MainServices } from '../../../electron/main/ipc/index';
import { createIpcRegistry } from '../../../electron/main/ipc/registry';
import { appInfoService, getAppInfo } from '../../../electron/main/services/appInfo';
import { resolveStartTarget, resolveUserDataDir, userDataPath } from '../../../electron/main/startup';
import { fakeIpcMain, mainFrameEvent } from './fakes';

describe('userDataPath', () => {
  it('is <appData>/DutyDesk regardless of product name', () => {
    expect(userDataPath('C:\\Users\\desk\\AppData\\Roaming', path.win32)).toBe(
      'C:\\Users\\desk\\AppData\\Roaming\\DutyDesk',
    );
    expect(userDataPath('/home/desk/.config', path.posix)).toBe('/home/desk/.config/DutyDesk');
  });
});

describe('resolveUserDataDir', () => {
  it('lets tests use a fresh profile in development only', () => {
    expect(resolveUserDataDir({ appDataDir: '/home/d/.config', isPackaged: false, override: '/tmp/profile-1' })).toBe(
      '/tmp/profile-1',
    );
    expect(resolveUserDataDir({ appDataDir: '/home/d/.config', isPackaged: true, override: '/tmp/profile-1' })).toBe(
      path.join('/home/d/.config', 'DutyDesk'),
    );
    expect(resolveUserDataDir({ appDataDir: '/home/d/.config', isPackaged: false, override: 'relative' })).toBe(
      path.join('/home/d/.config', 'DutyDesk'),
    );
    expect(resolveUserDataDir({ appDataDir: '/home/d/.config', isPackaged: false, override: undefined })).toBe(
      path.join('/home/d/.config', 'DutyDesk'),
    );
  });
});

describe('resolveStartTarget', () => {
  it('loads app://duty-desk in production and trusts only that origin', () => {
    expect(resolveStartTarget({ isPackaged: false, rendererUrl: undefined })).toEqual({
      isDev: false,
      startUrl: 'app://duty-desk/index.html',
      allowedOrigins: ['app://duty-desk'],
    });
  });

  it('uses the electron-vite dev server in development and trusts its origin too', () => {
    expect(resolveStartTarget({ isPackaged: false, rendererUrl: 'http://localhost:5173/' })).toEqual({
      isDev: true,
      startUrl: 'http://localhost:5173/',
      allowedOrigins: ['app://duty-desk', 'http://localhost:5173'],
    });
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app or when it is not a loopback http URL', () => {
    const prod = resolveStartTarget({ isPackaged: false, rendererUrl: undefined });
    expect(resolveStartTarget({ isPackaged: true, rendererUrl: 'http://localhost:5173/' })).toEqual(prod);
    expect(resolveStartTarget({ isPackaged: false, rendererUrl: 'https://evil.example/' })).toEqual(prod);
    expect(resolveStartTarget({ isPackaged: false, rendererUrl: 'file:///tmp/x.html' })).toEqual(prod);
    expect(resolveStartTarget({ isPackaged: false, rendererUrl: 'http://user@localhost:5173/' })).toEqual(prod);
    expect(resolveStartTarget({ isPackaged: false, rendererUrl: 'garbage' })).toEqual(prod);
  });
});

describe('getAppInfo', () => {
  it('reports versions without identifying the machine', () => {
    expect(
      getAppInfo({
        name: 'DutyDesk',
        version: '0.1.0',
        platform: 'win32',
        osRelease: '10.0.19045',
        arch: 'x64',
        versions: { electron: '45.4.1', chrome: '146.0.0.0' },
      }),
    ).toEqual({
      name: 'DutyDesk',
      version: '0.1.0',
      shell: 'electron',
      os: 'win32 10.0.19045 x64',
      runtime: 'Electron 45.4.1 / Chromium 146.0.0.0',
    });
    expect(
      getAppInfo({ name: 'a', version: '1', platform: 'linux', osRelease: '5', arch: 'arm64', versions: {} }).runtime,
    ).toBe('unknown');
  });
});

describe('registerAllHandlers', () => {
  it('serves every channel of the contract, end to end through the registry', async () => {
    const ipcMain = fakeIpcMain();
    const registry = createIpcRegistry({ ipcMain, appOrigin: 'app://duty-desk', log: () => {} });
    const services = {
      settings: { getSettings: vi.fn(() => defaultAppSettings), setSettings: vi.fn(() => defaultAppSettings) },
      hubConfig: { loadHubConfig: vi.fn(() => null), saveHubConfig: vi.fn() },
      files: {
        saveFile: vi.fn(async () => ({ saved: true as const, fileName: 'a.csv' })),
        saveBytes: vi.fn(),
        openPackageFolder: vi.fn(async () => ({ chosen: false as const, reason: 'canceled' as const })),
      },
      printing: {
        printHtml: vi.fn(async () => ({ printed: true as const })),
        printToPdf: vi.fn(async () => ({ saved: false as const, reason: 'canceled' as const })),
      },
      backups: {
        writeBackup: vi.fn(async () => ({ ok: false as const, code: 'ENOSPC' as const })),
        listBackups: vi.fn(async () => []),
        readBackup: vi.fn(async () => ''),
        backupStatus: vi.fn(async () => ({ dir: '/b', reachable: true, sameDiskAsData: false })),
        chooseBackupFolder: vi.fn(async () => ({ chosen: false as const })),
        loadBackupKey: vi.fn(() => null),
        saveBackupKey: vi.fn(),
        openBackup: vi.fn(async () => ({ ok: false as const, code: 'notBackup' as const })),
        readIntegrity: vi.fn(() => null),
        writeIntegrity: vi.fn(),
      },
      app: appInfoService(
        getAppInfo({
          name: 'DutyDesk',
          version: '0.1.0',
          platform: 'linux',
          osRelease: '6',
          arch: 'x64',
          versions: {},
        }),
      ),
    };
    registerAllHandlers(registry, services);
    expect(ipcMain.channels().sort()).toEqual(Object.keys(requestSchemas).sort());

    const ev = mainFrameEvent();
    await expect(ipcMain.invoke(ev, 'settings:get')).resolves.toEqual(defaultAppSettings);
    await ipcMain.invoke(ev, 'settings:set', { receiptLayout: 'thermal80' });
    expect(services.settings.setSettings).toHaveBeenCalledWith({ receiptLayout: 'thermal80' });
    await expect(
      ipcMain.invoke(ev, 'file:save', { suggestedName: 'a.csv', content: 'x', encoding: 'utf8' }),
    ).resolves.toEqual({
      saved: true,
      fileName: 'a.csv',
    });
    // A backup name must be one the desk makes: a path is refused before main sees it.
    await expect(ipcMain.invoke(ev, 'backup:write', { name: '../../etc/passwd', content: 'x' })).rejects.toThrow();
    await expect(
      ipcMain.invoke(ev, 'backup:write', {
        name: 'duty-desk-THL-k3Xw9aQe-20261124-173000-regular.ddbak',
        content: 'x',
      }),
    ).resolves.toEqual({ ok: false, code: 'ENOSPC' });
    await expect(ipcMain.invoke(ev, 'print:html', { html: '<p/>', pageSize: 'A4', silent: true })).resolves.toEqual({
      printed: true,
    });
    await ipcMain.invoke(ev, 'print:pdf', {
      html: '<p/>',
      pageSize: { widthMm: 80, heightMm: 100 },
      suggestedName: 'r.pdf',
    });
    expect(services.printing.printToPdf).toHaveBeenCalledWith({
      html: '<p/>',
      pageSize: { widthMm: 80, heightMm: 100 },
      suggestedName: 'r.pdf',
    });
    await expect(ipcMain.invoke(ev, 'app:info')).resolves.toMatchObject({ shell: 'electron', version: '0.1.0' });
  });

  it('fails at start when a contract channel has no service method, naming the channel', () => {
    const registry = createIpcRegistry({ ipcMain: fakeIpcMain(), appOrigin: 'app://duty-desk', log: () => {} });
    const services = {
      settings: { getSettings: () => defaultAppSettings, setSettings: () => defaultAppSettings },
      files: {
        saveFile: async () => ({ saved: true as const, fileName: 'a.csv' }),
        openPackageFolder: async () => ({ chosen: false as const, reason: 'canceled' as const }),
      },
      // printToPdf forgotten:
      printing: { printHtml: async () => ({ printed: true as const }) },
      app: appInfoService(
        getAppInfo({ name: 'a', version: '1', platform: 'linux', osRelease: '6', arch: 'x64', versions: {} }),
      ),
    } as unknown as MainServices;
    expect(() => registerAllHandlers(registry, services)).toThrow('ipc-missing-handlers: print:pdf');
  });

  it('refuses a path in a suggested file name before any service runs', async () => {
    const ipcMain = fakeIpcMain();
    const registry = createIpcRegistry({ ipcMain, appOrigin: 'app://duty-desk', log: () => {} });
    const saveFile = vi.fn();
    registry.handle('file:save', saveFile);
    await expect(
      ipcMain.invoke(mainFrameEvent(), 'file:save', {
        suggestedName: '..\\..\\Startup\\x.bat',
        content: 'x',
        encoding: 'utf8',
      }),
    ).rejects.toThrow('ipc-invalid-arguments');
    expect(saveFile).not.toHaveBeenCalled();
  });
});
