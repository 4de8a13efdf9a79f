/**
 * The machine's backup key ring, kept encrypted by the OS (Electron's safeStorage) in a small
 * electron-store file beside the settings — outside IndexedDB. Used by the backups service
 * (`KeyVault`); no 'electron' import, so the documented failure modes are tested with fakes:
 * - `isEncryptionAvailable()` false (before 'ready', no secret key on Linux, no Keychain):
 *   load answers null (as if there were no key: the passphrase is the way back), save refuses
 *   with the code 'backup-key-store-unavailable' — the key is never written unencrypted;
 * - `decryptString` throws (the OS key changed: a keyring or profile password reset, the folder
 *   copied to another PC): load answers null and logs it; the stored copy is left as it is.
 * Logs name the event only, never the key or anything decrypted.
 */
import { DeskError } from '../errors';
import type { KeyVault } from './backups';

/** The part of Electron's safeStorage the vault uses. */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
};

/** The part of electron-store the vault uses. */
export type VaultStore = { get(key: string): unknown; set(key: string, value: unknown): void };

const KEY = 'key';

export function createKeyVault(deps: {
  safeStorage: SafeStorageLike;
  store: VaultStore;
  log: (line: string) => void;
}): KeyVault {
  const { safeStorage, store, log } = deps;
  return {
    load() {
      const sealed = store.get(KEY);
      if (typeof sealed !== 'string' || sealed === '') return null;
      if (!safeStorage.isEncryptionAvailable()) {
        log('backup key: OS encryption unavailable, key not read');
        return null;
      }
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        // The OS key changed: the passphrase is the way back; a new first backup makes a new key.
        log('backup key: the OS could not decrypt it');
        return null;
      }
    },
    save(key) {
      if (!safeStorage.isEncryptionAvailable()) {
        log('backup key: OS encryption unavailable, key not saved');
        throw new DeskError('backup-key-store-unavailable');
      }
      let sealed: Buffer;
      try {
        sealed = safeStorage.encryptString(key);
      } catch {
        log('backup key: OS encryption failed, key not saved');
        throw new DeskError('backup-key-store-unavailable');
      }
      store.set(KEY, sealed.toString('base64'));
    },
  };
}
