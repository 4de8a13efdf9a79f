/**
 * The browser implementation of the bridge, so the whole app runs (and is tested end to end)
 * in a plain browser: settings and the wipe-detection record in localStorage, files and
 * backups as downloads, printing through a hidden print view and `window.print()`.
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
  type PrintHtmlRequest,
} from '@shared/ipc/contract';

const SETTINGS_KEY = 'duty-desk.settings';
const INTEGRITY_KEY = 'duty-desk.integrity';

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

export function browserBridge(storage: Storage = window.localStorage, doc: Document = document): DeskBridge {
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
    async readIntegrity() {
      try {
        const parsed = integrityRecordSchema.safeParse(JSON.parse(storage.getItem(INTEGRITY_KEY) ?? 'null'));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    async writeIntegrity(record) {
      storage.setItem(INTEGRITY_KEY, JSON.stringify(integrityRecordSchema.parse(record)));
    },
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
