/**
 * The machine's backup key ring, kept encrypted by the OS (Electron's safeStorage) in a small
 * electron-store file beside the settings — outside IndexedDB. Used by the backups service
 * (`KeyVault`); no 'electron' import, so the documented failure modes are tested with fakes.
 * `load` tells "none" (nothing stored) from "unreadable", so that a ring it cannot read is
 * never taken for none and overwritten (issue 22's review: the next save lost every key):
 * - `isEncryptionAvailable()` false (before 'ready', no secret key on Linux, no Keychain):
 *   unreadable 'unavailable'; save refuses with 'backup-key-store-unavailable' — the key is never
 *   written unencrypted;
 * - `decryptString` throws (the OS key changed: a keyring or profile password reset, the folder
 *   copied to another PC): unreadable 'undecryptable'; a stored value that is not base64 or
 *   does not decrypt to JSON: unreadable 'corrupt'.
 * Over an unreadable ring, save refuses ('backup-key-store-unreadable') unless asked to set it
 * aside: then the stored value is moved, as it was, under `unreadable` (kept, never deleted —
 * a technician may still recover it) before the new ring is written.
 * Logs name the event only, never the key or anything decrypted.
 */
import { DeskError } from '../errors';

/** The part of Electron's safeStorage the vault uses. */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
};

/** The part of electron-store the vault uses. */
export type VaultStore = { get(key: string): unknown; set(key: string, value: unknown): void };

/** What the key store holds: nothing, the ring's text, or something it cannot read (keyVault.ts). */
export type VaultRead =
  | { state: 'none' }
  | { state: 'ok'; text: string }
  | { state: 'unreadable'; why: 'unavailable' | 'undecryptable' | 'corrupt' };

/**
 * The OS-protected store of the machine's key ring, as text (Electron safeStorage +
 * electron-store). `save` refuses over an unreadable ring unless told to set it aside.
 */
export type KeyVault = { load(): VaultRead; save(ring: string, o?: { setAside?: boolean }): void };

const KEY = 'key';
/** Rings set aside because they could not be read: `{ at, sealed }[]`, oldest first. */
export const ASIDE = 'unreadable';

export const VAULT_ERRORS = {
  unavailable: 'backup-key-store-unavailable',
  unreadable: 'backup-key-store-unreadable',
} as const;

const isBase64 = (s: string) => /^[A-Za-z0-9+/]+={0,2}$/.test(s) && s.length % 4 === 0;

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

/** What the key slot holds after the store's file itself could not be read (set aside). */
export const FILE_SET_ASIDE = '!file-unreadable';

/**
 * Opens the vault's electron-store WITHOUT `clearInvalidConfig` (which would silently empty a
 * damaged file — every key gone, and the next backup a "first" one): a file that cannot be read
 * is renamed aside (`setFileAside`, kept) and the new store's key slot marked unreadable, so
 * the desk says so and only an admin's new passphrase writes over it.
 */
export function openVaultStore(o: {
  open: () => VaultStore;
  setFileAside: () => void;
  log: (line: string) => void;
}): VaultStore {
  try {
    return o.open();
  } catch {
    o.log('backup key: the key file could not be read, set aside');
    o.setFileAside();
    const store = o.open();
    store.set(KEY, FILE_SET_ASIDE);
    return store;
  }
}

export function createKeyVault(deps: {
  safeStorage: SafeStorageLike;
  store: VaultStore;
  log: (line: string) => void;
  now?: () => number;
}): KeyVault {
  const { safeStorage, store, log } = deps;
  const now = deps.now ?? Date.now;

  function load(): VaultRead {
    const sealed = store.get(KEY);
    if (sealed === undefined || sealed === null || sealed === '') return { state: 'none' };
    if (typeof sealed !== 'string' || !isBase64(sealed)) return { state: 'unreadable', why: 'corrupt' };
    if (!safeStorage.isEncryptionAvailable()) return { state: 'unreadable', why: 'unavailable' };
    let text: string;
    try {
      text = safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    } catch {
      return { state: 'unreadable', why: 'undecryptable' };
    }
    return isJsonObject(text) ? { state: 'ok', text } : { state: 'unreadable', why: 'corrupt' };
  }

  return {
    load() {
      const read = load();
      if (read.state === 'unreadable') log(`backup key: the stored ring is unreadable (${read.why})`);
      return read;
    },
    save(ring, o = {}) {
      if (!safeStorage.isEncryptionAvailable()) {
        log('backup key: OS encryption unavailable, key not saved');
        throw new DeskError(VAULT_ERRORS.unavailable);
      }
      const current = load();
      if (current.state === 'unreadable' && !o.setAside) {
        log(`backup key: not saved over an unreadable ring (${current.why})`);
        throw new DeskError(VAULT_ERRORS.unreadable);
      }
      let sealed: Buffer;
      try {
        sealed = safeStorage.encryptString(ring);
      } catch {
        log('backup key: OS encryption failed, key not saved');
        throw new DeskError(VAULT_ERRORS.unavailable);
      }
      if (current.state === 'unreadable') {
        const aside = store.get(ASIDE);
        store.set(ASIDE, [...(Array.isArray(aside) ? aside : []), { at: now(), sealed: store.get(KEY) }]);
        log(`backup key: an unreadable ring (${current.why}) set aside`);
      }
      store.set(KEY, sealed.toString('base64'));
    },
  };
}
