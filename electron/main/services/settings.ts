/**
 * Machine-level settings (printer, silent printing, receipt layout, backup folder) over an
 * injected key/value store — electron-store in production, a Map in tests.
 *
 * Invariants: reads always return a complete, valid AppSettings (a hand-edited or corrupted
 * value falls back to its default instead of reaching the renderer); writes accept only a
 * patch that passes the contract schema, and return the settings now in force. The backup
 * folder is not in that patch: only main sets it (`setBackupDir`, from the folder dialog's
 * answer checked by services/backups.ts), never a path a page sends.
 */
import { appSettingsPatchSchema, defaultAppSettings, storedAppSettingsSchema } from '../../../shared/ipc/contract';
import type { AppSettings, AppSettingsPatch } from '../../../shared/ipc/contract';
import { DeskError } from '../errors';

export type SettingsStore = {
  get(key: keyof AppSettings): unknown;
  set<K extends keyof AppSettings>(key: K, value: AppSettings[K]): void;
};

export type SettingsService = {
  getSettings(): AppSettings;
  setSettings(patch: AppSettingsPatch): AppSettings;
  /** Main only (not a channel): the backup folder main's folder dialog chose and checked; null = the default. */
  setBackupDir(dir: string | null): AppSettings;
};

const KEYS = Object.keys(defaultAppSettings) as (keyof AppSettings)[];
const fieldSchemas = storedAppSettingsSchema.shape;

export function createSettingsService(store: SettingsStore): SettingsService {
  const getSettings = (): AppSettings => {
    const settings: Record<string, unknown> = {};
    for (const key of KEYS) {
      // `.unwrap()` removes .partial()'s optional: undefined means "missing", use the default.
      const parsed = fieldSchemas[key].unwrap().safeParse(store.get(key));
      settings[key] = parsed.success ? parsed.data : defaultAppSettings[key];
    }
    return settings as AppSettings;
  };

  return {
    getSettings,
    setSettings(patch) {
      // The IPC wrapper already validated; main-internal callers get the same guarantee.
      const parsed = appSettingsPatchSchema.safeParse(patch);
      if (!parsed.success) throw new DeskError('settings-invalid');
      const valid: Partial<AppSettings> = parsed.data;
      for (const key of KEYS) {
        if (Object.hasOwn(valid, key) && valid[key] !== undefined) {
          store.set(key, valid[key] as AppSettings[typeof key]);
        }
      }
      return getSettings();
    },
    setBackupDir(dir) {
      if (!fieldSchemas.backupDir.unwrap().safeParse(dir).success) throw new DeskError('settings-invalid');
      store.set('backupDir', dir);
      return getSettings();
    },
  };
}
