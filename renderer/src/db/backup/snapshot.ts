/**
 * The whole database as plain rows, and back — generic over the schema: every table the
 * database has (`db.tables`), including tables added by later versions, with no list to keep.
 * - `readSnapshot`: one read-only transaction over every table (a consistent moment), a page at a time;
 * - `replaceAll`: one read-write transaction that clears every table and writes the rows back (in batches)
 *   (desk-local facts apart: an older backup's moved out of center tables as the v14 upgrade
 *   does, this PC's own guards and deskMeta kept unless the backup is of this install, the higher
 *   counter per key — db/deskLocalRows.ts)
 *   through the derived-field middleware (queue keys, search keys … recomputed by the write
 *   path, not trusted from the file; `readSnapshot` leaves them out: db/derived.ts lists them). All or nothing. The audit log is never cleared: the
 *   backup's rows are merged into it by identity (a restore never removes an audit row).
 */
import type { Dexie } from 'dexie';
import { BACKUP_CHUNK_ROWS } from '@shared/backup/frames';
import type { OnBackupProgress } from './progress';
import type { AuditEntry } from '@shared/domain/records';
import { chainRow, chainStart, headOf, type ChainHead, type UnchainedRow } from '@shared/domain/auditChain';
import { mergeAuditRows } from '@shared/domain/auditMerge';
import { readChainHead } from '../auditChain';
import type { DutyDeskDB } from '../database';
import { ensureSearchKeys } from '../searchKeys';
import { DERIVED, type Derivation } from '../derived';
import type { EntityName } from '../entities';
import type { BackupTables } from './seal';
import { deskLocalAfterRestore, moveDeskLocal } from '../deskLocalRows';
import { TRANSIENT_TABLES } from '../dataScope';

const asDexie = (db: DutyDeskDB) => db as unknown as Dexie;

/** A row without its derived fields (db/derived.ts lists them): a restore recomputes them. */
export function withoutDerivedFields(table: string, row: unknown): unknown {
  const fields = (DERIVED as Record<string, Derivation<EntityName> | undefined>)[table]?.fields;
  if (!fields || !row || typeof row !== 'object') return row;
  // A copy without them (not `delete`: the rows keep V8's fast shape, JSON.stringify is faster).
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!(fields as readonly string[]).includes(k)) out[k] = v;
  return out;
}

export function countsOf(tables: BackupTables): Record<string, number> {
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));
}

/** Rows per read and per write of a snapshot or a restore (a chunk of the file: shared/backup/frames.ts). */
const PAGE = BACKUP_CHUNK_ROWS;

/** A page of one table's rows as read for a backup (derived fields left out). */
export type SnapshotPage = { table: string; rows: unknown[] };

/** The primary key of `row` at `keyPath` (a name, a dotted path or a compound key's names). */
function keyAt(row: unknown, keyPath: string | string[]): IDBValidKey {
  const one = (path: string) =>
    path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], row) as IDBValidKey;
  return Array.isArray(keyPath) ? keyPath.map(one) : one(keyPath);
}

/** An IndexedDB request as a callback (the next request is made inside it: no task boundary). */
function onDone<T>(req: IDBRequest<T>, fail: (e: unknown) => void, then: (v: T) => void): void {
  req.onsuccess = () => {
    try {
      then(req.result);
    } catch (e) {
      fail(e);
    }
  };
  req.onerror = () => fail(req.error);
}

/**
 * Every table of `db` — the app's database, or an older version opened as it is on disk — in ONE
 * read-only IndexedDB transaction (a consistent moment), `PAGE` rows at a time by primary key
 * (`getAll` of a key range: IndexedDB's own bulk read, no cursor, no middleware: reads have no
 * derived work). The next page is asked for the moment one arrives, so a request is always in
 * flight and the transaction stays open while the caller works on the pages it was handed
 * (`onPage`, synchronously, each without its derived fields: the caller only queues it). Between
 * pages the page's thread is free (each page is its own request): input is handled, progress shown.
 * Resolves with the rows of every table (0 for an empty one) once the last page is read; `totals`
 * gets the row counts first (for a progress bar).
 */
export function readPages(
  db: DutyDeskDB | Dexie,
  onPage: (page: SnapshotPage) => void,
  totals?: (counts: Record<string, number>) => void,
): Promise<Record<string, number>> {
  const dexie = db as Dexie;
  const names = dexie.tables.map((t) => t.name);
  const read = Object.fromEntries(names.map((n) => [n, 0]));
  return new Promise((resolve, reject) => {
    const idb = dexie.backendDB();
    if (names.length === 0) return resolve(read);
    const tx = idb.transaction(names, 'readonly');
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      try {
        tx.abort();
      } catch {
        // already finished
      }
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    tx.onabort = () => fail(tx.error ?? new Error('backup read aborted'));
    if (totals) {
      const counts: Record<string, number> = {};
      let pending = names.length;
      for (const name of names)
        onDone(tx.objectStore(name).count(), fail, (n) => {
          counts[name] = n;
          if (--pending === 0) totals(counts);
        });
    }
    const readTable = (at: number) => {
      const name = names[at];
      if (name === undefined) return resolve(read);
      const store = tx.objectStore(name);
      const keyPath = store.keyPath;
      const page = (after: IDBValidKey | undefined) => {
        const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
        // Out-of-line keys (none today): the keys read beside the values, in the same order.
        let keys: IDBValidKey[] | undefined;
        if (keyPath === null) onDone(store.getAllKeys(range, PAGE), fail, (k) => void (keys = k));
        onDone(store.getAll(range, PAGE), fail, (rows: unknown[]) => {
          read[name] = (read[name] ?? 0) + rows.length;
          const last =
            rows.length === PAGE ? (keyPath === null ? keys?.[PAGE - 1] : keyAt(rows[PAGE - 1], keyPath)) : undefined;
          // The next request first: the transaction never idles while the page is handed on.
          if (last !== undefined) page(last);
          else readTable(at + 1);
          if (rows.length > 0) onPage({ table: name, rows: rows.map((row) => withoutDerivedFields(name, row)) });
        });
      };
      page(undefined);
    };
    readTable(0);
  });
}

/**
 * Every table of `db` as rows (`readPages` gathered): for what needs the tables whole (a backup of
 * an older version brought up to this one, upgradeTables.ts; the tests).
 */
export async function readSnapshot(db: DutyDeskDB | Dexie, onProgress?: OnBackupProgress): Promise<BackupTables> {
  const out: BackupTables = Object.fromEntries((db as Dexie).tables.map((t) => [t.name, [] as unknown[]]));
  let total = 0;
  let done = 0;
  await readPages(
    db,
    ({ table, rows }) => {
      const into = out[table]!;
      for (const row of rows) into.push(row);
      done += rows.length;
      onProgress?.({ step: 'read', table, done, total: Math.max(total, done) });
    },
    (counts) => (total = Object.values(counts).reduce((a, b) => a + b, 0)),
  );
  return out;
}

const AUDIT_LOG = 'auditLog';

/** This PC's desk-local tables as they are (read inside the restore's transaction). */
async function liveDeskLocal(dexie: Dexie) {
  const [counters, signInGuards, deskMeta] = await Promise.all(
    (['counters', 'signInGuards', 'deskMeta'] as const).map((name) => dexie.table(name).toArray()),
  );
  return { counters: counters ?? [], signInGuards: signInGuards ?? [], deskMeta: deskMeta ?? [] };
}

/**
 * Replaces every table with `tables` (a table missing from the file is emptied) — except the
 * audit log: a restore never removes an audit row. Every live row stays as it is; of the
 * backup's rows the live log does not have (by `id`, or the content-derived id of a pre-v10 row),
 * those that fit their desk's live chain are added with their own desk, sequence and hashes,
 * the others — a row from before the chain (a pre-v12 backup), or one whose place on its desk is
 * taken by another row (a new PC's setup, 从空白开始, an earlier restore: shared/domain/auditMerge.ts)
 * — are sealed onto `o.desk`'s chain in the backup's order, and `audit`, when given, is chained
 * last (desk default 1) — all in the same transaction. `o.anchor`: this desk's anchor kept
 * outside IndexedDB; where it is ahead of the log (its last rows lost) the chain goes on from it,
 * as 从空白开始 does, and the loss stays a visible gap. `o.sameMachine`: the backup was sealed with
 * this machine's own key (its desk-local facts are this PC's own even when a wipe took the install id).
 */
export async function replaceAll(
  db: DutyDeskDB,
  tables: BackupTables,
  audit?: UnchainedRow,
  o: { desk?: number; anchor?: ChainHead; sameMachine?: boolean; onProgress?: OnBackupProgress } = {},
): Promise<void> {
  await ensureSearchKeys();
  const dexie = asDexie(db);
  const unknown = Object.keys(tables).filter((name) => !dexie.tables.some((t) => t.name === name));
  if (unknown.length > 0) throw new Error(`backup has tables this version does not know: ${unknown.join(', ')}`);
  // A backup of an older version: its desk-local facts out of the center tables first (the v14 move).
  const moved = moveDeskLocal(tables);
  await dexie.transaction('rw', dexie.tables, async () => {
    const restored: BackupTables = { ...moved, ...deskLocalAfterRestore(await liveDeskLocal(dexie), moved, o) };
    // The outbox of a backup made while joined never comes back (the restored desk is alone).
    for (const t of TRANSIENT_TABLES) restored[t] = [];
    const replaced = dexie.tables.filter((t) => t.name !== AUDIT_LOG);
    for (const t of replaced) await t.clear();
    const log = dexie.table<AuditEntry, number>(AUDIT_LOG);
    const { asTheyAre, toSeal } = mergeAuditRows(await log.toArray(), tables[AUDIT_LOG] ?? []);
    // In batches (the page stays responsive, the progress is known), all in the one transaction.
    // `bulkAdd` into the emptied tables: nothing to replace, so the kept counts' middleware reads
    // no record first (a key twice would fail the add, and with it the whole restore). Two batches
    // in flight: the next is derived and sent while IndexedDB still writes the one before.
    const total = replaced.reduce((n, t) => n + (restored[t.name]?.length ?? 0), 0) + asTheyAre.length;
    let done = 0;
    let inFlight: Promise<unknown> | null = null;
    const write = async (table: Dexie['tables'][number], rows: readonly unknown[]) => {
      for (let at = 0; at < rows.length; at += PAGE) {
        const batch = rows.slice(at, at + PAGE);
        const sent: Promise<unknown> = table.bulkAdd(batch).then(() => {
          done += batch.length;
          o.onProgress?.({ step: 'write', table: table.name, done, total });
        });
        sent.catch(() => undefined); // awaited below: a failure aborts the transaction there
        if (inFlight) await inFlight;
        inFlight = sent;
      }
    };
    for (const t of replaced) await write(t, restored[t.name] ?? []);
    await write(log, asTheyAre);
    if (inFlight) await inFlight;
    // Then onto this desk's head (as it stands now, or the anchor ahead of it): the rows to seal,
    // the restore row last — hashed here, synchronously, inside the transaction.
    const desk = o.desk ?? 1;
    let head = chainStart(await readChainHead(log, desk), o.anchor?.desk === desk ? o.anchor : undefined);
    const onto: AuditEntry[] = [];
    for (const row of [...toSeal, ...(audit ? [audit] : [])]) {
      const next = chainRow(row, desk, head, { sealed: row !== audit });
      onto.push(next);
      head = headOf(next);
    }
    if (onto.length > 0) await log.bulkAdd(onto);
  });
}
