/**
 * The browser implementation of the bridge, so the whole app runs (and is tested end to end)
 * in a plain browser: settings in localStorage, the wipe-detection record in a file of the
 * Origin Private File System (and localStorage), files and backups as downloads, printing
 * through a hidden print view and `window.print()`.
 */
import {
  appSettingsPatchSchema,
  storedAppSettingsSchema,
  backupWriteRequestSchema,
  integrityRecordSchema,
  defaultAppSettings,
  printHtmlRequestSchema,
  saveFileRequestSchema,
  type AppSettings,
  type DeskBridge,
  type IntegrityRecord,
  type PrintHtmlRequest,
} from '@shared/ipc/contract';

import { loadBrowserHubConfig, saveBrowserHubConfig } from './browserHubConfig';

const SETTINGS_KEY = 'duty-desk.settings';
/** Where the browser build keeps the wipe record: a localStorage key and a file of the origin's private file system. */
export const INTEGRITY_KEY = 'duty-desk.integrity';
export const INTEGRITY_FILE = 'duty-desk-integrity.json';

/** The origin's private file system (OPFS), where the browser has one. */
export type PrivateFiles = () => Promise<FileSystemDirectoryHandle>;

function originPrivateFiles(): PrivateFiles | null {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  return storage && typeof storage.getDirectory === 'function' ? () => storage.getDirectory() : null;
}

function parseIntegrity(text: string | null): IntegrityRecord | null {
  try {
    const parsed = integrityRecordSchema.safeParse(JSON.parse(text ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The wipe-detection record (issue 22 item 15). localStorage alone lagged: Chromium writes it
 * to disk lazily (seconds), so a kill dropped the newest counts. The record is now also a file
 * in the origin's private file system — outside IndexedDB's LevelDB, in the profile's own
 * "File System" folder — written and closed before the write resolves (a closed file survives
 * a kill of the browser; the crash loop measures what is left). Writes run one at a time in
 * order, so an older record never lands after a newer one. Reading takes the newer of the two.
 */
function integrityStore(storage: Storage, files: PrivateFiles | null) {
  let queue: Promise<void> = Promise.resolve();
  const writeFile = async (text: string) => {
    if (!files) return;
    const dir = await files();
    const handle = await dir.getFileHandle(INTEGRITY_FILE, { create: true });
    const writable = await handle.createWritable();
    try {
      await writable.write(text);
    } finally {
      await writable.close();
    }
  };
  const readFile = async (): Promise<IntegrityRecord | null> => {
    if (!files) return null;
    try {
      const handle = await (await files()).getFileHandle(INTEGRITY_FILE);
      return parseIntegrity(await (await handle.getFile()).text());
    } catch {
      return null; // no file yet
    }
  };
  return {
    async read(): Promise<IntegrityRecord | null> {
      const [file, local] = [await readFile(), parseIntegrity(storage.getItem(INTEGRITY_KEY))];
      if (!file || !local) return file ?? local;
      return local.updatedAt > file.updatedAt ? local : file;
    },
    write(record: IntegrityRecord): Promise<void> {
      const text = JSON.stringify(integrityRecordSchema.parse(record));
      storage.setItem(INTEGRITY_KEY, text);
      const done = queue.then(() => writeFile(text));
      queue = done.catch(() => undefined);
      return done;
    },
  };
}

/** Hands a file to the browser's downloads. */
function download(doc: Document, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function readSettings(storage: Storage): AppSettings {
  try {
    const raw = storage.getItem(SETTINGS_KEY);
    const parsed = storedAppSettingsSchema.safeParse(raw ? JSON.parse(raw) : {});
    return { ...defaultAppSettings, ...(parsed.success ? parsed.data : {}) };
  } catch {
    return { ...defaultAppSettings };
  }
}

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function pageCss(pageSize: PrintHtmlRequest['pageSize']): string {
  const size = pageSize === 'A4' ? 'A4' : `${pageSize.widthMm}mm ${pageSize.heightMm}mm`;
  // Size only, and placed before the template's own styles, so its margins still apply.
  return `<style>@page { size: ${size}; }</style>`;
}

const PRINT_FRAME_ATTR = 'data-print-frame';

/**
 * Empties and removes every print view still in the page (锁屏: no resident's data may stay in
 * the DOM behind the lock, even a frame whose print dialog has not returned yet).
 */
export function clearPrintFrames(doc: Document = document): void {
  for (const frame of doc.querySelectorAll<HTMLIFrameElement>(`iframe[${PRINT_FRAME_ATTR}]`)) {
    frame.srcdoc = '';
    frame.remove();
  }
}

/** Prints HTML through a hidden same-origin iframe (the print view). */
function printInFrame(
  doc: Document,
  html: string,
  pageSize: PrintHtmlRequest['pageSize'],
  title?: string,
): Promise<void> {
  return new Promise((resolve) => {
    const frame = doc.createElement('iframe');
    frame.setAttribute(PRINT_FRAME_ATTR, '');
    frame.setAttribute('aria-hidden', 'true');
    frame.title = '打印预览';
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    frame.srcdoc = html.replace(/<head>/i, `<head>${pageCss(pageSize)}`);
    const previous = doc.activeElement as HTMLElement | null;
    frame.addEventListener('load', () => {
      const win = frame.contentWindow;
      if (win) {
        if (title) win.document.title = title;
        win.focus();
        // print() returns when the dialog closes; then give the keyboard back to the page
        // so the clerk's next shortcut (F2 …) reaches the app, not the print frame.
        win.print();
      }
      frame.remove();
      previous?.focus();
      resolve();
    });
    doc.body.appendChild(frame);
  });
}

export function browserBridge(
  storage: Storage = window.localStorage,
  doc: Document = document,
  files: PrivateFiles | null = originPrivateFiles(),
): DeskBridge {
  const integrity = integrityStore(storage, files);
  return {
    async getSettings() {
      return readSettings(storage);
    },
    async setSettings(patch) {
      const valid = appSettingsPatchSchema.parse(patch);
      const next = { ...readSettings(storage), ...valid };
      storage.setItem(SETTINGS_KEY, JSON.stringify(next));
      return next;
    },
    async saveFile(request) {
      const req = saveFileRequestSchema.parse(request);
      const blob =
        req.encoding === 'base64'
          ? new Blob([base64ToBytes(req.content)])
          : new Blob([req.content], { type: 'text/plain' });
      download(doc, blob, req.suggestedName);
      return { saved: true, fileName: req.suggestedName };
    },
    // Backups: the browser has no folder of its own — each backup is a download (the desk
    // reminds the clerk when none was saved today) and a restore picks the file.
    async writeBackup(request) {
      const req = backupWriteRequestSchema.parse(request);
      try {
        download(doc, new Blob([req.content], { type: 'application/octet-stream' }), req.name);
      } catch {
        return { ok: false, code: 'OTHER' };
      }
      return { ok: true, name: req.name, removed: [] };
    },
    async listBackups() {
      return [];
    },
    async readBackup() {
      throw new Error('the browser build restores from a file the clerk picks');
    },
    // The browser build picks package files with a file input (multiple); no folder dialog here.
    async openPackageFolder() {
      return { chosen: false, reason: 'unsupported' } as const;
    },
    async chooseBackupFolder() {
      return { chosen: false }; // downloads go where the browser puts them
    },
    async backupStatus() {
      return { dir: '浏览器的下载文件夹', reachable: true, sameDiskAsData: true };
    },
    // The browser build keeps its backup keys inside WebCrypto (platform/backupKeys.ts) and
    // opens backups in the page: there is no main to hold or use a raw key, so these three are
    // never called there.
    async loadBackupKey() {
      return null;
    },
    async saveBackupKey() {
      throw new Error('the browser build keeps its backup key in WebCrypto');
    },
    async openBackup() {
      throw new Error('the browser build opens backups with its WebCrypto keys');
    },
    // The hub config: sealed under a non-extractable WebCrypto key in this origin (browserHubConfig.ts).
    loadHubConfig: () => loadBrowserHubConfig(),
    saveHubConfig: (config) => saveBrowserHubConfig(config),
    readIntegrity: () => integrity.read(),
    writeIntegrity: (record) => integrity.write(record),
    async printHtml(request) {
      const req = printHtmlRequestSchema.parse(request);
      await printInFrame(doc, req.html, req.pageSize);
      return { printed: true };
    },
    async printToPdf(request) {
      await printInFrame(doc, request.html, request.pageSize, request.suggestedName.replace(/\.pdf$/i, ''));
      return { saved: false, reason: 'handed-to-print-dialog' };
    },
    async appInfo() {
      const chrome = /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1];
      return {
        name: '社区值班台',
        version: __APP_VERSION__,
        shell: 'browser',
        os: navigator.platform,
        runtime: chrome ? `Chromium ${chrome}` : navigator.userAgent,
      };
    },
  };
}
