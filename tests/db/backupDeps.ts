/** The platform side of backups for data-layer tests. */
import {
  EMPTY_BACKUP_STATE,
  type BackupDeps,
  type BackupKeyStore,
  type BackupState,
} from '../../renderer/src/db/backup/deps';
import { importBackupKey, type BackupKey } from '../../renderer/src/db/backup/seal';

/**
 * A key store like the browser build's: the own key, and every other key by id (those retired
 * when the passphrase changed, and other machines' keys).
 */
export function memoryKeyStore(): BackupKeyStore & { ids(): { own: string | null; others: string[] } } {
  let own: BackupKey | null = null;
  const others = new Map<string, BackupKey>();
  return {
    load: async () => own,
    find: async (id) => (own?.keyId === id ? own : (others.get(id) ?? null)),
    async save(raw, keyId, passphraseKey, asOwn) {
      const key = { keyId, key: await importBackupKey(raw), passphraseKey };
      if (!asOwn) others.set(keyId, key);
      else {
        if (own && own.keyId !== keyId) others.set(own.keyId, own);
        own = key;
      }
      return key;
    },
    ids: () => ({ own: own?.keyId ?? null, others: [...others.keys()] }),
  };
}

/** Backup deps held in memory: the files written, the keys (`keys`, or a memory key store), the state. */
export function memoryBackupDeps(keys: BackupKeyStore = memoryKeyStore()): BackupDeps & { files: Map<string, string> } {
  const files = new Map<string, string>();
  let state: BackupState = EMPTY_BACKUP_STATE;
  return {
    files,
    appVersion: 'test',
    bridge: {
      writeBackup: async ({ name, content }) => (files.set(name, content), { ok: true, name, removed: [] }),
      readIntegrity: async () => null,
      writeIntegrity: async () => undefined,
    },
    keys,
    state: { get: () => state, set: (s) => (state = s) },
  };
}
