/**
 * The one way to write: `writeTx(desk, tables, fn)` runs `fn` in ONE read-write Dexie
 * transaction over the named tables (the audit log is always included) and hands it the
 * only writable tables there are. Either the whole action is stored or none of it is.
 *
 * Inside, the transaction applies in one place what every writer would otherwise have to
 * remember:
 * - stamps: `add` sets createdAt/By and updatedAt/By, `put` and `update` set updatedAt/By
 *   (keeping the record's created stamp) on every stamped table, from `desk.actor` and one
 *   `now` read from the desk clock when the transaction starts (`tx.now`, `tx.today`);
 * - derived index fields (derived.ts), so the record returned is the record stored;
 * - `tx.audit(…)` rows with the same actor and time.
 * A failure that is not a `DomainRefusal` becomes a `StorageError`, reported to the UI.
 */
import type { AuditAction } from '@shared/domain/audit';
import type { AuditEntry, Stamp } from '@shared/domain/records';
import type { Dexie, Table } from 'dexie';
import { DutyDeskDB } from './database';
import { deriveFields } from './derived';
import type { DeskBase } from './desk';
import type { EntityName, KeyOf, ReadTable, RecordOf } from './entities';
import { DomainRefusal } from './refusal';
import { reportStorageError, toStorageError } from './storageErrors';

/** Tables whose records carry who created and last changed them. */
const STAMPED: ReadonlySet<EntityName> = new Set<EntityName>([
  'staff',
  'residents',
  'visits',
  'matterTypes',
  'cases',
  'proxyTasks',
  'custodyItems',
  'meetings',
  'agendaItems',
  'rota',
  'handovers',
]);

/** A record as a writer hands it over: the stamp is the transaction's to set. */
export type Unstamped<T> = T extends Stamp ? Omit<T, keyof Stamp> & Partial<Stamp> : T;

export type WriteTable<T, K> = ReadTable<T, K> & {
  /** Inserts (fails on an existing key); returns the record as stored. */
  add(record: Unstamped<T>): Promise<T>;
  /** Inserts or replaces; returns the record as stored. */
  put(record: Unstamped<T>): Promise<T>;
  bulkAdd(records: Unstamped<T>[]): Promise<void>;
  /**
   * Changes some fields of a stored record. `stamp: false` only for the system's own
   * bookkeeping that is not an edit by a person (e.g. sign-in lock counters).
   */
  update(key: K, changes: Partial<T>, options?: { stamp: boolean }): Promise<void>;
  delete(key: K): Promise<void>;
};

export type AuditInput = Omit<AuditEntry, 'at' | 'staffId' | 'seq' | 'action'> & { action: AuditAction };

export type WriteTx<N extends EntityName> = { readonly [T in N]: WriteTable<RecordOf<T>, KeyOf<T>> } & {
  /** The one instant of this transaction (epoch ms) and its local date. */
  readonly now: number;
  readonly today: string;
  /** Adds an audit row inside the running transaction. */
  audit(entry: AuditInput): Promise<void>;
  /** The stamp fields for a record this transaction changes (created ones kept from `existing`). */
  stamp(existing?: Partial<Stamp>): Stamp;
};

/** The writable database behind a desk (only this module unwraps the read-only view). */
function writableDb(desk: DeskBase): DutyDeskDB {
  if (!(desk.db instanceof DutyDeskDB)) throw new Error('desk.db is not the app database');
  return desk.db as unknown as DutyDeskDB;
}

function writeTable<N extends EntityName>(
  name: N,
  table: Table<RecordOf<N>, KeyOf<N>>,
  stamp: (existing?: Partial<Stamp>) => Stamp,
): WriteTable<RecordOf<N>, KeyOf<N>> {
  const stamped = STAMPED.has(name);
  type R = RecordOf<N>;
  const prepare = (record: Unstamped<R>, isNew: boolean): R => {
    const r = record as R & Partial<Stamp>;
    const full = (stamped ? { ...r, ...stamp(isNew ? undefined : r) } : r) as R;
    return deriveFields(name, full);
  };
  // Not `async`: Dexie promises returned as they are keep the transaction alive.
  return {
    get: (key) => table.get(key),
    bulkGet: (keys) => table.bulkGet(keys),
    where: (index) => table.where(index),
    orderBy: (index) => table.orderBy(index),
    filter: (fn) => table.filter(fn),
    toCollection: () => table.toCollection(),
    count: () => table.count(),
    toArray: () => table.toArray(),
    add: (record) => {
      const value = prepare(record, true);
      return table.add(value).then(() => value);
    },
    put: (record) => {
      const value = prepare(record, false);
      return table.put(value).then(() => value);
    },
    bulkAdd: (records) => table.bulkAdd(records.map((r) => prepare(r, true))).then(() => undefined),
    update: (key, changes, options) => {
      const edit = stamped && options?.stamp !== false;
      const { updatedAt, updatedBy } = edit ? stamp() : ({} as Partial<Stamp>);
      const value = edit ? { ...changes, updatedAt, updatedBy } : changes;
      return table.update(key as never, value as never).then(() => undefined);
    },
    delete: (key) => table.delete(key),
  };
}

/**
 * Runs `fn` in one rw transaction over `tables` (+ the audit log).
 * Throws `StorageError` (already reported to the UI) when the database refuses the write;
 * a `DomainRefusal` thrown by `fn` passes through and nothing is written.
 */
export async function writeTx<N extends EntityName, T>(
  desk: DeskBase,
  tables: readonly N[],
  fn: (tx: WriteTx<N>) => Promise<T>,
): Promise<T> {
  const db = writableDb(desk);
  const now = desk.clock.now();
  const by = desk.actor?.id ?? null;
  const stamp = (existing?: Partial<Stamp>): Stamp => {
    if (by === null) throw new Error('invariant: a stamped write needs a signed-in actor');
    return {
      createdAt: existing?.createdAt ?? now,
      createdBy: existing?.createdBy ?? by,
      updatedAt: now,
      updatedBy: by,
    };
  };
  const writable = Object.fromEntries(
    tables.map((name) => [name, writeTable(name, db.table(name) as Table<RecordOf<N>, KeyOf<N>>, stamp)]),
  );
  const tx = {
    ...writable,
    now,
    today: desk.clock.today(),
    audit: (entry: AuditInput) => db.auditLog.add({ ...entry, at: now, staffId: by }).then(() => undefined),
    stamp,
  } as unknown as WriteTx<N>;
  try {
    const dexie = db as unknown as Dexie;
    return await dexie.transaction('rw', [...tables, 'auditLog'] as string[], () => fn(tx));
  } catch (e) {
    if (e instanceof DomainRefusal) throw e;
    const err = toStorageError(e);
    reportStorageError(err);
    throw err;
  }
}
