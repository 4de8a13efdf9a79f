/**
 * Where this machine keeps its backup key (db/backup/seal.ts):
 * - Electron: the key ring (the own key and the adopted ones: id, raw key, passphrase-wrapped
 *   copy) goes to main, which keeps it encrypted by the OS (safeStorage) — outside IndexedDB;
 * - browser: the key is imported as a NON-extractable CryptoKey and kept in its own small
 *   database (`duty-desk-keys`); if it is lost, the backup passphrase is the way back.
 */
import type { WrappedKey } from '@shared/backup/format';
import { fromB64, toB64 } from '../db/bytes';
import { importBackupKey, type BackupKey } from '../db/backup/seal';
import type { BackupKeyStore } from '../db/backup/backups';
import { electronBridge } from './electron';

type KeyRecord = { keyId: string; rawB64: string; passphraseKey: WrappedKey };
/** The machine's own key and the adopted ones (newest first, at most 8). */
type KeyRing = { own: KeyRecord | null; others: KeyRecord[] };

const toKey = async (r: KeyRecord): Promise<BackupKey> => ({
  keyId: r.keyId,
  key: await importBackupKey(fromB64(r.rawB64)),
  passphraseKey: r.passphraseKey,
});

function bridgeStore(bridge: NonNullable<ReturnType<typeof electronBridge>>): BackupKeyStore {
  const ring = async (): Promise<KeyRing> => {
    const text = await bridge.loadBackupKey();
    return text ? (JSON.parse(text) as KeyRing) : { own: null, others: [] };
  };
  return {
    async load() {
      const { own } = await ring();
      return own ? toKey(own) : null;
    },
    async find(keyId) {
      const { own, others } = await ring();
      const found = [own, ...others].find((r) => r?.keyId === keyId);
      return found ? toKey(found) : null;
    },
    async save(raw, keyId, passphraseKey, own) {
      const record: KeyRecord = { keyId, rawB64: toB64(raw), passphraseKey };
      const current = await ring();
      const next: KeyRing = own
        ? { own: record, others: current.others }
        : { own: current.own, others: [record, ...current.others.filter((r) => r.keyId !== keyId)].slice(0, 8) };
      await bridge.saveBackupKey({ key: JSON.stringify(next) });
      return toKey(record);
    },
  };
}

const KEYS_DB = 'duty-desk-keys';
const OWN = 'backup';

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

async function getKey(slot: string): Promise<BackupKey | null> {
  const db = await keysDb();
  try {
    return ((await request(db.transaction('keys').objectStore('keys').get(slot))) as BackupKey | undefined) ?? null;
  } finally {
    db.close();
  }
}

/** The browser build: the keys as non-extractable CryptoKeys — the own one, and one slot per adopted key. */
function browserStore(): BackupKeyStore {
  return {
    load: () => getKey(OWN),
    async find(keyId) {
      const own = await getKey(OWN);
      return own?.keyId === keyId ? own : getKey(`other:${keyId}`);
    },
    async save(raw, keyId, passphraseKey, own) {
      const key: BackupKey = { keyId, key: await importBackupKey(raw), passphraseKey };
      const db = await keysDb();
      try {
        const tx = db.transaction('keys', 'readwrite');
        tx.objectStore('keys').put(key, own ? OWN : `other:${keyId}`);
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
