/**
 * Where this machine keeps its backup key (db/backup/seal.ts):
 * - Electron: the key record (id, raw key, passphrase-wrapped copy) goes to main, which keeps
 *   it encrypted by the OS (safeStorage) — outside the profile's IndexedDB;
 * - browser: the key is imported as a NON-extractable CryptoKey and kept in its own small
 *   database (`duty-desk-keys`); if it is lost, the backup passphrase is the way back.
 */
import type { WrappedKey } from '@shared/backup/format';
import { fromB64, toB64 } from '../db/bytes';
import { importBackupKey, type BackupKey } from '../db/backup/seal';
import type { BackupKeyStore } from '../db/backup/backups';
import { electronBridge } from './electron';

type KeyRecord = { keyId: string; rawB64: string; passphraseKey: WrappedKey };

function bridgeStore(bridge: NonNullable<ReturnType<typeof electronBridge>>): BackupKeyStore {
  return {
    async load() {
      const text = await bridge.loadBackupKey();
      if (!text) return null;
      const r = JSON.parse(text) as KeyRecord;
      return { keyId: r.keyId, key: await importBackupKey(fromB64(r.rawB64)), passphraseKey: r.passphraseKey };
    },
    async save(raw, keyId, passphraseKey) {
      const record: KeyRecord = { keyId, rawB64: toB64(raw), passphraseKey };
      await bridge.saveBackupKey({ key: JSON.stringify(record) });
      return { keyId, key: await importBackupKey(raw), passphraseKey };
    },
  };
}

const KEYS_DB = 'duty-desk-keys';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
}

async function keysDb(): Promise<IDBDatabase> {
  const open = indexedDB.open(KEYS_DB, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('keys');
  return request(open);
}

function browserStore(): BackupKeyStore {
  return {
    async load() {
      const db = await keysDb();
      try {
        const found = (await request(db.transaction('keys').objectStore('keys').get('backup'))) as
          BackupKey | undefined;
        return found ?? null;
      } finally {
        db.close();
      }
    },
    async save(raw, keyId, passphraseKey) {
      const key: BackupKey = { keyId, key: await importBackupKey(raw), passphraseKey };
      const db = await keysDb();
      try {
        const tx = db.transaction('keys', 'readwrite');
        tx.objectStore('keys').put(key, 'backup');
        await new Promise<void>((ok, fail) => {
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
      } finally {
        db.close();
      }
      return key;
    },
  };
}

const bridge = electronBridge();
export const backupKeys: BackupKeyStore = bridge ? bridgeStore(bridge) : browserStore();
