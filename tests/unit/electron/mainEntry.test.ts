// Exercises the thin entry electron/main/index.ts with 'electron' and 'electron-store' mocked:
// start-up order, what gets registered, and that the window is built from the secure factory.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestSchemas } from '../../../shared/ipc/contract';

type AnyFn = (...args: never[]) => unknown;

// The electron module's main-process side, from fakes.ts (dynamic import: vi.mock factories are hoisted).
const h = await vi.hoisted(async () => (await import('./fakes')).fakeElectronMain());

vi.mock('electron', () => ({ ...h.electron, default: h.electron }));
vi.mock('electron-store', () => ({
  default: class {
    data = new Map<string, unknown>();
    get(key: string) {
      return this.data.get(key);
    }
    set(key: string, value: unknown) {
      this.data.set(key, value);
    }
  },
}));

async function boot() {
  await import('../../../electron/main/index');
  await vi.waitFor(() => expect(h.windows.length).toBeGreaterThan(0));
}

describe('main entry', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.clearAllMocks();
    h.order.length = 0;
    h.windows.length = 0;
    h.ipcHandlers.clear();
    h.appListeners.clear();
    h.electron.app.lock = true;
    vi.stubEnv('ELECTRON_RENDERER_URL', '');
    vi.stubEnv('DUTY_DESK_USER_DATA_DIR', '');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('fixes userData and the app locale before taking the single-instance lock, and registers the scheme before ready', async () => {
    await boot();
    expect(h.electron.app.setPath).toHaveBeenCalledWith('userData', '/fake/appData/DutyDesk');
    expect(h.order.slice(0, 6)).toEqual([
      'setPath:userData',
      'switch:lang=zh-CN',
      'lock',
      'enableSandbox',
      'registerSchemes',
      'whenReady',
    ]);
    expect(h.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('quits without starting when another instance holds the lock', async () => {
    h.electron.app.lock = false;
    await import('../../../electron/main/index');
    expect(h.electron.app.quit).toHaveBeenCalled();
    expect(h.electron.app.whenReady).not.toHaveBeenCalled();
  });

  it('serves app://, denies permissions, registers every channel and opens the secure window', async () => {
    await boot();
    expect(h.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...h.ipcHandlers.keys()].sort()).toEqual(Object.keys(requestSchemas).sort());
    expect(h.electron.ipcMain.removeAllListeners).toHaveBeenCalledWith('electron-store-get-data');

    for (const s of [h.defaultSession, h.printSession]) {
      const onRequest = s.setPermissionRequestHandler.mock.calls[0]?.[0] as AnyFn | undefined;
      const callback = vi.fn();
      (onRequest as unknown as (wc: unknown, p: string, cb: (ok: boolean) => void) => void)({}, 'media', callback);
      expect(callback).toHaveBeenCalledWith(false);
      const onCheck = s.setPermissionCheckHandler.mock.calls[0]?.[0] as unknown as (wc: unknown, p: string) => boolean;
      expect(onCheck({}, 'geolocation')).toBe(false);
    }

    const win = h.windows[0];
    expect(win?.options).toMatchObject({
      title: '社区值班台',
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        devTools: false,
      },
    });
    expect(String((win?.options['webPreferences'] as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(win?.loadURL).toHaveBeenCalledWith('app://duty-desk/index.html');
    expect(h.electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it('focuses the existing window on a second instance and hardens every new WebContents', async () => {
    await boot();
    h.appListeners.get('second-instance')?.();
    expect(h.windows[0]?.restore).toHaveBeenCalled();
    expect(h.windows[0]?.focus).toHaveBeenCalled();

    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    h.appListeners.get('web-contents-created')?.({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on.mock.calls.map((c) => c[0])).toContain('will-navigate');
  });

  it('loads the dev server and allows DevTools when electron-vite dev sets ELECTRON_RENDERER_URL', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    await boot();
    expect(h.windows[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(h.windows[0]?.options).toMatchObject({ webPreferences: { devTools: true } });
    expect(h.electron.Menu.setApplicationMenu).not.toHaveBeenCalled();
  });
});
