/**
 * What a desk and the hub hold, read record by record for the sync e2e tests (issue 24):
 * - `deskContents(page)`: every center table (dataScope.ts) of the desk's IndexedDB, read raw
 *   (the app's own stores, not its code), each row without its desk-own fields (docs.ts
 *   `DESK_OWN_FIELDS`: the audit row's local `seq`, a PIN verifier), keyed as its document is;
 * - `deskPouch(page)`: the desk's own PouchDB (pouchdb-browser's idb stores, read raw): each
 *   document's winning revision;
 * - `hubContents(hub)`: the hub's documents through PouchDB in Node with the admin account;
 * - `residentsCsv` / `importResidents`: real desk writes through 居民台账导入 (one transaction, one
 *   outbox row per file).
 */
import type { Page } from '@playwright/test';
import { residentNo } from '../../../bench/data/residentLedger';
import { tablesOf } from '../../../renderer/src/db/dataScope';
import type { EntityName } from '../../../renderer/src/db/entities';
import type { SyncDoc } from '../../../renderer/src/sync/contract';
import { DESK_OWN_FIELDS, docKeyField, portableRecord } from '../../../renderer/src/sync/docs';
import { TRAVELLING } from '../../../renderer/src/sync/outbox';
import { canonical } from '../../../renderer/src/sync/pump';
import type { TestHub } from '../../sync/hub';
import { remoteDb } from '../../sync/pouch';
import { expect, type Desk } from '../pages';

/** Per center table: record key → the record as canonical JSON. */
export type Contents = Record<string, Record<string, string>>;

const CENTER = tablesOf('center');

/** Every center table of the desk's IndexedDB, raw, as `Contents`. */
export async function deskContents(page: Page): Promise<Contents> {
  const raw = await page.evaluate(async (tables) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('duty-desk');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(new Error('duty-desk did not open'));
    });
    const tx = db.transaction(tables, 'readonly');
    const out: Record<string, { keyPath: string; rows: unknown[] }> = {};
    await Promise.all(
      tables.map(
        (t) =>
          new Promise<void>((ok) => {
            const store = tx.objectStore(t);
            const req = store.getAll();
            req.onsuccess = () => {
              out[t] = { keyPath: String(store.keyPath), rows: req.result as unknown[] };
              ok();
            };
          }),
      ),
    );
    db.close();
    return out;
  }, CENTER as string[]);
  const contents: Contents = {};
  for (const table of CENTER) {
    const { keyPath, rows } = raw[table]!;
    const own = DESK_OWN_FIELDS[table] ?? [];
    const key = docKeyField(table, keyPath);
    contents[table] = Object.fromEntries(
      rows.map((r) => {
        const row = { ...(r as Record<string, unknown>) };
        for (const f of own) delete row[f];
        return [String(row[key]), canonical(row)];
      }),
    );
  }
  return contents;
}

/** The keys of `a` and `b` whose records differ (or that only one holds), as `table:key`. */
export function differences(a: Contents, b: Contents): string[] {
  const out: string[] = [];
  for (const table of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[table] ?? {};
    const y = b[table] ?? {};
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)]))
      if (x[key] !== y[key]) out.push(`${table}:${key}`);
  }
  return out.sort();
}

/** A document as the hub or a desk's PouchDB holds it: its winning revision and what it says. */
export type HeldDoc = { rev: string; deleted: boolean; conflicts: number; doc?: SyncDoc };

/** The hub's documents (the admin reads them all; design documents left out). */
export async function hubContents(hub: TestHub): Promise<Map<string, HeldDoc>> {
  const db = remoteDb(hub.dbUrl, hub.adminAuth);
  try {
    const all = await db.allDocs({ include_docs: true, conflicts: true });
    const out = new Map<string, HeldDoc>();
    for (const row of all.rows) {
      if (row.id.startsWith('_design/')) continue;
      const doc = row.doc as unknown as (SyncDoc & { _conflicts?: string[] }) | undefined;
      out.set(row.id, { rev: row.value.rev, deleted: false, conflicts: doc?._conflicts?.length ?? 0, doc });
    }
    return out;
  } finally {
    await db.close();
  }
}

/** The travelling records of `desk` that the hub lacks or holds otherwise (as `table:key`). */
export function hubDifferences(desk: Contents, hub: Map<string, HeldDoc>): string[] {
  const out: string[] = [];
  const expected = new Set<string>();
  for (const table of TRAVELLING) {
    for (const [key, json] of Object.entries(desk[table] ?? {})) {
      const id = `${table}:${key}`;
      expected.add(id);
      const held = hub.get(id);
      const want = canonical(portableRecord(table as EntityName, JSON.parse(json) as object));
      if (!held?.doc || held.conflicts > 0 || canonical(held.doc.record) !== want) out.push(id);
    }
  }
  // Nothing on the hub that no desk holds (a record travels; a projected record never does).
  for (const [id, held] of hub)
    if (!expected.has(id) && TRAVELLING.includes(held.doc?.type as EntityName)) out.push(id);
  return out.sort();
}

/** The desk's own PouchDB (`duty-desk-sync`, pouchdb-browser's idb stores read raw): id → winning revision. */
export async function deskPouch(page: Page): Promise<Map<string, { rev: string; deleted: boolean }>> {
  const rows = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('_pouch_duty-desk-sync');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(new Error('the desk PouchDB did not open'));
    });
    const req = db.transaction('document-store', 'readonly').objectStore('document-store').getAll();
    const all = await new Promise<{ id: string; winningRev: string; deletedOrLocal: string }[]>((ok) => {
      req.onsuccess = () => ok(req.result as { id: string; winningRev: string; deletedOrLocal: string }[]);
    });
    db.close();
    return all.map((r) => ({ id: r.id, rev: r.winningRev, deleted: r.deletedOrLocal === '1' }));
  });
  return new Map(rows.filter((r) => !r.id.startsWith('_')).map((r) => [r.id, { rev: r.rev, deleted: r.deleted }]));
}

/** The outbox rows of the desk, read raw: each row's document ids. */
export async function outboxDocIds(page: Page): Promise<string[][]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const open = indexedDB.open('duty-desk');
      open.onsuccess = () => ok(open.result);
    });
    const req = db.transaction('outbox', 'readonly').objectStore('outbox').getAll();
    const rows = await new Promise<{ docs: { _id: string }[] }[]>((ok) => {
      req.onsuccess = () => ok(req.result as { docs: { _id: string }[] }[]);
    });
    db.close();
    return rows.map((r) => r.docs.map((d) => d._id));
  });
}

/** A CSV ledger of residents `from` … `from + count - 1` (name, ID number, phone; all valid). */
export function residentsCsv(from: number, count: number): Buffer {
  const lines = ['姓名,身份证号,联系电话'];
  for (let i = from; i < from + count; i++) {
    const r = residentNo(i);
    lines.push(`${r.name},${r.id},${r.phone}`);
  }
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

/**
 * 居民台账导入 of residents `from` … (the import page open): the file chosen, 开始导入 clicked;
 * resolves once the import is under way — `done()` waits for 导入完成.
 */
export async function startImport(
  d: Desk,
  page: Page,
  from: number,
  count: number,
): Promise<{ done: () => Promise<void> }> {
  const im = d.residentImport;
  await im.choose(`居民${from}.csv`, residentsCsv(from, count));
  await expect(im.planLine).toContainText(`可导入 ${count} 行`);
  await page.getByRole('button', { name: /^开始导入/ }).click();
  return {
    done: async () => {
      await expect(im.outcome).toContainText(`新增 ${count} 位`, { timeout: 60_000 });
    },
  };
}
