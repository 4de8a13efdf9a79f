/**
 * Two or more desks of a center in Node, for the inbound sync's tests: each desk a fake-indexeddb
 * Dexie database and a local PouchDB (pouchdb-node with the memory adapter), replicated with
 * each other directly (the hub's own tests cover the hub).
 *
 * `pump` stands for the out part's outbox pump: it puts what an action changed in a desk's Dexie
 * (the center's tables, as the documents docs.ts makes of them, one action id for all) into that
 * desk's PouchDB, on each document's current revision — as the pump does after a commit.
 */
import PouchDB from 'pouchdb-node';
import memoryAdapter from 'pouchdb-adapter-memory';
import type { Dexie } from 'dexie';
import { PROJECTED, type SyncDoc } from '../../../renderer/src/sync/contract';
import { toSyncDoc, docKeyField } from '../../../renderer/src/sync/docs';
import { tablesOf, scopeOfMetaKey } from '../../../renderer/src/db/dataScope';
import type { DutyDeskDB } from '../../../renderer/src/db/database';
import type { EntityName } from '../../../renderer/src/db/entities';
import { createInbound, type Inbound } from '../../../renderer/src/sync/inbound';
import type { DeskBase } from '../../../renderer/src/db/desk';
import type { PouchDatabase } from '../../../renderer/src/sync/pouchApi';

PouchDB.plugin(memoryAdapter);

let dbs = 0;
/** A fresh in-memory PouchDB (names are process-wide: each one unique). */
export function memoryPouch(): PouchDatabase<SyncDoc> {
  dbs += 1;
  return new PouchDB<SyncDoc>(`replica-${Date.now()}-${dbs}`, { adapter: 'memory' });
}

/** The tables whose records travel as one document each (center data, not a projection). */
const TRAVELLING = tablesOf('center').filter((t) => !(t in PROJECTED));

/** The center's records of a desk as documents' ids → content (portable JSON). */
export type Snapshot = Map<string, { table: EntityName; key: string; record: object; json: string }>;

export async function snapshot(db: DutyDeskDB): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const table of TRAVELLING) {
    const t = (db as unknown as Dexie).table(table);
    const keyField = docKeyField(table, t.schema.primKey.keyPath as string);
    for (const record of (await t.toArray()) as Record<string, unknown>[]) {
      if (table === 'meta' && scopeOfMetaKey(String(record.key)) !== 'center') continue;
      const key = String(record[keyField]);
      const doc = toSyncDoc(table, key, record, { desk: 0, action: { id: '', size: 0 } });
      out.set(doc._id, { table, key, record, json: JSON.stringify(doc.record) });
    }
  }
  return out;
}

let actions = 0;

/** Puts what changed since `before` into `local` as documents of one action of desk `desk`. */
export async function pump(
  db: DutyDeskDB,
  local: PouchDatabase<SyncDoc>,
  desk: number,
  before: Snapshot,
): Promise<string[]> {
  const after = await snapshot(db);
  const changed = [...after.entries()].filter(([id, v]) => before.get(id)?.json !== v.json);
  const gone = [...before.keys()].filter((id) => !after.has(id));
  actions += 1;
  const action = { id: `act-${desk}-${actions}`, size: changed.length + gone.length };
  const docs: object[] = [];
  for (const [id, v] of changed) {
    const rev = await revOf(local, id);
    docs.push({ ...toSyncDoc(v.table, v.key, v.record, { desk, action }), ...(rev ? { _rev: rev } : {}) });
  }
  for (const id of gone) {
    const rev = await revOf(local, id);
    if (rev) docs.push({ _id: id, _rev: rev, _deleted: true, desk, action, type: before.get(id)!.table, schema: 1 });
  }
  if (docs.length > 0) await local.bulkDocs(docs as never);
  return docs.map((d) => (d as { _id: string })._id);
}

async function revOf(local: PouchDatabase<SyncDoc>, id: string): Promise<string | undefined> {
  try {
    return (await local.get(id))._rev;
  } catch {
    return undefined;
  }
}

/** Runs `act` on a desk and pumps what it changed (the writeTx + pump of the real desk). */
export async function acted<T>(
  db: DutyDeskDB,
  local: PouchDatabase<SyncDoc>,
  desk: number,
  act: () => Promise<T>,
): Promise<T> {
  const before = await snapshot(db);
  const result = await act();
  await pump(db, local, desk, before);
  return result;
}

/** Both replicas exchange everything (one-shot, both ways), as live replication through a hub would. */
export async function exchange(a: PouchDatabase<SyncDoc>, b: PouchDatabase<SyncDoc>): Promise<void> {
  await a.replicate.to(b);
  await b.replicate.to(a);
}

/** Inbound following `local` into `desk`'s database, with a quiet warning log kept for the test. */
export function follow(desk: DeskBase, local: PouchDatabase<SyncDoc>, timeoutMs?: number) {
  const warnings: string[] = [];
  const inbound: Inbound = createInbound(desk, local, {
    warn: (m) => warnings.push(m),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
  return { inbound, warnings };
}
