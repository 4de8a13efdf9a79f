/**
 * Printing and PDF rendering of HTML documents (receipts, reports) produced by the renderer.
 *
 * A job always ends with a result, never a hang or a throw: printed, canceled, or failed with a
 * reason that names no person (Chromium's reason, 'timeout', 'window-closed', 'load-failed');
 * a PDF that cannot be rendered is the code 'pdf-render-failed'.
 *
 * Each job gets its own hidden window (options from window.ts: sandboxed, JavaScript off,
 * in-memory session), which is destroyed when the job ends — whether it printed, was
 * canceled, failed or threw. Jobs never reuse windows, so one document can't leak into the next.
 *
 * Page sizes: the contract speaks millimetres. Electron wants microns for `print()` and inches
 * for `printToPDF()` — two different units for the same option name, hence two converters.
 *
 * Large documents: Chromium refuses URLs longer than 2 MiB, so a document whose data: URL
 * would exceed that is written to a private temp file (injected), loaded from there and
 * deleted in the same `finally` that destroys the window.
 */
import type {
  AppSettings,
  PrintHtmlRequest,
  PrintPdfRequest,
  PrintResult,
  SaveResult,
} from '../../../shared/ipc/contract';
import { DeskError } from '../errors';
import type { FilesService } from './files';

/** 'A4' or a custom size in millimetres, as the contract defines it. */
export type PageSize = PrintHtmlRequest['pageSize'];

export type ElectronPrintPageSize = 'A4' | { width: number; height: number };

export type PrintOptions = {
  silent: boolean;
  deviceName?: string;
  pageSize: ElectronPrintPageSize;
  printBackground: true;
};

export type PdfOptions = { pageSize: ElectronPrintPageSize; printBackground: true };

/** The parts of a BrowserWindow a print job uses. */
export type HiddenPrintWindow = {
  loadURL(url: string): Promise<void>;
  loadFile(filePath: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
  webContents: {
    /** 'destroyed': the window went away (closed by the OS, the app quitting) mid-job. */
    once(event: 'destroyed', listener: () => void): unknown;
    print(options: PrintOptions, callback: (success: boolean, failureReason: string) => void): void;
    printToPDF(options: PdfOptions): Promise<Uint8Array>;
  };
};

export type TempHtmlFiles = {
  write(html: string): Promise<string>;
  remove(filePath: string): Promise<void>;
};

export type PrintingDeps = {
  createHiddenWindow: () => HiddenPrintWindow;
  getSettings: () => AppSettings;
  files: Pick<FilesService, 'saveBytes'>;
  tempFiles: TempHtmlFiles;
  /** A silent job to a dead printer may never call back; give up after this long. */
  silentTimeoutMs?: number;
  log: (line: string) => void;
};

export type PrintingService = {
  printHtml(request: PrintHtmlRequest): Promise<PrintResult>;
  printToPdf(request: PrintPdfRequest): Promise<SaveResult>;
};

/** Chromium's url::kMaxURLChars (2 MiB), with margin. */
export const MAX_DATA_URL_CHARS = 2 * 1024 * 1024 - 1024;
export const DEFAULT_SILENT_TIMEOUT_MS = 120_000;
const MICRONS_PER_MM = 1000;
const MM_PER_INCH = 25.4;

/** Page size for `webContents.print` (custom sizes in microns). */
export function toPrintPageSize(size: PageSize): ElectronPrintPageSize {
  if (size === 'A4') return 'A4';
  return { width: Math.round(size.widthMm * MICRONS_PER_MM), height: Math.round(size.heightMm * MICRONS_PER_MM) };
}

/** Page size for `webContents.printToPDF` (custom sizes in inches). */
export function toPdfPageSize(size: PageSize): ElectronPrintPageSize {
  if (size === 'A4') return 'A4';
  return { width: size.widthMm / MM_PER_INCH, height: size.heightMm / MM_PER_INCH };
}

export function htmlDataUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

/** Chromium reports a user cancel as "Print job canceled" (older builds: "cancelled"). */
export function isCancelReason(reason: string): boolean {
  return /cancel+ed/i.test(reason);
}

/** GTK save dialogs (UOS/Kylin) don't add the filter's extension; make sure it is there. */
export function withExtension(fileName: string, ext: string): string {
  return fileName.toLowerCase().endsWith(`.${ext}`) ? fileName : `${fileName}.${ext}`;
}

export function createPrintingService(deps: PrintingDeps): PrintingService {
  const silentTimeoutMs = deps.silentTimeoutMs ?? DEFAULT_SILENT_TIMEOUT_MS;

  /** Runs `job` against a freshly loaded hidden window, always cleaning up afterwards. */
  const withDocument = async <T>(html: string, job: (win: HiddenPrintWindow) => Promise<T>): Promise<T> => {
    let win: HiddenPrintWindow | null = null;
    let tempPath: string | null = null;
    try {
      win = deps.createHiddenWindow();
      const url = htmlDataUrl(html);
      if (url.length <= MAX_DATA_URL_CHARS) {
        await win.loadURL(url);
      } else {
        tempPath = await deps.tempFiles.write(html);
        await win.loadFile(tempPath);
      }
      return await job(win);
    } finally {
      if (win && !win.isDestroyed()) win.destroy();
      if (tempPath !== null) {
        await deps.tempFiles.remove(tempPath).catch(() => deps.log('print temp file not removed'));
      }
    }
  };

  const print = (win: HiddenPrintWindow, options: PrintOptions): Promise<PrintResult> =>
    new Promise<PrintResult>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      if (options.silent) {
        timer = setTimeout(() => resolve({ printed: false, reason: 'failed', message: 'timeout' }), silentTimeoutMs);
      }
      let settled = false;
      const done = (result: PrintResult): void => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        resolve(result);
      };
      try {
        // Electron calls back (false, 'Print job failed') when the window is destroyed mid-job;
        // should a release lose that callback, the job must still end (a dialog job has no timer).
        win.webContents.once('destroyed', () => done({ printed: false, reason: 'failed', message: 'window-closed' }));
        win.webContents.print(options, (success, failureReason) => {
          if (success) done({ printed: true });
          else if (isCancelReason(failureReason)) done({ printed: false, reason: 'canceled' });
          // Chromium's reasons ("Invalid deviceName provided"…) name no person: safe to pass on.
          else done({ printed: false, reason: 'failed', message: failureReason });
        });
      } catch (error) {
        done({ printed: false, reason: 'failed', message: error instanceof Error ? error.message : 'print-error' });
      }
    });

  return {
    async printHtml(request) {
      const settings = deps.getSettings();
      // Silent only makes sense with a known printer; without one, show the system dialog
      // rather than guessing the OS default (which is often a PDF/fax driver at a desk PC).
      const silent = (request.silent ?? settings.silentPrint) && settings.printerName !== null;
      const options: PrintOptions = {
        silent,
        pageSize: toPrintPageSize(request.pageSize),
        printBackground: true,
        ...(settings.printerName !== null ? { deviceName: settings.printerName } : {}),
      };
      try {
        const result = await withDocument(request.html, (win) => print(win, options));
        if (!result.printed) deps.log(`print not done reason=${result.reason}`);
        return result;
      } catch {
        deps.log('print failed reason=load-or-render');
        return { printed: false, reason: 'failed', message: 'load-failed' };
      }
    },

    async printToPdf(request) {
      let pdf: Uint8Array;
      try {
        // The window is gone before the save dialog opens: no document lingers while the
        // user picks a folder.
        pdf = await withDocument(request.html, (win) =>
          win.webContents.printToPDF({ pageSize: toPdfPageSize(request.pageSize), printBackground: true }),
        );
      } catch {
        deps.log('pdf failed reason=render');
        throw new DeskError('pdf-render-failed');
      }
      return deps.files.saveBytes({
        suggestedName: withExtension(request.suggestedName, 'pdf'),
        data: pdf,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
    },
  };
}
