import { describe, expect, it, vi } from 'vitest';
import {
  createMainWindow,
  focusExistingWindow,
  MIN_HEIGHT,
  MIN_WIDTH,
  printWindowOptions,
  windowOptions,
} from '../../../electron/main/window';
import { fakeMainWindow } from './fakes';

describe('windowOptions', () => {
  const prod = windowOptions({ preloadPath: '/app/out/preload/index.cjs', isDev: false });
  const dev = windowOptions({ preloadPath: '/app/out/preload/index.cjs', isDev: true });

  it('isolates and sandboxes the renderer', () => {
    expect(prod.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('enables DevTools only in development', () => {
    expect(prod.webPreferences?.devTools).toBe(false);
    expect(dev.webPreferences?.devTools).toBe(true);
    // Everything else is identical between dev and prod.
    expect({ ...dev.webPreferences, devTools: false }).toEqual(prod.webPreferences);
  });

  it('has the Chinese title, a usable minimum size and stays hidden until ready', () => {
    expect(prod.title).toBe('社区值班台');
    expect(prod.minWidth).toBe(1024);
    expect(prod.minHeight).toBe(700);
    expect([MIN_WIDTH, MIN_HEIGHT]).toEqual([1024, 700]);
    expect(prod.show).toBe(false);
  });
});

describe('printWindowOptions', () => {
  it('is hidden, sandboxed, script-free and in its own in-memory session', () => {
    const options = printWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      javascript: false,
      devTools: false,
    });
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(options.webPreferences?.partition).toMatch(/^(?!persist:)/);
  });
});

const fakeWindow = fakeMainWindow;

describe('createMainWindow', () => {
  it('builds the window from windowOptions, loads the start URL and shows on ready-to-show', () => {
    const { win, listeners } = fakeWindow();
    const factory = vi.fn((_options: unknown) => win);
    const result = createMainWindow({
      createBrowserWindow: factory,
      preloadPath: '/p/index.cjs',
      isDev: false,
      startUrl: 'app://duty-desk/index.html',
    });
    expect(result).toBe(win);
    expect(factory).toHaveBeenCalledWith(windowOptions({ preloadPath: '/p/index.cjs', isDev: false }));
    expect(win.loadURL).toHaveBeenCalledWith('app://duty-desk/index.html');
    expect(win.show).not.toHaveBeenCalled();
    listeners.get('ready-to-show')?.();
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('reports a failed load instead of leaving an unhandled rejection', async () => {
    const { win } = fakeWindow();
    win.loadURL.mockRejectedValueOnce(new Error('ERR_FILE_NOT_FOUND'));
    const onLoadError = vi.fn();
    createMainWindow({
      createBrowserWindow: () => win,
      preloadPath: 'x',
      isDev: false,
      startUrl: 'app://duty-desk/index.html',
      onLoadError,
    });
    await vi.waitFor(() => expect(onLoadError).toHaveBeenCalledTimes(1));
  });
});

describe('focusExistingWindow', () => {
  it('restores a minimized window, shows a hidden one, then focuses', () => {
    const { win, calls } = fakeWindow({ minimized: true, visible: false });
    focusExistingWindow(win);
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('only focuses a normal window and tolerates no window', () => {
    const { win, calls } = fakeWindow();
    focusExistingWindow(win);
    expect(calls).toEqual(['focus']);
    expect(() => focusExistingWindow(null)).not.toThrow();
  });
});
