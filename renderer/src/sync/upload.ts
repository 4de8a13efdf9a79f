/**
 * The join's upload (issue 24): every record of a travelling table the desk holds goes into its
 * PouchDB (then up with the replication), in batches of 500 by primary key, with progress. A
 * desk that worked alone for months joins without losing anything; run again (the join
 * interrupted, the page killed), it re-sends idempotently: a document already there with the
 * same content is skipped, an event or audit row is never written twice.
 *
 * A record the center already holds with OTHER content (this desk joined before, left, and
 * worked alone meanwhile — or restored an older backup): the newer edit wins (`updatedAt`); a
 * record without a stamp keeps the center's version. So a rejoin never rewinds the others; the
 * center's newer record then comes down to this desk by the inbound side.
 */
import type { Dexie, IndexableType } from 'dexie';
import type { DutyDeskDB } from '../db/database';
import type { EntityName } from '../db/entities';
import type { SyncDoc } from './contract';
import { toSyncDoc, docKeyField } from './docs';
import { TRAVELLING } from './outbox';
import type { LocalPouch } from './pouch';
import { heldOf, placeDoc, type Held } from './pump';

export const UPLOAD_BATCH = 500;

const stampOf = (record: Record<string, unknown> | undefined): number =>
  typeof record?.updatedAt === 'number' ? record.updatedAt : -Infinity;

/** How a record of the upload goes in: as the pump places it, but an older edit never replaces a newer one. */
export function placeUploaded(doc: SyncDoc, held: Held): SyncDoc | undefined {
  const placed = placeDoc(doc, held);
  if (!placed || !held || held.deleted || !held.doc) return placed;
  return stampOf(doc.record) > stampOf(held.doc.record) ? placed : undefined;
}

/** The primary keys of the records to upload, per table (taken before a join pulls the center). */
export type UploadKeys = ReadonlyMap<EntityName, readonly IndexableType[]>;

/** The primary keys of every travelling record the desk holds now (read in one transaction). */
export async function uploadKeys(db: DutyDeskDB): Promise<UploadKeys> {
  const out = new Map<EntityName, IndexableType[]>();
  await (db as unknown as Dexie).transaction('r', [...TRAVELLING] as string[], async () => {
    for (const table of TRAVELLING) out.set(table, await db.table(table).toCollection().primaryKeys());
  });
  return out;
}

/** How many records the upload goes over. */
export async function uploadTotal(db: DutyDeskDB, keys?: UploadKeys): Promise<number> {
  const counts = await Promise.all(TRAVELLING.map((t) => keys?.get(t)?.length ?? db.table(t).count()));
  return counts.reduce((a, b) => a + b, 0);
}

/** Writes one batch of records into the local PouchDB (one action); returns how many were written. */
async function uploadBatch(local: LocalPouch, docs: SyncDoc[], actionId: string): Promise<number> {
  const found = await local.allDocs({ keys: docs.map((d) => d._id), include_docs: true });
  const out = docs.flatMap((doc, i) => {
    const placed = placeUploaded(doc, heldOf(found.rows[i]));
    return placed ? [placed] : [];
  });
  if (out.length === 0) return 0;
  const action = { id: actionId, size: out.length };
  const results = await local.bulkDocs(out.map((d) => ({ ...d, action })));
  const failed = results.filter((r) => 'error' in r && r.status !== 409);
  if (failed.length > 0) throw new Error(`upload: ${failed.length} document(s) not written`);
  return out.length;
}

/**
 * The records of `table` a batch at a time, in primary-key order: all of them, or those of `keys`
 * still there. Each batch comes with how many records it stands for (gone ones count as done).
 */
async function* batchesOf(
  db: DutyDeskDB,
  table: EntityName,
  keys: readonly IndexableType[] | undefined,
): AsyncGenerator<{ rows: Record<string, unknown>[]; count: number }> {
  const t = db.table(table);
  const keyPath = t.schema.primKey.keyPath as string;
  if (keys) {
    for (let i = 0; i < keys.length; i += UPLOAD_BATCH) {
      const slice = keys.slice(i, i + UPLOAD_BATCH);
      const found = (await t.bulkGet(slice)) as (Record<string, unknown> | undefined)[];
      yield { rows: found.filter((r) => r !== undefined), count: slice.length };
    }
    return;
  }
  let last: unknown = undefined;
  for (;;) {
    const rows: Record<string, unknown>[] = await (last === undefined
      ? t.orderBy(':id').limit(UPLOAD_BATCH).toArray()
      : t.where(':id').above(last).limit(UPLOAD_BATCH).toArray());
    if (rows.length === 0) return;
    last = rows[rows.length - 1]![keyPath];
    yield { rows, count: rows.length };
    if (rows.length < UPLOAD_BATCH) return;
  }
}

/**
 * Every travelling record of `db` (or those of `keys`: what the desk held before a join pulled the
 * center) into `local`; `onProgress(done, total)` after each batch. Returns how many documents
 * were written (skipped ones not counted).
 */
export async function uploadAll(
  db: DutyDeskDB,
  local: LocalPouch,
  o: {
    desk: number;
    newActionId: () => string;
    onProgress?: (done: number, total: number) => void;
    keys?: UploadKeys;
  },
): Promise<number> {
  const total = await uploadTotal(db, o.keys);
  let done = 0;
  let written = 0;
  o.onProgress?.(0, total);
  for (const table of TRAVELLING as EntityName[]) {
    const keyPath = db.table(table).schema.primKey.keyPath as string;
    for await (const { rows, count } of batchesOf(db, table, o.keys?.get(table))) {
      if (rows.length > 0) {
        const action = { id: o.newActionId(), size: rows.length };
        const docs = rows.map((r) =>
          toSyncDoc(table, String(r[docKeyField(table, keyPath)]), r, { desk: o.desk, action }),
        );
        written += await uploadBatch(local, docs, action.id);
      }
      done += count;
      o.onProgress?.(done, total);
    }
  }
  return written;
}
