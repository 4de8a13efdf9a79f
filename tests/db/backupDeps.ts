/** The platform side of backups for data-layer tests. */
import { EMPTY_BACKUP_STATE, type BackupDeps, type BackupState } from '../../renderer/src/db/backup/deps';
import { importBackupKey, type BackupKey } from '../../renderer/src/db/backup/seal';

/** Backup deps held in memory: the files written, one key, the state. */
export function memoryBackupDeps(): BackupDeps & { files: Map<string, string> } {
  const files = new Map<string, string>();
  let key: BackupKey | null = null;
  let state: BackupState = EMPTY_BACKUP_STATE;
  return {
    files,
    appVersion: 'test',
    bridge: {
      writeBackup: async ({ name, content }) => (files.set(name, content), { ok: true, name, removed: [] }),
      readIntegrity: async () => null,
      writeIntegrity: async () => undefined,
    },
    keys: {
      load: async () => key,
      find: async (id) => (key?.keyId === id ? key : null),
      save: async (raw, keyId, passphraseKey) => (key = { keyId, key: await importBackupKey(raw), passphraseKey }),
    },
    state: { get: () => state, set: (s) => (state = s) },
  };
}
