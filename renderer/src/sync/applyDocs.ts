/**
 * Issue 24, inbound: the documents of one action of another desk (all `size` of them, or what
 * arrived before the timeout) stored in Dexie in ONE read-write transaction, with the feed's
 * checkpoint. Not through `writeTx`: the records keep their original stamps (writeTx would
 * restamp them as this desk's actor), and nothing written here goes to the outbox (it came from
 * the center). Derived index fields come from the database's middleware, as for every write.
 *
 * - records: `put` as they are (a staff account keeps THIS desk's PIN verifier, or none);
 * - audit rows: added with a new local `seq`, by their stable `id` (never doubled);
 * - events: stored, then their record (cases, requests, custody items) refolded from all its events;
 * - `_deleted` documents delete their record (never an event or an audit row: immutable);
 * - a record document with `_conflicts` becomes a 数据冲突 row, one without loses its row;
 * - the desk's event clock observes the events' stamps (later local events sort after them).
 */
import { Dexie, type Table } from 'dexie';
import { observed } from '@shared/domain/events/clock';
import { sameValue } from '@shared/domain/events/patch';
import { tablesOf } from '../db/dataScope';
import type { DutyDeskDB } from '../db/database';
import type { DeskBase } from '../db/desk';
import type { EntityName } from '../db/entities';
import { EVENT_CLOCK_KEY } from '../db/eventClockKey';
import { ensureSearchKeys } from '../db/searchKeys';
import { heldAuditRows, type AuditRef } from '../db/heldAuditRows';
import { readTx } from '../db/readTx';
import { databaseOf } from '../db/write';
import { IMMUTABLE_TABLES, PROJECTED, type RecordConflict, type SyncDoc } from './contract';
import { parseSyncDocId, portableRecord } from './docs';
import { FOLDS_INTO, refoldAll, type Fresh } from './refold';
import type { Stamped } from '@shared/domain/events/refolding';

/** A document as the feed gave it, with its losing revisions (read from PouchDB before the transaction). */
export type Incoming = { doc: SyncDoc; losers?: RecordConflict['losers'] };

/** The checkpoint's meta key (desk-local, dataScope.ts). */
export const INBOUND_SEQ_KEY = 'inboundSeq';

const CENTER = new Set<string>(tablesOf('center'));
const PROJECTED_TABLES = new Set<string>(Object.keys(PROJECTED));
const IMMUTABLE = new Set<string>(IMMUTABLE_TABLES);

/** Events → the table of the record they fold into. */
const FOLDED: Record<string, keyof typeof PROJECTED> = Object.fromEntries(
  Object.entries(PROJECTED).map(([record, events]) => [events, record as keyof typeof PROJECTED]),
);

/** The table a document names, when this desk stores such documents (center data, not a projection). */
export function appliedTableOf(doc: Pick<SyncDoc, '_id'>): EntityName | undefined {
  const table = parseSyncDocId(doc._id)?.table;
  return table && CENTER.has(table) && !PROJECTED_TABLES.has(table) ? (table as EntityName) : undefined;
}

/** Whether a table's documents are one per record (may conflict), not events or audit rows. */
export const isRecordTable = (table: string): boolean => !IMMUTABLE.has(table);

/**
 * Which of `docs` this desk already holds with the same content (a document seen again because
 * only its conflicts changed — a loser deleted on another desk — or a checkpoint read again): such
 * a document is applied alone, never held back waiting for the rest of an action applied long
 * ago. Read in bulk, a table at a time (a first join reads thousands at once).
 */
export async function storedAmong(desk: DeskBase, docs: readonly SyncDoc[]): Promise<Set<string>> {
  const db = databaseOf(desk);
  const byTable = new Map<EntityName, { key: string; doc: SyncDoc }[]>();
  for (const doc of docs) {
    const table = appliedTableOf(doc);
    const key = parseSyncDocId(doc._id)?.key;
    if (!table || key === undefined || doc._deleted) continue;
    const list = byTable.get(table) ?? [];
    list.push({ key, doc });
    byTable.set(table, list);
  }
  const out = new Set<string>();
  if (byTable.size === 0) return out;
  // ONE read transaction: the audit rows by a range of their desk's chain each (heldAuditRows.ts).
  await readTx(db, [...byTable.keys()], async () => {
    for (const [table, list] of byTable) {
      const keys = list.map((l) => l.key);
      const rows: (object | undefined)[] =
        table === 'auditLog'
          ? await heldAuditRows(db.auditLog, list.map(auditRef)).then((held) => keys.map((k) => held.get(k)))
          : ((await db.table(table).bulkGet(keys)) as (object | undefined)[]);
      list.forEach(({ doc }, i) => {
        const row = rows[i];
        if (row !== undefined && sameValue(portableRecord(table, row), doc.record)) out.add(doc._id);
      });
    }
  });
  return out;
}

/** An audit document as heldAuditRows asks about it: its row's id and place in its desk's chain. */
const auditRef = ({ key, doc }: { key: string; doc: SyncDoc }): AuditRef => ({
  id: key,
  desk: doc.record?.desk,
  deskSeq: doc.record?.deskSeq,
});

/**
 * What one apply changed, for the status and the caller's counts: `rows`, the rows it added
 * (removed: negative) per table — the wipe-detection record moves its counts by them
 * (`notifyCommitted(rows)`) instead of counting every table after each inbound commit, which at a
 * join ran without pause and at five years walked 700,000 rows per arriving write.
 */
export type Applied = { records: number; refolded: number; rows: Map<string, number> };

/** Adds `n` rows of `table` to `rows`. */
const addRows = (rows: Map<string, number>, table: string, n: number) => {
  if (n !== 0) rows.set(table, (rows.get(table) ?? 0) + n);
};

type Located = { item: Incoming; table: EntityName; key: string };
/** The records whose events were stored, with those events (refold.ts `Fresh`), and the latest clock seen. */
type Touched = Record<keyof typeof PROJECTED, Map<string, Fresh>> & { clock?: string };

/** The last document of each key (a later revision in the same apply replaces an earlier one). */
function lastByKey(list: readonly Located[], keyOf = (d: Located) => d.key): Map<string, Located> {
  const out = new Map<string, Located>();
  for (const d of list) {
    out.delete(keyOf(d));
    out.set(keyOf(d), d);
  }
  return out;
}

/**
 * Stores the documents of one table (a helper one level deep inside the transaction: Dexie calls
 * only), in bulk — one read and one write per table however many documents came: audit rows
 * added once by their `id`, records put (a staff account keeping this desk's verifier) or deleted
 * (never an event), events' records marked for the refold.
 */
async function storeTable(
  db: DutyDeskDB,
  table: EntityName,
  list: readonly Located[],
  touched: Touched,
  rowsAdded: Map<string, number>,
) {
  const t = db.table(table);
  const latest = lastByKey(list);
  if (table === 'auditLog') {
    const held = await heldAuditRows(
      db.auditLog,
      [...latest.values()].map((d) => auditRef({ key: d.key, doc: d.item.doc })),
    );
    const rows = [...latest.values()].filter((d) => !d.item.doc._deleted && !held.has(d.key));
    if (rows.length > 0) await db.auditLog.bulkAdd(rows.map((d) => ({ ...d.item.doc.record }) as never));
    addRows(rowsAdded, table, rows.length);
    return;
  }
  const puts = [...latest.values()].filter((d) => !d.item.doc._deleted);
  const records = puts.map((d) => ({ ...d.item.doc.record }) as Record<string, unknown>);
  if (IMMUTABLE.has(table)) {
    // Events never change: added, one already stored kept as it is (no read first; its row not new).
    const held = records.length > 0 ? await addNew(t, records) : new Set<number>();
    addRows(rowsAdded, table, records.length - held.size);
    markFolded(table, records, touched, held);
    return;
  }
  const gone = [...latest.values()].filter((d) => d.item.doc._deleted).map((d) => d.key);
  // What is stored now (a fresh desk's join: almost all absent, cheap to look up): new rows, rows
  // removed, and a staff account's verifier kept.
  const here = (await t.bulkGet([...puts.map((d) => d.key), ...gone])) as (Record<string, unknown> | undefined)[];
  const stored = (i: number) => here[i] !== undefined;
  addRows(
    rowsAdded,
    table,
    puts.filter((_, i) => !stored(i)).length - gone.filter((_, i) => stored(puts.length + i)).length,
  );
  if (table === 'staff') {
    records.forEach((record, i) => {
      delete record.password;
      const password = here[i]?.password;
      if (password) record.password = password;
    });
  }
  if (gone.length > 0) await t.bulkDelete(gone);
  // A record not stored here is added: it replaces nothing, so the middlewares read no old value
  // for it (tallies/middleware.ts) — a first join's records are almost all new.
  const added = records.filter((_, i) => !stored(i));
  const replaced = records.filter((_, i) => stored(i));
  if (added.length > 0) await t.bulkAdd(added);
  if (replaced.length > 0) await t.bulkPut(replaced);
  markFolded(table, records, touched);
}

/** Adds `records`; the places of those stored already (their adds refused by the key, the rest kept). */
async function addNew(t: Table, records: readonly object[]): Promise<Set<number>> {
  try {
    await t.bulkAdd(records);
    return new Set();
  } catch (e) {
    const byPos = e instanceof Dexie.BulkError ? e.failuresByPos : { 0: e };
    const failures = Object.values(byPos);
    if (failures.some((f) => (f as { name?: string } | undefined)?.name !== 'ConstraintError')) throw e;
    return new Set(Object.keys(byPos).map(Number));
  }
}

/**
 * The records whose events were stored, marked for the refold with the events new to the desk
 * (`held`: the places of those stored already, left out), and the event clock observed.
 */
function markFolded(
  table: EntityName,
  records: readonly Record<string, unknown>[],
  touched: Touched,
  held: ReadonlySet<number> = new Set(),
) {
  const projected = FOLDED[table];
  if (!projected) return;
  const by = FOLDS_INTO[projected];
  records.forEach((record, i) => {
    const key = String(record[by]);
    const fresh = touched[projected].get(key) ?? [];
    if (!held.has(i)) fresh.push(record as unknown as Stamped);
    touched[projected].set(key, fresh);
    if (typeof record.clock === 'string') touched.clock = observed(touched.clock, record.clock);
  });
}

/**
 * The 数据冲突 rows of record documents (one level deep, Dexie calls only): kept (first seen kept)
 * while a document has losers, removed when not — read and written in bulk.
 */
async function keepConflictRows(db: DutyDeskDB, list: readonly Located[], now: number) {
  const latest = [...lastByKey(list, (d) => d.item.doc._id).values()];
  const conflicted = latest.filter((d) => (d.item.losers?.length ?? 0) > 0 && !d.item.doc._deleted);
  const kept = new Set(conflicted);
  const clear = latest.filter((d) => !kept.has(d)).map((d) => d.item.doc._id);
  const held = clear.length > 0 ? await db.syncConflicts.where(':id').anyOf(clear).primaryKeys() : [];
  if (held.length > 0) await db.syncConflicts.bulkDelete(held);
  if (conflicted.length === 0) return;
  const before = await db.syncConflicts.bulkGet(conflicted.map((d) => d.item.doc._id));
  const atOf = (r: Record<string, unknown>) => (typeof r.updatedAt === 'number' ? { at: r.updatedAt } : {});
  const rows = conflicted.map(({ item: { doc, losers }, table, key }, i): RecordConflict => ({
    id: doc._id,
    table,
    key,
    winner: { rev: doc._rev ?? '', desk: doc.desk, ...atOf(doc.record), record: doc.record },
    losers: losers ?? [],
    seenAt: before[i]?.seenAt ?? now,
  }));
  await db.syncConflicts.bulkPut(rows);
}

/**
 * Applies `items` (whole actions) and stores `checkpoint` in one transaction, a table at a time in
 * bulk (so Dexie's live queries see one change per table, not one per record), then each touched
 * case, request, custody item and problem refolded once. `own`: documents this desk wrote itself
 * — their records are already here; only their 数据冲突 row is kept in step.
 */
export async function applyDocs(
  desk: DeskBase,
  items: readonly Incoming[],
  o: { checkpoint?: number | string; own?: boolean } = {},
): Promise<Applied> {
  const db = databaseOf(desk);
  const docs = items.flatMap((item): Located[] => {
    const table = appliedTableOf(item.doc);
    const key = parseSyncDocId(item.doc._id)?.key;
    return table && key !== undefined ? [{ item, table, key }] : [];
  });
  // Derived fields that need a module loaded on first use (searchKeys.ts), before the transaction.
  if (!o.own && docs.some((d) => d.table === 'residents')) await ensureSearchKeys();
  const byTable = new Map<EntityName, Located[]>();
  const scope = new Set<string>(['deskMeta', 'syncConflicts', 'counters']);
  for (const d of docs) {
    scope.add(d.table);
    const projected = FOLDED[d.table];
    if (projected) scope.add(projected);
    const list = byTable.get(d.table) ?? [];
    list.push(d);
    byTable.set(d.table, list);
  }
  const touched: Touched = { cases: new Map(), proxyTasks: new Map(), custodyItems: new Map(), problems: new Map() };
  const now = desk.clock.now();
  let refolded = 0;
  const rows = new Map<string, number>();
  await (db as unknown as Dexie).transaction('rw', [...scope], async () => {
    if (!o.own) for (const [table, list] of byTable) await storeTable(db, table, list, touched, rows);
    await keepConflictRows(
      db,
      docs.filter((d) => isRecordTable(d.table)),
      now,
    );
    for (const table of Object.keys(PROJECTED) as (keyof typeof PROJECTED)[]) {
      const { rebuilt, created } = await refoldAll(db, table, touched[table]);
      refolded += rebuilt;
      addRows(rows, table, created);
    }
    if (touched.clock) {
      const last = await db.counters.get(EVENT_CLOCK_KEY);
      const clock = observed(last?.clock, touched.clock);
      if (clock !== last?.clock) await db.counters.put({ key: EVENT_CLOCK_KEY, value: last?.value ?? 0, clock });
      if (!last) addRows(rows, 'counters', 1);
    }
    if (o.checkpoint !== undefined) {
      if (!(await db.deskMeta.get(INBOUND_SEQ_KEY))) addRows(rows, 'deskMeta', 1);
      await db.deskMeta.put({ key: INBOUND_SEQ_KEY, value: o.checkpoint });
    }
  });
  return { records: o.own ? 0 : docs.length, refolded, rows };
}
