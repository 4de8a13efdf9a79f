/**
 * Main-process entry: lifecycle and wiring only. All decisions live in pure, tested modules
 * (startup, protocol, security, window, ipc/*, services/*); this file is the thin layer that
 * hands them Electron's objects.
 *
 * Order matters and is why this file is shaped the way it is:
 * 1. userData is fixed BEFORE anything reads it (the single-instance lock and electron-store
 *    both live there), so product renames never move the data.
 * 2. The single-instance lock comes next: a second desk window on the same profile would
 *    race the first on IndexedDB.
 * 3. The app:// scheme must be registered as privileged before 'ready'.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import type { Session } from 'electron';
import Store from 'electron-store';
import {
  mkdir,
  mkdtemp,
  open,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultAppSettings } from '../../shared/ipc/contract';
import type { AppSettings } from '../../shared/ipc/contract';
import { PACKAGE_FOLDER_DIALOG, pickFolderWith } from './dialogs';
import { registerAllHandlers } from './ipc/index';
import { createIpcRegistry } from './ipc/registry';
import { APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { hardenWebContents, isPermissionAllowed } from './security';
import { cspHeader, cspMeta, ELECTRON_CSP_PARAMS } from './csp';
import { createHubConfigService } from './services/hubConfig';
import { appInfoService, getAppInfo } from './services/appInfo';
import { createBackupsService, quitTimeBackup } from './services/backups';
import { createFilesService } from './services/files';
import { createKeyVault, openVaultStore } from './services/keyVault';
import { createPrintingService } from './services/printing';
import { createSettingsService } from './services/settings';
import { APP_LOCALE, APP_USER_MODEL_ID, resolveStartTarget, resolveUserDataDir } from './startup';
import { createMainWindow, focusExistingWindow, PRINT_PARTITION, printWindowOptions } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');
const log = (line: string): void => console.warn(`[duty-desk] ${line}`);

app.setPath(
  'userData',
  resolveUserDataDir({
    appDataDir: app.getPath('appData'),
    isPackaged: app.isPackaged,
    override: process.env['DUTY_DESK_USER_DATA_DIR'],
  }),
);

app.commandLine.appendSwitch('lang', APP_LOCALE);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function denyPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  target.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  target.setDevicePermissionHandler(() => false);
}

function start(): void {
  const target = resolveStartTarget({ isPackaged: app.isPackaged, rendererUrl: process.env['ELECTRON_RENDERER_URL'] });
  let mainWindow: BrowserWindow | null = null;

  // Sandbox every renderer, even one created with options that forgot to ask for it.
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  app.setAppUserModelId(APP_USER_MODEL_ID);

  app.on('second-instance', () => focusExistingWindow(mainWindow));
  // Every WebContents, including ones we did not expect to create, gets the same denials.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, target.allowedOrigins));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    if (!target.isDev) Menu.setApplicationMenu(null); // no reload/DevTools accelerators at the desk

    // The center's hub (issue 24): its config OS-encrypted beside the settings; its origin, kept in
    // clear, is the one address the CSP's connect-src adds (header and the page's <meta>).
    const hubConfig = createHubConfigService({
      safeStorage,
      store: new Store<Record<string, unknown>>({ name: 'hub-config', clearInvalidConfig: true }),
      log,
    });
    const cspParams = () => ({ ...ELECTRON_CSP_PARAMS, syncHubOrigin: hubConfig.hubOrigin() });
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({
        rootDir: rendererDir,
        readFile: (p) => readFile(p),
        csp: () => cspHeader(cspParams()),
        metaCsp: () => cspMeta(cspParams()),
      }),
    );
    denyPermissions(session.defaultSession);
    denyPermissions(session.fromPartition(PRINT_PARTITION));

    const store = new Store<AppSettings>({ name: 'settings', defaults: defaultAppSettings, clearInvalidConfig: true });
    // electron-store installs an unvalidated sync IPC listener for renderer-side stores; we
    // never use one, and all IPC must go through the registry.
    ipcMain.removeAllListeners('electron-store-get-data');
    const settings = createSettingsService({
      get: (key) => store.get(key),
      // One key as an object: electron-store's (key, value) overloads do not resolve over a generic key.
      set: (key, value) => store.set({ [key]: value }),
    });

    const files = createFilesService({
      showSaveDialog: (options) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
      writeFile: (filePath, data) => writeFile(filePath, data),
      defaultDir: app.getPath('documents'),
      pickPackageFolder: pickFolderWith(
        (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
        PACKAGE_FOLDER_DIALOG,
      ),
      listDir: async (dir) =>
        Promise.all(
          (await readdir(dir, { withFileTypes: true })).map(async (e) => ({
            name: e.name,
            isFile: e.isFile(),
            size: e.isFile() ? (await stat(path.join(dir, e.name))).size : 0,
          })),
        ),
      readText: (filePath) => readFile(filePath, 'utf8'),
    });

    const printing = createPrintingService({
      createHiddenWindow: () => new BrowserWindow(printWindowOptions()),
      getSettings: () => settings.getSettings(),
      files,
      tempFiles: {
        async write(html) {
          const dir = await mkdtemp(path.join(os.tmpdir(), 'duty-desk-print-'));
          const file = path.join(dir, 'document.html');
          await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
          return file;
        },
        remove: (file) => rm(path.dirname(file), { recursive: true, force: true }),
      },
      log,
    });

    // Backups: files in the chosen folder; the machine's backup keys encrypted by the OS
    // (safeStorage); the wipe-detection record beside the settings (outside IndexedDB).
    const vaultFile = path.join(app.getPath('userData'), 'backup-key.json');
    const vaultStore = openVaultStore({
      open: () => new Store<Record<string, unknown>>({ name: 'backup-key', clearInvalidConfig: false }),
      setFileAside: () => renameSync(vaultFile, `${vaultFile}.unreadable-${Date.now()}`),
      log,
    });
    const integrityStore = new Store<Record<string, unknown>>({ name: 'integrity', clearInvalidConfig: true });
    ipcMain.removeAllListeners('electron-store-get-data');
    const backups = createBackupsService({
      fs: {
        mkdir: (dir, o) => mkdir(dir, o),
        open: (file, flags) => open(file, flags),
        rename: (from, to) => rename(from, to),
        unlink: (file) => unlink(file),
        readdir: (dir) => readdir(dir),
        stat: (file) => stat(file),
        readFile: (file, encoding) => readFile(file, encoding),
        realpath: (file) => realpath(file),
      },
      chosenDir: () => settings.getSettings().backupDir,
      defaultDir: path.join(app.getPath('userData'), 'backups'),
      dataDir: app.getPath('userData'),
      vault: createKeyVault({ safeStorage, store: vaultStore, log }),
      integrity: { get: () => integrityStore.get('record'), set: (record) => integrityStore.set('record', record) },
      pickFolder: pickFolderWith((options) =>
        mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
      ),
      setChosenDir: (dir) => void settings.setBackupDir(dir),
      platform: process.platform,
      systemDrive: process.env['SystemDrive'],
    });

    // A folder kept by an earlier version is checked before the page can back up into it.
    void backups.checkChosenFolder().then((refused) => {
      if (refused) log(`backup folder refused at start (${refused}): the default folder is used`);
    });

    const registry = createIpcRegistry({
      ipcMain,
      appOrigin: APP_ORIGIN,
      allowedOrigins: target.allowedOrigins,
      log,
    });
    registerAllHandlers(registry, {
      hubConfig,
      settings,
      files,
      backups,
      printing,
      app: appInfoService(
        getAppInfo({
          name: app.getName(),
          version: app.getVersion(),
          platform: process.platform,
          osRelease: os.release(),
          arch: process.arch,
          versions: process.versions,
        }),
      ),
    });

    mainWindow = createMainWindow({
      createBrowserWindow: (options) => new BrowserWindow(options),
      preloadPath,
      isDev: target.isDev,
      startUrl: target.startUrl,
      onLoadError: () => log('main window failed to load'),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    // Closing the window is how the desk quits: the renderer first makes a last backup
    // (window.dutyDeskQuitBackup), within 15 s; then the window really closes. `before-quit`
    // (app.quit from elsewhere) and the OS ending the session go the same way.
    let backedUp = false;
    const lastBackupThen = (done: () => void) => {
      const contents = mainWindow?.webContents;
      if (backedUp || !contents) return done();
      backedUp = true;
      void quitTimeBackup(() => contents.executeJavaScript('window.dutyDeskQuitBackup?.()'), 15_000).then((outcome) => {
        log(`quit-time backup: ${outcome}`);
        done();
      });
    };
    mainWindow.on('close', (event) => {
      if (backedUp) return;
      event.preventDefault();
      lastBackupThen(() => mainWindow?.destroy());
    });
    app.on('before-quit', (event) => {
      if (backedUp || !mainWindow) return;
      event.preventDefault();
      lastBackupThen(() => app.quit());
    });
    mainWindow.on('session-end', () => lastBackupThen(() => undefined));
  });
}
