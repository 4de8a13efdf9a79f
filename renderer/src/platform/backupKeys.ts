/**
 * Where this machine keeps its backup keys (db/backup/seal.ts):
 * - Electron: main holds them all, encrypted by the OS (safeStorage), outside IndexedDB — the
 *   own key, the ones retired when the passphrase changed, and those of other machines' backups
 *   it opened. The page is given only the own key (to seal new backups) and asks main to OPEN a
 *   backup file (`backup:open`): another machine's raw key never reaches the page;
 * - browser: the keys are imported as NON-extractable CryptoKeys and kept in their own small
 *   database (`duty-desk-keys`); if they are lost, the backup passphrase is the way back.
 * A new own key (the first passphrase, or a changed one) keeps the previous one beside it, so
 * this machine's older backups still open without a passphrase.
 */
import type { BackupKeyRecord } from '@shared/backup/format';
import type { DeskBridge } from '@shared/ipc/contract';
import { fromB64, toB64 } from '../db/bytes';
import { BACKUP_MESSAGES, importBackupKey, type BackupKey } from '../db/backup/seal';
import type { BackupKeyStore } from '../db/backup/deps';
import { DomainRefusal } from '../db/refusal';
import { electronBridge } from './electron';

const toKey = async (r: BackupKeyRecord): Promise<BackupKey> => ({
  keyId: r.keyId,
  key: await importBackupKey(fromB64(r.rawB64)),
  passphraseKey: r.passphraseKey,
});

/** What the clerk is told when main cannot read or keep the key ring (keyVault.ts's codes). */
export const KEY_STORE_MESSAGES = {
  'backup-key-store-unavailable':
    '系统的加密存储暂时不可用，读不出也存不进本机的备份密钥（原有密钥未改动）。请重启值班台后再试；仍不行请联系技术人员。',
  'backup-key-store-unreadable':
    '本机保存的备份密钥读不出来（系统钥匙串可能已重置，或密钥文件已损坏），值班台没有覆盖它。请站长/管理员在「设置 → 数据备份」重新设置备份密码：原来的密钥会另存保留，以前的备份仍可用当时的备份密码打开。',
} as const;

/** A key-store failure from main as its Chinese refusal; any other error as it is. */
function keyStoreRefusal(e: unknown): unknown {
  const text = e instanceof Error ? e.message : String(e);
  const code = (Object.keys(KEY_STORE_MESSAGES) as (keyof typeof KEY_STORE_MESSAGES)[]).find((c) => text.includes(c));
  return code ? new DomainRefusal(KEY_STORE_MESSAGES[code]) : e;
}

/** The Electron build: main keeps the keys and opens the files. */
export function bridgeStore(
  bridge: Pick<DeskBridge, 'loadBackupKey' | 'saveBackupKey' | 'openBackup'>,
): BackupKeyStore {
  const own = async () => {
    const record = await bridge.loadBackupKey().catch((e: unknown) => Promise.reject(keyStoreRefusal(e)));
    return record ? toKey(record) : null;
  };
  return {
    load: own,
    // Only the own key is here; main finds the others when it opens a file.
    async find(keyId) {
      const key = await own();
      return key?.keyId === keyId ? key : null;
    },
    async save(raw, keyId, passphraseKey, asOwn) {
      const record: BackupKeyRecord = { keyId, rawB64: toB64(raw), passphraseKey };
      // Another machine's key is kept by main when it opens that machine's file (open below).
      if (asOwn) await bridge.saveBackupKey(record).catch((e: unknown) => Promise.reject(keyStoreRefusal(e)));
      return toKey(record);
    },
    async open(text, o) {
      const r = await bridge.openBackup({
        content: text,
        currentSchema: o.currentSchema,
        ...(o.passphrase ? { passphrase: o.passphrase } : {}),
        ...(o.verifyOnly ? { verifyOnly: true } : {}),
      });
      if (r.ok) return { header: r.header, tables: r.tables };
      if (r.code === 'newer') throw new DomainRefusal(BACKUP_MESSAGES.newer(r.schema ?? o.currentSchema));
      const field = r.code === 'needPassphrase' || r.code === 'wrongPassphrase' ? 'passphrase' : undefined;
      throw new DomainRefusal(BACKUP_MESSAGES[r.code], field);
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
        const store = tx.objectStore('keys');
        if (own) {
          // The previous own key stays, under its id: this machine's older backups still open.
          const previous = store.get(OWN);
          previous.onsuccess = () => {
            const old = previous.result as BackupKey | undefined;
            if (old && old.keyId !== keyId) store.put(old, `other:${old.keyId}`);
            store.put(key, OWN);
          };
        } else store.put(key, `other:${keyId}`);
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
