/**
 * THE typed channel map between the renderer and the Electron main process.
 *
 * Every channel is named `domain:verb`. Main-process handlers, the preload bridge and the
 * browser implementation are all typed from this file, so a channel that is not listed here
 * does not compile. Runtime validation of each request lives in `./schemas.ts`, keyed by the
 * same channel names.
 */
import type { z } from 'zod';
import type {
  appSettingsPatchSchema,
  printHtmlRequestSchema,
  printPdfRequestSchema,
  saveFileRequestSchema,
} from './schemas';

/** Machine-level settings kept by electron-store in main (localStorage in the browser). */
export type AppSettings = {
  /** Printer to use for silent printing; null = ask with the system dialog. */
  printerName: string | null;
  /** Print receipts straight to `printerName` without a dialog. */
  silentPrint: boolean;
  /** Default receipt layout at this window. */
  receiptLayout: 'a4' | 'thermal80';
  /** Folder for automatic backups outside IndexedDB; null = the app's default folder. */
  backupDir: string | null;
};

export const defaultAppSettings: AppSettings = {
  printerName: null,
  silentPrint: false,
  receiptLayout: 'a4',
  backupDir: null,
};

export type AppSettingsPatch = z.infer<typeof appSettingsPatchSchema>;
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;
export type PrintHtmlRequest = z.infer<typeof printHtmlRequestSchema>;
export type PrintPdfRequest = z.infer<typeof printPdfRequestSchema>;

/**
 * Result of an action the user may cancel in a system dialog. `handed-to-print-dialog`: the
 * browser build cannot write a PDF itself; it opened the system print dialog, where the user
 * picks 另存为 PDF.
 */
export type SaveResult =
  { saved: true; fileName: string } | { saved: false; reason: 'canceled' | 'handed-to-print-dialog' };

export type PrintResult = { printed: true } | { printed: false; reason: 'canceled' | 'failed'; message?: string };

export type AppInfo = {
  name: string;
  version: string;
  /** Which implementation of the bridge is answering. */
  shell: 'electron' | 'browser';
  /** Operating system family, for support only. */
  os: string;
  /** Electron / Chromium versions where known. */
  runtime: string;
};

/**
 * Channel → request/response. `void` request means the call takes no argument.
 */
export type IpcContract = {
  /** Read all machine-level settings. */
  'settings:get': { request: void; response: AppSettings };
  /** Merge a validated patch into the settings; returns the settings now in force. */
  'settings:set': { request: AppSettingsPatch; response: AppSettings };
  /** Ask where to save, then write the file (text as UTF-8, binary as base64). */
  'file:save': { request: SaveFileRequest; response: SaveResult };
  /** Print an HTML document: system dialog, or silently to the configured printer. */
  'print:html': { request: PrintHtmlRequest; response: PrintResult };
  /** Render an HTML document to PDF and save it where the user chooses. */
  'print:pdf': { request: PrintPdfRequest; response: SaveResult };
  /** Name, version and shell of the running app. */
  'app:info': { request: void; response: AppInfo };
};

export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = IpcContract[C]['request'];
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];

/** The bridge's method names, one per channel (the preload exposes exactly these). */
export const bridgeMethods = {
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  saveFile: 'file:save',
  printHtml: 'print:html',
  printToPdf: 'print:pdf',
  appInfo: 'app:info',
} as const satisfies Record<string, Channel>;

export type BridgeMethod = keyof typeof bridgeMethods;

type BridgeFn<C extends Channel> =
  RequestOf<C> extends void ? () => Promise<ResponseOf<C>> : (request: RequestOf<C>) => Promise<ResponseOf<C>>;

/** What the renderer sees as `window.desk` (Electron) or the browser stand-in. */
export type DeskBridge = { [M in BridgeMethod]: BridgeFn<(typeof bridgeMethods)[M]> };
