// Test doubles for Electron objects used by several electron/main tests (no 'electron' import).
import { vi } from 'vitest';
import type { FrameLike, InvokeEventLike, IpcMainLike } from '../../../electron/main/ipc/registry';
import type { HardenableContents } from '../../../electron/main/security';
import type { HiddenPrintWindow, PdfOptions, PrintOptions } from '../../../electron/main/services/printing';
import type { WindowLike } from '../../../electron/main/window';
import { createKeyVault } from '../../../electron/main/services/keyVault';
import type { BackupFs } from '../../../electron/main/services/backups';
import { mkdir, open, readdir, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

/** Behaves like ipcMain + ipcRenderer.invoke: routes by channel, rejects unknown channels. */
export function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike & {
    invoke(event: InvokeEventLike, channel: string, ...args: unknown[]): Promise<unknown>;
    channels(): string[];
  } = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
    async invoke(event, channel, ...args) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(event, ...args);
    },
    channels: () => [...handlers.keys()],
  };
  return ipcMain;
}

/** An invoke event from a page's main frame at `url`. */
export function mainFrameEvent(url = 'app://duty-desk/index.html'): InvokeEventLike {
  const mainFrame: FrameLike = { url, parent: null };
  return { sender: { mainFrame }, senderFrame: mainFrame };
}

/** An invoke event from an iframe inside a page served from `parentUrl`. */
export function subFrameEvent(
  url = 'app://duty-desk/frame.html',
  parentUrl = 'app://duty-desk/index.html',
): InvokeEventLike {
  const mainFrame: FrameLike = { url: parentUrl, parent: null };
  return { sender: { mainFrame }, senderFrame: { url, parent: mainFrame } };
}

// ---------------------------------------------------------------------------------------------
// Electron objects the services depend on, behaving as Electron documents them (checked against
// electronjs.org/docs/latest/api: safe-storage, dialog, web-contents). Each double records what
// it was asked; none imports 'electron'.

/**
 * safeStorage. `isEncryptionAvailable()` is false before 'ready', on Linux without a secret key,
 * on macOS without the Keychain; `encryptString` then throws. `decryptString` throws when it
 * cannot decrypt (another OS key: a reset keyring or profile password, a copied folder), which
 * `osKeyChanged()` simulates. `getSelectedStorageBackend()` (Linux) is 'basic_text' when no
 * secret store exists: the text is then "encrypted" with a hard-coded password.
 */
export function fakeSafeStorage(
  init: { available?: boolean; backend?: 'basic_text' | 'gnome_libsecret' | 'kwallet5' | 'unknown' } = {},
) {
  let available = init.available ?? true;
  let osKey = 'os-key-1';
  const encryptString = vi.fn((plainText: string): Buffer => {
    if (!available)
      throw new Error(
        'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
      );
    return Buffer.from(`${osKey}:${Buffer.from(plainText, 'utf8').toString('base64')}`, 'utf8');
  });
  const decryptString = vi.fn((encrypted: Buffer): string => {
    if (!available)
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.',
      );
    const [key, body] = encrypted.toString('utf8').split(':');
    if (key !== osKey || body === undefined) {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
    return Buffer.from(body, 'base64').toString('utf8');
  });
  return {
    isEncryptionAvailable: vi.fn(() => available),
    encryptString,
    decryptString,
    getSelectedStorageBackend: vi.fn(() => init.backend ?? 'gnome_libsecret'),
    /** The OS key is gone (keyring reset, folder copied to another PC): old ciphertexts fail. */
    osKeyChanged() {
      osKey = `${osKey}'`;
    },
    setAvailable(value: boolean) {
      available = value;
    },
  };
}

/** A key/value store like electron-store's get/set (the part the services use). */
export function fakeStore(initial: Record<string, unknown> = {}) {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    get: vi.fn((key: string) => data.get(key)),
    set: vi.fn((key: string, value: unknown) => void data.set(key, value)),
    data,
  };
}

/**
 * The backup key vault as main builds it (keyVault.ts over safeStorage and an electron-store),
 * on the fakes above; `ringText()` reads what it holds as the OS would decrypt it (null: none).
 */
export function fakeVault(init: Parameters<typeof fakeSafeStorage>[0] = {}) {
  const safeStorage = fakeSafeStorage(init);
  const store = fakeStore();
  const vault = createKeyVault({ safeStorage, store, log: () => undefined, now: () => 1_700_000_000_000 });
  return {
    ...vault,
    safeStorage,
    store,
    ringText(): string | null {
      const read = vault.load();
      return read.state === 'ok' ? read.text : null;
    },
  };
}

/** dialog.showSaveDialog's answer when canceled: `filePath` is documented as '' (older: undefined). */
export const SAVE_DIALOG_CANCELED = { canceled: true, filePath: '' } as const;
/** dialog.showOpenDialog's answer when canceled. */
export const OPEN_DIALOG_CANCELED = { canceled: true, filePaths: [] as string[] } as const;

/** dialog.showSaveDialog: resolves with the answers given, in order (the last one repeats). */
export function fakeSaveDialog(...answers: { canceled: boolean; filePath?: string }[]) {
  let i = 0;
  return vi.fn(async (_options: { defaultPath: string; title?: string; filters?: unknown[] }) => {
    const answer = answers[Math.min(i++, answers.length - 1)] ?? SAVE_DIALOG_CANCELED;
    return { ...answer };
  });
}

/** dialog.showOpenDialog: resolves with the answers given, in order (the last one repeats). */
export function fakeOpenDialog(...answers: { canceled: boolean; filePaths: string[] }[]) {
  let i = 0;
  return vi.fn(async (_options: { title?: string; properties?: string[] }) => {
    const answer = answers[Math.min(i++, answers.length - 1)] ?? OPEN_DIALOG_CANCELED;
    return { canceled: answer.canceled, filePaths: [...answer.filePaths] };
  });
}

/**
 * How a print job ends, as webContents.print's callback reports it: (true, '') printed;
 * (false, 'Print job canceled') the dialog was canceled; (false, 'Print job failed') or another
 * reason ('Invalid deviceName provided'…); 'throw': print() throws synchronously (bad options, or
 * the WebContents is already destroyed: "Object has been destroyed"); 'never': no callback (a silent
 * job to a dead printer); 'closed': the window is destroyed mid-print — Electron then calls back
 * (false, 'Print job failed') for the unfinished job and emits 'destroyed'; 'closed-silently':
 * destroyed with no callback at all (older Electron releases lost it).
 */
export type PrintOutcome = { success: boolean; reason: string } | 'throw' | 'never' | 'closed' | 'closed-silently';

/** A hidden print window (BrowserWindow + its webContents) as services/printing.ts uses it. */
export function fakePrintWindow(
  outcome: PrintOutcome = { success: true, reason: '' },
  opts: { loadFails?: boolean; pdf?: 'ok' | 'rejects' | 'closed' } = {},
) {
  let destroyed = false;
  const destroyedListeners: (() => void)[] = [];
  const destroy = vi.fn(() => {
    if (destroyed) throw new Error('Object has been destroyed');
    destroyed = true;
    for (const listener of destroyedListeners.splice(0)) listener();
  });
  const alive = () => {
    if (destroyed) throw new Error('Object has been destroyed');
  };
  type PrintCallback = (success: boolean, failureReason: string) => void;
  const win = {
    loadURL: vi.fn(async (_url: string) => {
      alive();
      if (opts.loadFails) throw new Error('ERR_FAILED (-2) loading data:');
    }),
    loadFile: vi.fn(async (_path: string) => {
      alive();
      if (opts.loadFails) throw new Error('ERR_FILE_NOT_FOUND (-6)');
    }),
    destroy,
    isDestroyed: () => destroyed,
    webContents: {
      once: vi.fn((event: 'destroyed', listener: () => void) => {
        if (event === 'destroyed') destroyedListeners.push(listener);
      }),
      print: vi.fn((_options: PrintOptions, callback: PrintCallback) => {
        alive();
        if (outcome === 'throw') throw new Error('Invalid pageSize');
        if (outcome === 'never') return;
        setTimeout(() => {
          if (outcome === 'closed') {
            // The unfinished job is reported as the print manager goes, then 'destroyed'.
            callback(false, 'Print job failed');
            destroy();
            return;
          }
          if (outcome === 'closed-silently') return destroy();
          callback(outcome.success, outcome.reason);
        }, 0);
      }),
      printToPDF: vi.fn(async (_options: PdfOptions): Promise<Uint8Array> => {
        alive();
        if (opts.pdf === 'rejects') throw new Error('Failed to generate PDF');
        if (opts.pdf === 'closed') {
          destroy();
          throw new Error('Failed to generate PDF: render frame is gone');
        }
        return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
      }),
    },
  } satisfies HiddenPrintWindow;
  return win;
}

type ContentsListener = (...args: never[]) => void;

/** A WebContents as hardenWebContents sees it: its listeners and window-open handler, fired by hand. */
export function fakeContents() {
  const listeners = new Map<string, ContentsListener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents = {
    on: (event: string, listener: ContentsListener) => {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) => {
      openHandler = handler;
    },
  } as unknown as HardenableContents;
  const fire = (event: string, ...args: unknown[]) => {
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no listener for ${event}`);
    (listener as (...a: unknown[]) => void)(...args);
  };
  return { contents, fire, openHandler: () => openHandler };
}

/** The main window as createMainWindow / focusExistingWindow use it. */
export function fakeMainWindow(state: { minimized?: boolean; visible?: boolean } = {}) {
  const listeners = new Map<string, () => void>();
  const calls: string[] = [];
  const win = {
    once: vi.fn((event: string, listener: () => void) => void listeners.set(event, listener)),
    show: vi.fn(() => void calls.push('show')),
    focus: vi.fn(() => void calls.push('focus')),
    restore: vi.fn(() => void calls.push('restore')),
    isMinimized: () => state.minimized ?? false,
    isVisible: () => state.visible ?? true,
    loadURL: vi.fn(async (_url: string) => {}),
  } satisfies WindowLike;
  return { win, listeners, calls };
}

/**
 * The 'electron' module as electron/main/index.ts uses it at start (mainEntry.test.ts): app with
 * the start-up order recorded, BrowserWindow, ipcMain, protocol, sessions, dialog, Menu and a
 * safeStorage that is not available (as before 'ready').
 */
export function fakeElectronMain() {
  const order: string[] = [];
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const windows: FakeWindow[] = [];
  const ipcHandlers = new Map<string, unknown>();

  class FakeWindow {
    options: Record<string, unknown>;
    listeners = new Map<string, () => void>();
    loadURL = vi.fn(async (_url: string) => {});
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => true);
    isVisible = vi.fn(() => true);
    constructor(options: Record<string, unknown>) {
      this.options = options;
      windows.push(this);
    }
    once(event: string, listener: () => void) {
      this.listeners.set(event, listener);
    }
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener);
    }
  }

  const fakeSession = () => ({
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  });
  const defaultSession = fakeSession();
  const printSession = fakeSession();

  const electron = {
    app: {
      isPackaged: false,
      lock: true,
      setPath: vi.fn((name: string, _value: string) => void order.push(`setPath:${name}`)),
      getPath: vi.fn((name: string) => `/fake/${name}`),
      commandLine: {
        appendSwitch: vi.fn((name: string, value?: string) => void order.push(`switch:${name}=${value ?? ''}`)),
      },
      requestSingleInstanceLock: vi.fn(() => {
        order.push('lock');
        return electron.app.lock;
      }),
      quit: vi.fn(),
      on: vi.fn((event: string, listener: (...args: unknown[]) => void) => void appListeners.set(event, listener)),
      whenReady: vi.fn(() => {
        order.push('whenReady');
        return Promise.resolve();
      }),
      setAppUserModelId: vi.fn(),
      enableSandbox: vi.fn(() => void order.push('enableSandbox')),
      getName: () => 'DutyDesk',
      getVersion: () => '0.1.0',
    },
    BrowserWindow: FakeWindow,
    dialog: {
      showSaveDialog: fakeSaveDialog(SAVE_DIALOG_CANCELED),
      showOpenDialog: fakeOpenDialog(OPEN_DIALOG_CANCELED),
    },
    ipcMain: {
      handle: vi.fn((channel: string, listener: unknown) => void ipcHandlers.set(channel, listener)),
      removeHandler: vi.fn(),
      removeAllListeners: vi.fn(),
    },
    Menu: { setApplicationMenu: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => void order.push('registerSchemes')),
      handle: vi.fn(),
    },
    session: { defaultSession, fromPartition: vi.fn(() => printSession) },
    // Not available, as before 'ready' (the vault reads it only on the renderer's first call).
    safeStorage: fakeSafeStorage({ available: false }),
  };
  return { order, appListeners, windows, ipcHandlers, electron, defaultSession, printSession };
}

/** The 'electron' module as the sandboxed preload sees it (contextBridge, ipcRenderer). */
export function fakePreloadElectron() {
  return {
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]) => 'answer'), send: vi.fn(), on: vi.fn() },
  };
}

/** The backups service's file system as main gives it: node:fs/promises itself (tests use a temp folder). */
export const nodeBackupFs: BackupFs = {
  mkdir: (d, o) => mkdir(d, o),
  open: (f, flags) => open(f, flags),
  rename: (a, b) => rename(a, b),
  unlink: (f) => unlink(f),
  readdir: (d) => readdir(d),
  stat: (f) => stat(f),
  readFile: (f, e) => readFile(f, e),
  realpath: (f) => realpath(f),
};
