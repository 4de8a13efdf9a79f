/**
 * THE channel map between the renderer and the Electron main process: one entry per channel,
 * named `domain:verb`, holding everything the rest is derived from —
 * - `request`: the zod schema main validates every call with (and the request type);
 * - `response`: the response type (for the compiler only);
 * - `method`: the bridge method the renderer calls (`window.desk.<method>` in Electron, the
 *   browser stand-in in a plain browser) and the method of the main service that answers;
 * - `service`: which main service answers (`MainServices` below is typed from this table).
 * Adding a channel therefore touches three places: its entry here, the method of its main
 * service (electron/main/services), and the browser implementation (renderer/src/platform/
 * browser.ts). The preload bridge, argument validation and handler registration follow, and a
 * contract channel without a handler still fails at start (electron/main/ipc/index.ts).
 *
 * Keep schema limits tight: a renderer bug or a compromised page must not be able to make main
 * write anywhere or allocate without bound.
 */
import { z } from 'zod';
import { hubConfigSchema, type HubConfigInput } from '../sync/hubConfig';
import { backupKeyRecordSchema, type BackupKeyRecord } from '../backup/format';
import {
  backupWriteRequestSchema,
  backupOpenRequestSchema,
  integrityRecordSchema,
  type BackupWriteResult,
  type BackupListEntry,
  type ChooseFolderResult,
  type BackupStatus,
  type BackupOpenResult,
  type IntegrityRecord,
  backupNameSchema,
} from './backupChannels';
import { appSettingsPatchSchema, type AppSettings } from './settings';

// The backup messages live in backupChannels.ts, the settings' in settings.ts; kept importable from here.
export * from './backupChannels';

export {
  appSettingsPatchSchema,
  defaultAppSettings,
  storedAppSettingsSchema,
  type AppSettings,
  type AppSettingsPatch,
} from './settings';

const MAX_DOCUMENT_CHARS = 5_000_000;

/** A plain file name: no folders, no reserved characters (Windows rules, the strictest). */
const fileNameSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/, 'file name must not contain a path or reserved characters')
  .refine((n) => n !== '.' && n !== '..', 'file name must not be . or ..');

const pageSizeSchema = z.union([
  z.literal('A4'),
  z.object({ widthMm: z.number().min(40).max(420), heightMm: z.number().min(40).max(3000) }).strict(),
]);

export const saveFileRequestSchema = z
  .object({
    suggestedName: fileNameSchema,
    content: z.string().max(MAX_DOCUMENT_CHARS * 2),
    encoding: z.enum(['utf8', 'base64']),
    filters: z
      .array(
        z
          .object({ name: z.string().max(60), extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).max(8) })
          .strict(),
      )
      .max(8)
      .optional(),
  })
  .strict();

export const printHtmlRequestSchema = z
  .object({
    html: z.string().min(1).max(MAX_DOCUMENT_CHARS),
    pageSize: pageSizeSchema,
    /** true: print without a dialog to the configured printer (if one is set). */
    silent: z.boolean().optional(),
  })
  .strict();

export const printPdfRequestSchema = z
  .object({
    html: z.string().min(1).max(MAX_DOCUMENT_CHARS),
    pageSize: pageSizeSchema,
    suggestedName: fileNameSchema,
  })
  .strict();

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

/** A folder of report packages as read by main: each file's base name and UTF-8 text. */
export type PackageFolderResult =
  | { chosen: false; reason: 'canceled' | 'unsupported' }
  | { chosen: true; files: { name: string; text: string }[]; skipped: { name: string; reason: string }[] };

/** What main reads of a package folder: the JSON files only, each at most `maxBytes`, at most `maxFiles`. */
export const PACKAGE_FOLDER_LIMITS = { maxFiles: 500, maxBytes: 20 * 1024 * 1024 } as const;

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

/** A response type carried by the contract for the compiler only (no runtime value). */
function returns<T>(): T {
  return undefined as T;
}

export const CONTRACT = {
  /** Read all machine-level settings. */
  'settings:get': {
    service: 'settings',
    method: 'getSettings',
    request: z.undefined(),
    response: returns<AppSettings>(),
  },
  /** Merge a validated patch into the settings; returns the settings now in force. */
  'settings:set': {
    service: 'settings',
    method: 'setSettings',
    request: appSettingsPatchSchema,
    response: returns<AppSettings>(),
  },
  /** Ask where to save, then write the file (text as UTF-8, binary as base64). */
  'file:save': {
    service: 'files',
    method: 'saveFile',
    request: saveFileRequestSchema,
    response: returns<SaveResult>(),
  },
  /**
   * 周报接收 (issue 27, a street install in Electron): choose a folder in a system dialog and read
   * every report package in it (`*.json`, at most PACKAGE_FOLDER_LIMITS) — names and texts only;
   * the folder's path never reaches the page.
   */
  'files:openPackageFolder': {
    service: 'files',
    method: 'openPackageFolder',
    request: z.undefined(),
    response: returns<PackageFolderResult>(),
  },
  /** Print an HTML document: system dialog, or silently to the configured printer. */
  'print:html': {
    service: 'printing',
    method: 'printHtml',
    request: printHtmlRequestSchema,
    response: returns<PrintResult>(),
  },
  /** Render an HTML document to PDF and save it where the user chooses. */
  'print:pdf': {
    service: 'printing',
    method: 'printToPdf',
    request: printPdfRequestSchema,
    response: returns<SaveResult>(),
  },
  /** Store a sealed backup file atomically in the backup folder, then trim it by retention. */
  'backup:write': {
    service: 'backups',
    method: 'writeBackup',
    request: backupWriteRequestSchema,
    response: returns<BackupWriteResult>(),
  },
  /** The backup files in the folder, newest first. */
  'backup:list': {
    service: 'backups',
    method: 'listBackups',
    request: z.undefined(),
    response: returns<BackupListEntry[]>(),
  },
  /** The text of one backup file of the folder. */
  'backup:read': {
    service: 'backups',
    method: 'readBackup',
    request: z.object({ name: backupNameSchema }).strict(),
    response: returns<string>(),
  },
  /** The folder in use, whether it is reachable and whether it shares the disk with the data. */
  'backup:status': {
    service: 'backups',
    method: 'backupStatus',
    request: z.undefined(),
    response: returns<BackupStatus>(),
  },
  /**
   * Choose the backup folder (a system folder dialog): the answer is kept in the settings only if
   * it is an existing, writable folder that is not a system folder (`refused` says why not).
   */
  'backup:chooseFolder': {
    service: 'backups',
    method: 'chooseBackupFolder',
    request: z.undefined(),
    response: returns<ChooseFolderResult>(),
  },
  /**
   * This machine's OWN backup key (what the renderer seals new backups with), kept encrypted by
   * the OS; null before the first backup. Never the keys of other machines' backups.
   */
  'backup:keyLoad': {
    service: 'backups',
    method: 'loadBackupKey',
    request: z.undefined(),
    response: returns<BackupKeyRecord | null>(),
  },
  /** Makes this the machine's own key; the previous own key is kept (its backups still open). */
  'backup:keySave': {
    service: 'backups',
    method: 'saveBackupKey',
    request: backupKeyRecordSchema,
    response: returns<void>(),
  },
  /**
   * Opens (decrypts and verifies) a backup file in main, with the machine's keys or the
   * passphrase given; a key the passphrase unlocked is kept in main. Returns the header and
   * the tables, never a key.
   */
  'backup:open': {
    service: 'backups',
    method: 'openBackup',
    request: backupOpenRequestSchema,
    response: returns<BackupOpenResult>(),
  },
  /** Wipe detection: the record of what the database held, kept outside IndexedDB. */
  'integrity:get': {
    service: 'backups',
    method: 'readIntegrity',
    request: z.undefined(),
    response: returns<IntegrityRecord | null>(),
  },
  'integrity:set': {
    service: 'backups',
    method: 'writeIntegrity',
    request: integrityRecordSchema,
    response: returns<void>(),
  },
  /**
   * How this desk reaches its center's hub (issue 24): kept by main, OS-encrypted (the password
   * with it); null when none is kept or it no longer decrypts (the admin enters it again).
   */
  'hub:configLoad': {
    service: 'hubConfig',
    method: 'loadHubConfig',
    request: z.undefined(),
    response: returns<HubConfigInput | null>(),
  },
  /** Keeps (or, with null, forgets) the hub config; main then names the hub's origin in the CSP. */
  'hub:configSave': {
    service: 'hubConfig',
    method: 'saveHubConfig',
    request: hubConfigSchema.nullable(),
    response: returns<void>(),
  },
  /** Name, version and shell of the running app. */
  'app:info': { service: 'app', method: 'appInfo', request: z.undefined(), response: returns<AppInfo>() },
} as const satisfies Record<
  `${string}:${string}`,
  { service: string; method: string; request: z.ZodType; response: unknown }
>;

type Contract = typeof CONTRACT;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.infer<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = Contract[C]['response'];
export type ServiceName = Contract[Channel]['service'];

export const CHANNELS = Object.keys(CONTRACT) as Channel[];

/** The argument schema of every channel. */
export const requestSchemas = Object.fromEntries(CHANNELS.map((c) => [c, CONTRACT[c].request])) as {
  [C in Channel]: Contract[C]['request'];
};

/** Bridge method name → channel (the preload exposes exactly these). */
export const bridgeMethods = Object.fromEntries(CHANNELS.map((c) => [CONTRACT[c].method, c])) as {
  [C in Channel as Contract[C]['method']]: C;
};

// Two channels with one method name would silently become one bridge method: refuse at load.
if (Object.keys(bridgeMethods).length !== CHANNELS.length)
  throw new Error('ipc contract: bridge method names must be unique');

export type BridgeMethod = keyof typeof bridgeMethods;

type BridgeFn<C extends Channel> =
  RequestOf<C> extends undefined ? () => Promise<ResponseOf<C>> : (request: RequestOf<C>) => Promise<ResponseOf<C>>;

/** What the renderer sees as `window.desk` (Electron) or the browser stand-in. */
export type DeskBridge = { [C in Channel as Contract[C]['method']]: BridgeFn<C> };

/** What main must provide: for each service, the method answering each of its channels. */
export type MainServices = {
  [S in ServiceName]: {
    [C in Channel as Contract[C]['service'] extends S ? Contract[C]['method'] : never]: (
      request: RequestOf<C>,
    ) => ResponseOf<C> | Promise<ResponseOf<C>>;
  };
};
