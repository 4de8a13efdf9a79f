/**
 * Where this machine keeps how it reaches its center's hub (issue 24: contract.ts `HubConfig`):
 * in its own electron-store file beside the settings, the whole config (with the desk's hub
 * password) encrypted by the OS (safeStorage), like the backup key (keyVault.ts) — never in
 * IndexedDB, never in the replicated data, never in plain text:
 * - OS encryption unavailable: save refuses ('hub-config-store-unavailable'), nothing written;
 * - a stored config that does not decrypt (the OS key changed, a copied folder) or is not a valid
 *   config reads as none, and says so in the log: the admin enters the hub password again (the
 *   hub keeps the data, nothing else is lost — unlike a backup key, so no set-aside is needed);
 * - the hub's ORIGIN is kept beside it in clear (it is not secret) so main can put it in the
 *   CSP's connect-src at start, before 'ready', when safeStorage cannot decrypt yet.
 * `onOriginChange` is told the origin (or null) after every save: main rebuilds the CSP with it.
 * No 'electron' import: tests use the fakes of tests/unit/electron/fakes.ts.
 */
import { hubConfigProblem, hubConfigSchema, hubOrigin, type HubConfigInput } from '../../../shared/sync/hubConfig';
import { DeskError } from '../errors';
import type { SafeStorageLike, VaultStore } from './keyVault';

export const HUB_CONFIG_ERRORS = {
  invalid: 'hub-config-invalid',
  unavailable: 'hub-config-store-unavailable',
} as const;

const SEALED = 'sealed';
const ORIGIN = 'origin';

export type HubConfigService = {
  loadHubConfig(): HubConfigInput | null;
  saveHubConfig(config: HubConfigInput | null): void;
  /** The configured hub's origin, readable before 'ready' (the CSP at start); null: none. */
  hubOrigin(): string | null;
};

export function createHubConfigService(deps: {
  safeStorage: SafeStorageLike;
  store: VaultStore;
  log: (line: string) => void;
  onOriginChange?: (origin: string | null) => void;
}): HubConfigService {
  const { safeStorage, store, log } = deps;

  return {
    loadHubConfig() {
      const sealed = store.get(SEALED);
      if (typeof sealed !== 'string' || sealed === '') return null;
      if (!safeStorage.isEncryptionAvailable()) {
        log('hub config: OS encryption unavailable, not read');
        return null;
      }
      try {
        const parsed = hubConfigSchema.safeParse(JSON.parse(safeStorage.decryptString(Buffer.from(sealed, 'base64'))));
        if (parsed.success) return parsed.data;
      } catch {
        // falls through: unreadable
      }
      log('hub config: the stored config is unreadable; the admin enters it again');
      return null;
    },
    saveHubConfig(config) {
      if (config === null) {
        store.set(SEALED, '');
        store.set(ORIGIN, '');
        deps.onOriginChange?.(null);
        return;
      }
      const parsed = hubConfigSchema.safeParse(config);
      if (!parsed.success || hubConfigProblem(parsed.data) !== undefined)
        throw new DeskError(HUB_CONFIG_ERRORS.invalid);
      if (!safeStorage.isEncryptionAvailable()) {
        log('hub config: OS encryption unavailable, not saved');
        throw new DeskError(HUB_CONFIG_ERRORS.unavailable);
      }
      let sealed: Buffer;
      try {
        sealed = safeStorage.encryptString(JSON.stringify(parsed.data));
      } catch {
        log('hub config: OS encryption failed, not saved');
        throw new DeskError(HUB_CONFIG_ERRORS.unavailable);
      }
      const origin = hubOrigin(parsed.data);
      store.set(SEALED, sealed.toString('base64'));
      store.set(ORIGIN, origin ?? '');
      deps.onOriginChange?.(origin);
    },
    hubOrigin() {
      const origin = store.get(ORIGIN);
      return typeof origin === 'string' && origin !== '' ? origin : null;
    },
  };
}
