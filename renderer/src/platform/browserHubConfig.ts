/**
 * The browser build's keeping of the hub config (issue 24: contract.ts `HubConfig`), as its
 * backup key is kept (backupKeys.ts): in this origin's IndexedDB, the config (with the desk's hub
 * password) sealed with AES-GCM under a NON-EXTRACTABLE WebCrypto key made on first save — the
 * page can use the key, nothing can read it out. Never in localStorage, never in the desk's
 * database (which backups and sync carry), never in plain text. A sealed config that does not
 * open (or no longer validates) reads as none: the admin enters it again.
 */
import { hubConfigProblem, hubConfigSchema, type HubConfigInput } from '@shared/sync/hubConfig';

const DB = 'duty-desk-hub';
const STORE = 'hub';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const open = indexedDB.open(DB, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  const db = await request(open);
  try {
    return await request(fn(db.transaction(STORE, mode).objectStore(STORE)));
  } finally {
    db.close();
  }
}

type Sealed = { key: CryptoKey; iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer };

export async function loadBrowserHubConfig(): Promise<HubConfigInput | null> {
  const sealed = (await withStore('readonly', (s) => s.get('config'))) as Sealed | undefined;
  if (!sealed) return null;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, sealed.key, sealed.data);
    const parsed = hubConfigSchema.safeParse(JSON.parse(new TextDecoder().decode(plain)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function saveBrowserHubConfig(config: HubConfigInput | null): Promise<void> {
  if (config === null) {
    await withStore('readwrite', (s) => s.delete('config'));
    return;
  }
  const valid = hubConfigSchema.parse(config);
  const problem = hubConfigProblem(valid);
  if (problem) throw new Error(`hub-config-invalid: ${problem.field}`);
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(JSON.stringify(valid)),
  );
  const sealed: Sealed = { key, iv, data };
  await withStore('readwrite', (s) => s.put(sealed, 'config'));
}
