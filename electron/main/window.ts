/**
 * The one window factory. Every BrowserWindow the app opens gets its options from here, so
 * the security-relevant webPreferences are set (and unit-tested) in exactly one place.
 *
 * Invariants: contextIsolation on, sandbox on, Node off, <webview> off, DevTools only in
 * development; the print window additionally runs with JavaScript disabled in a throwaway
 * in-memory session. No 'electron' import: callers pass the BrowserWindow constructor in.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = '社区值班台';
export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 700;
/** In-memory partition (no "persist:" prefix) so print jobs never share storage with the app. */
export const PRINT_PARTITION = 'duty-desk-print';

export type WindowOptionsInput = { preloadPath: string; isDev: boolean };

export function windowOptions({ preloadPath, isDev }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1366,
    height: 860,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    // Shown on 'ready-to-show' to avoid a white flash at the desk.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      devTools: isDev,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

/** Options for the hidden window that renders one print job (see services/printing.ts). */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 800,
    height: 1100,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      // Print templates are static HTML; no script may run while personal data is on screen.
      javascript: false,
      devTools: false,
      spellcheck: false,
      partition: PRINT_PARTITION,
      navigateOnDragDrop: false,
    },
  };
}

/** The part of BrowserWindow the factory uses. */
export type WindowLike = {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isVisible(): boolean;
  loadURL(url: string): Promise<void>;
};

export type CreateMainWindowDeps<W extends WindowLike> = {
  createBrowserWindow: (options: BrowserWindowConstructorOptions) => W;
  preloadPath: string;
  isDev: boolean;
  /** app://duty-desk/index.html, or the electron-vite dev server URL in development. */
  startUrl: string;
  onLoadError?: (error: unknown) => void;
};

export function createMainWindow<W extends WindowLike>(deps: CreateMainWindowDeps<W>): W {
  const win = deps.createBrowserWindow(windowOptions({ preloadPath: deps.preloadPath, isDev: deps.isDev }));
  win.once('ready-to-show', () => win.show());
  win.loadURL(deps.startUrl).catch((error: unknown) => deps.onLoadError?.(error));
  return win;
}

/** Bring the existing window forward when a second instance is started. */
export function focusExistingWindow(win: WindowLike | null): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
