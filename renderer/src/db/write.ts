/**
 * The one way to write: `writeTx(desk, tables, fn)` runs `fn` in ONE read-write Dexie
 * transaction over the named tables (the audit log is always included) and hands it the
 * only writable tables there are. Either the whole action is stored or none of it is.
 *
 * Inside, the transaction applies in one place what every writer would otherwise have to
 * remember:
 * - stamps: `add` sets createdAt/By and updatedAt/By, `put` and `update` set updatedAt/By
 *   (a replaced record keeps its stored created stamp) on every stamped table, from
 *   `desk.actor` and one `now` read from the desk clock when the transaction starts
 *   (`tx.now`, and `tx.today`, its local date); writers cannot set stamps themselves;
 * - derived index fields (derived.ts), so the record `add`/`put` return is the record stored;
 * - the audit log is append-only: it is no writable table, only `tx.audit` adds to it;
 * - `tx.audit(…)` rows with the same actor and time, each with its own stable `id`, chained
 *   onto this desk's audit chain in the order they are added (auditChain.ts).
 * - on a desk joined to its center (issue 24), ONE outbox row with the documents of every record
 *   of a travelling table it wrote and every audit row (sync/outbox.ts), in the same transaction.
 * A failure that is not a `DomainRefusal` becomes a `StorageError`, reported to the UI.
 */
import { ensureSearchKeys } from './searchKeys';
import type { AuditAction, AuditEntity } from '@shared/domain/audit';
import type { AuditEntry, Staff, Stamp } from '@shared/domain/records';
import { doesWork } from '@shared/domain/roles';
import { pledgeDue } from '@shared/domain/pledge';
import { letters } from '@shared/domain/auditIdentity';
import { Dexie, type Table } from 'dexie';
import type { ChainFields, ChainHead } from '@shared/domain/auditChain';
import { DutyDeskDB } from './database';
import { deriveFields } from './derived';
import { auditAppender } from './auditChain';
import { deskNumberOf, type DeskBase } from './desk';
import type { EntityName, KeyOf, ReadTable, RecordOf } from './entities';
import { DomainRefusal } from './refusal';
import { reportStorageError, toStorageError } from './storageErrors';
import { isJoined, OutboxCollector, travels } from '../sync/outbox';
import { installRefusal, readInstallKind } from './installKind';
import { notifyCommitted } from './committed';
import type { InstallKind } from '@shared/domain/street/install';

/** The tables whose record type carries a `Stamp` (who created it and who last changed it). */
type StampedName = { [N in EntityName]: RecordOf<N> extends Stamp ? N : never }[EntityName];

/** Every stamped table, and only those (the type refuses a missing or a wrong entry). */
const STAMPED_TABLES: Record<StampedName, true> = {
  staff: true,
  residents: true,
  visits: true,
  matterTypes: true,
  cases: true,
  proxyTasks: true,
  meetings: true,
  problems: true,
  handovers: true,
  rota: true,
  homeVisits: true,
  importBatches: true,
  custodyItems: true,
  streetCommunities: true,
  streetResponses: true,
};

const isStamped = (name: EntityName): boolean => Object.hasOwn(STAMPED_TABLES, name);

/** A new audit row's id: 128 random bits as 32 letters a–p (no run of digits; auditIdentity.ts). */
export function newAuditId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return letters(Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''));
}

/**
 * The tables a write transaction may write: all but the audit log, which only `tx.audit` appends
 * to, and the outbox, which only writeTx itself fills (and the pump empties).
 */
export type WritableName = Exclude<EntityName, 'auditLog' | 'outbox'>;

/** A record as a writer hands it over: the stamp is the transaction's to set. */
export type Unstamped<T> = T extends Stamp ? Omit<T, keyof Stamp> : T;

export type WriteTable<T, K> = ReadTable<T, K> & {
  /** Inserts (fails on an existing key); returns the record as stored. */
  add(record: Unstamped<T>): Promise<T>;
  /** Inserts or replaces, keeping a replaced record's created stamp; returns the record as stored. */
  put(record: Unstamped<T>): Promise<T>;
  bulkAdd(records: Unstamped<T>[]): Promise<void>;
  /**
   * Changes some fields of a stored record (never its stamp). `stamp: false` only for the
   * system's own bookkeeping that is not an edit by a person (e.g. sign-in lock counters).
   */
  update(key: K, changes: Partial<Unstamped<T>>, options?: { stamp: boolean }): Promise<void>;
  delete(key: K): Promise<void>;
};

export type AuditInput = Omit<AuditEntry, 'at' | 'staffId' | 'seq' | 'id' | 'action' | 'entity' | keyof ChainFields> & {
  action: AuditAction;
  entity: AuditEntity;
};

export type WriteTx<N extends WritableName> = { readonly [T in N]: WriteTable<RecordOf<T>, KeyOf<T>> } & {
  /** The one instant of this transaction (epoch ms) and its local date. */
  readonly now: number;
  readonly today: string;
  /**
   * The acting staff row, read ONCE by `writeTx` inside this transaction (active and allowed the
   * desk's work for a desk write): repositories take who acts, and their rights, from here and
   * never read the row themselves. Throws when there is no signed-in actor or no row yet (the
   * first-run setup, which creates its admin in this very transaction).
   */
  readonly actor: Staff;
  /** This installation's kind, read inside this transaction (db/installKind.ts). */
  readonly installKind: InstallKind;
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

/**
 * How many rows a committed write added to (or, negative, removed from) each table: what the
 * transaction's own writes did, known exactly as they happen (an add or bulkAdd that succeeded, a
 * put of a key not stored yet, a delete of a stored key, each audit row). The wipe-detection
 * record follows the data by these, without counting a table (app/backup.ts).
 */
export type RowDelta = ReadonlyMap<string, number>;

function writeTable<N extends WritableName>(
  name: N,
  table: Table<RecordOf<N>, KeyOf<N>>,
  stamp: (existing?: Partial<Stamp>) => Stamp,
  outbox: OutboxCollector | undefined,
  rows: (n: number) => void,
): WriteTable<RecordOf<N>, KeyOf<N>> {
  type R = RecordOf<N>;
  const stamped = isStamped(name);
  const keyPath = table.schema.primKey.keyPath as string;
  /** The record as stored goes to the outbox too (a desk joined to its center). */
  const sent = <V extends object>(value: V): V => {
    outbox?.written(name, keyPath, value);
    return value;
  };
  /** The record to store: stamped (created fields from `existing`, if any) and derived. */
  const prepare = (record: Unstamped<R>, existing?: R): R => {
    const full = (stamped ? { ...record, ...stamp(existing as Partial<Stamp> | undefined) } : record) as R;
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
      const value = prepare(record);
      return table.add(value).then(() => {
        rows(1);
        return sent(value);
      });
    },
    // The stored record is read first: its created stamp is kept, and a new key is a new row.
    put: (record) => {
      const key = (record as Record<string, unknown>)[keyPath] as KeyOf<N>;
      return table.get(key).then((old) => {
        const value = prepare(record, old);
        return table.put(value).then(() => {
          if (old === undefined) rows(1);
          return sent(value);
        });
      });
    },
    bulkAdd: (records) => {
      const values = records.map((r) => prepare(r));
      return table.bulkAdd(values).then(() => {
        rows(values.length);
        values.forEach(sent);
      });
    },
    update: (key, changes, options) => {
      const edit = stamped && options?.stamp !== false;
      const { updatedAt, updatedBy } = edit ? stamp() : ({} as Partial<Stamp>);
      const value = edit ? { ...changes, updatedAt, updatedBy } : changes;
      const updated = table.update(key as never, value as never);
      // The whole record as stored now: a document travels whole (read again only when it travels).
      if (!outbox || !travels(name)) return updated.then(() => undefined);
      return updated.then((n) => (n === 0 ? undefined : table.get(key).then((r) => void (r && sent(r)))));
    },
    delete: (key) =>
      table.get(key).then((old) =>
        table.delete(key).then(() => {
          if (old !== undefined) rows(-1);
          outbox?.deleted(name, key);
        }),
      ),
  };
}

/**
 * What a signed-in account without the desk's work (审计员) may still write: its own staff row
 * (sign-in, sign-out, lock) and this desk's sign-in guard of it (wrong PINs, lock).
 */
const WITHOUT_DESK_WORK: ReadonlySet<string> = new Set(['staff', 'signInGuards']);

/** Whether a transaction over `tables` is the desk's work (more than the actor's own bookkeeping). */
const isDeskWork = (tables: readonly string[]): boolean => tables.some((t) => !WITHOUT_DESK_WORK.has(t));

const withoutDeskWork = (role: string) => new DomainRefusal(`当前账号（${role}）只能查看操作日志，不能修改数据`);

/**
 * Every write of the desk needs the installation's work (`desk.work`, or a street office's
 * `street.work`: roles.ts `doesWork`): an 审计员 reads the audit log and writes nothing else,
 * whatever screen or call tried. Checked here, once, for every repository: first
 * from the session's role (before anything is opened), then inside the transaction from the
 * acting staff row as stored (`refuseActingRow`).
 */
function refuseWithoutDeskWork(desk: DeskBase, tables: readonly string[]): void {
  const actor = desk.actor;
  if (!actor || doesWork({ role: actor.role })) return;
  if (isDeskWork(tables)) throw withoutDeskWork(actor.role);
}

/**
 * The acting staff row re-read inside the transaction decides: an account deactivated, or
 * moved to a role without `desk.work`, in another window writes nothing more; nor does one
 * whose 保密承诺 is due. No row yet (the first-run setup creates its admin in this very
 * transaction) leaves the session's role, already checked.
 */
function refuseActingRow(row: Staff | undefined, now: number): void {
  if (!row) return;
  if (!doesWork(row)) {
    if (!row.active) throw new DomainRefusal('当前账号不存在或已停用，请重新登录');
    throw withoutDeskWork(row.role);
  }
  // The 保密承诺 comes before the desk's work, whatever screen or call tried (PledgeGate asks it).
  if (pledgeDue(row.pledgeAcceptedAt, now)) throw new DomainRefusal(PLEDGE_FIRST);
}

/** The refusal of a desk write by someone whose 保密承诺 is due. */
export const PLEDGE_FIRST = '请先阅读并确认个人信息保密承诺，再办理业务';

/**
 * The database behind a desk, for the backup module (it reads and replaces every table) and the
 * inbound sync (it stores other desks' records with their own stamps: renderer/src/sync/applyDocs.ts).
 */
export function databaseOf(desk: DeskBase): DutyDeskDB {
  return writableDb(desk);
}

/**
 * Runs `fn` in one rw transaction over `tables` (+ the audit log).
 * Throws `StorageError` (already reported to the UI) when the database refuses the write;
 * a `DomainRefusal` thrown by `fn` passes through and nothing is written.
 */
export async function writeTx<N extends WritableName, T>(
  desk: DeskBase,
  tables: readonly N[],
  fn: (tx: WriteTx<N>) => Promise<T>,
  /** The audit chain's anchor of this desk, when the log lost rows (从空白开始: startEmpty.ts). */
  o: { auditAnchor?: ChainHead } = {},
): Promise<T> {
  refuseWithoutDeskWork(desk, tables);
  // Derived fields that need a module loaded on first use (searchKeys.ts), before the transaction.
  if ((tables as readonly string[]).includes('residents')) await ensureSearchKeys();
  const db = writableDb(desk);
  const now = desk.clock.now();
  const today = desk.clock.today(now);
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
  // A desk joined to its center also records what it writes (sync/outbox.ts); alone, nothing.
  const outbox = (await isJoined(db)) ? new OutboxCollector(deskNumberOf(desk), now) : undefined;
  const delta = new Map<string, number>();
  const rowsOf = (name: string) => (n: number) => void delta.set(name, (delta.get(name) ?? 0) + n);
  const writable = Object.fromEntries(
    tables.map((name) => [
      name,
      writeTable(name, db.table(name) as Table<RecordOf<N>, KeyOf<N>>, stamp, outbox, rowsOf(name)),
    ]),
  );
  const auditTable = outbox ? recordedAudit(db.auditLog, outbox) : db.auditLog;
  const appendAudit = auditAppender(auditTable, deskNumberOf(desk), o.auditAnchor);
  const auditRow = rowsOf('auditLog');
  let actingRow: Staff | undefined;
  let installKind: InstallKind | undefined;
  const tx = {
    ...writable,
    now,
    today,
    get actor(): Staff {
      if (!actingRow) throw new Error('invariant: this write has no acting staff row');
      return actingRow;
    },
    get installKind(): InstallKind {
      if (!installKind) throw new Error('invariant: the installation kind is read first');
      return installKind;
    },
    // Each row's stable identity (DB v10): a restore keeps it and never doubles it. Random (not
    // desk.newId, so audit rows do not use up the ids a test hands its records), no digits.
    // Chained onto this desk's head (DB v12), hashed synchronously inside the transaction.
    audit: (entry: AuditInput) =>
      appendAudit({ ...entry, id: newAuditId(), at: now, staffId: by }).then(() => auditRow(1)),
    stamp,
  } as unknown as WriteTx<N>;
  try {
    const dexie = db as unknown as Dexie;
    const actorId = desk.actor?.id ?? null;
    // `deskMeta` always: the installation's kind is read inside, and decides which tables it writes.
    const base = [...new Set([...tables, ...(actorId === null ? [] : ['staff']), 'deskMeta', 'auditLog'])];
    const scope = outbox ? [...base, 'outbox'] : base;
    // The staff row read once, as a Dexie promise chained to `fn` (no extra async level around it),
    // and handed to `fn` as `tx.actor`; the outbox row, if any, last.
    const result = await dexie.transaction('rw', scope as string[], () => {
      const acting = () =>
        actorId === null
          ? fn(tx)
          : db.staff.get(actorId).then((row) => {
              if (isDeskWork(tables)) refuseActingRow(row, now);
              actingRow = row;
              return fn(tx);
            });
      // A street install writes only the street's tables, a community install never them (installKind.ts).
      const run = () =>
        readInstallKind(db).then((kind) => {
          const refused = installRefusal(kind, tables);
          if (refused) throw new DomainRefusal(refused);
          installKind = kind;
          return acting();
        });
      if (!outbox) return run();
      // A Dexie promise chain (no extra async level around `fn`): the row joins the transaction.
      return Dexie.Promise.resolve(run()).then((value) => {
        const row = outbox.row();
        return row ? db.outbox.add(row).then(() => value) : value;
      });
    });
    notifyCommitted(delta);
    return result;
  } catch (e) {
    if (e instanceof DomainRefusal) throw e;
    const err = toStorageError(e);
    reportStorageError(err);
    throw err;
  }
}

/** The audit table as the chain appends to it, each row also collected for the outbox. */
function recordedAudit(table: DutyDeskDB['auditLog'], outbox: OutboxCollector): DutyDeskDB['auditLog'] {
  return new Proxy(table, {
    get(target, prop, receiver) {
      if (prop !== 'add') return Reflect.get(target, prop, receiver) as unknown;
      return (row: AuditEntry) => target.add(row).then((seq) => (outbox.written('auditLog', 'seq', row), seq));
    },
  });
}
