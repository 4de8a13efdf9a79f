/**
 * A fault at every step (issue 22, item 12) — TEST ONLY, never in app code.
 *
 * `faultInjector()` gives a Dexie DBCore middleware (`db.use(injector.middleware)` on a test
 * database, before it opens) that counts every IndexedDB operation reaching the database —
 * opening a transaction and each request on a table: `get`, `getMany`, `query`, `openCursor`,
 * `count`, `mutate` — and, once armed, fails the N-th with a DOMException:
 * - `QuotaExceededError`: the request fails as on a full disk (Dexie aborts the transaction);
 * - `AbortError`: the transaction itself is aborted under the write (as the browser does on a
 *   crash of its IndexedDB backend or a closing tab), then the request fails;
 * - `ConstraintError`: the request fails as on a duplicate key.
 * It sits below every other middleware (level −100), so it sees the requests as IndexedDB
 * does, after the derived-field and Dexie's own middlewares.
 *
 * `snapshotTables(db)` reads every table with the raw tables (not the repositories) in one
 * read-only transaction: each table's rows in primary-key order, as canonical JSON, for a
 * comparison row by row.
 */
import type { DBCore, DBCoreTable, DBCoreTransaction, Dexie, Middleware } from 'dexie';

export const FAULT_KINDS = ['QuotaExceededError', 'AbortError', 'ConstraintError'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

type TableOp = 'get' | 'getMany' | 'query' | 'openCursor' | 'count' | 'mutate';
const TABLE_OPS: readonly TableOp[] = ['get', 'getMany', 'query', 'openCursor', 'count', 'mutate'];

/**
 * Where the fault landed: the operation's number, what it was, on which table, and how many
 * read-write transactions had committed before it (0: nothing of the write was stored yet).
 */
export type InjectedFault = {
  n: number;
  kind: FaultKind;
  op: TableOp | 'transaction';
  table: string;
  committedBefore: number;
};

export type FaultInjector = {
  middleware: Middleware<DBCore>;
  /** Fails the `n`-th operation from now with `kind` (operations are counted from 1). */
  arm(n: number, kind: FaultKind): void;
  /** Counts operations from now without failing any. */
  count(): void;
  /** Stops counting; returns how many operations ran, the read-write commits seen and the fault injected, if one was. */
  disarm(): { operations: number; commits: number; injected: InjectedFault | null };
};

const MESSAGES: Record<FaultKind, string> = {
  QuotaExceededError: 'injected: the quota has been exceeded',
  AbortError: 'injected: the transaction was aborted',
  ConstraintError: 'injected: a constraint was not satisfied',
};

export function faultInjector(): FaultInjector {
  let counting = false;
  let operations = 0;
  let commits = 0;
  let plan: { n: number; kind: FaultKind } | null = null;
  let injected: InjectedFault | null = null;

  /** The fault for this operation, if it is the planned one. */
  function next(op: InjectedFault['op'], table: string): DOMException | null {
    if (!counting) return null;
    operations += 1;
    if (!plan || operations !== plan.n) return null;
    injected = { n: operations, kind: plan.kind, op, table, committedBefore: commits };
    return new DOMException(MESSAGES[plan.kind], plan.kind);
  }

  function abort(trans: DBCoreTransaction | undefined): void {
    try {
      (trans as unknown as IDBTransaction | undefined)?.abort();
    } catch {
      // Already finished or aborted: the failed request below is the fault.
    }
  }

  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'faultInjection',
    level: -100,
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          const fault = next('transaction', stores.join(','));
          if (fault) throw fault;
          const trans = down.transaction(stores, mode, options);
          if (counting && mode === 'readwrite')
            (trans as unknown as IDBTransaction).addEventListener('complete', () => {
              if (counting) commits += 1;
            });
          return trans;
        },
        table(name) {
          const table = down.table(name);
          const wrapped: Partial<DBCoreTable> = {};
          for (const op of TABLE_OPS) {
            const call = table[op].bind(table) as (req: { trans?: DBCoreTransaction }) => Promise<unknown>;
            (wrapped as Record<TableOp, unknown>)[op] = (req: { trans?: DBCoreTransaction }) => {
              const fault = next(op, name);
              if (!fault) return call(req);
              if (fault.name === 'AbortError') abort(req.trans);
              return Promise.reject(fault);
            };
          }
          return { ...table, ...wrapped };
        },
      };
    },
  };

  return {
    middleware,
    arm(n, kind) {
      counting = true;
      operations = 0;
      commits = 0;
      plan = { n, kind };
      injected = null;
    },
    count() {
      counting = true;
      operations = 0;
      commits = 0;
      plan = null;
      injected = null;
    },
    disarm() {
      counting = false;
      const out = { operations, commits, injected };
      plan = null;
      return out;
    },
  };
}

/** Every table as canonical JSON rows (object keys sorted), in primary-key order. */
export type TablesSnapshot = Record<string, string[]>;

const canonical = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x,
  );

/** Reads every table of `db` with the raw tables, in one read-only transaction (one moment). */
export async function snapshotTables(db: Dexie): Promise<TablesSnapshot> {
  return db.transaction('r', db.tables, async () => {
    const out: TablesSnapshot = {};
    for (const t of db.tables) out[t.name] = (await t.toArray()).map(canonical);
    return out;
  });
}

/** The rows that differ between two snapshots, table by table (empty when they are equal). */
export function tableDifferences(before: TablesSnapshot, after: TablesSnapshot): string[] {
  const out: string[] = [];
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[name] ?? [];
    const b = after[name] ?? [];
    const gone = a.filter((row) => !b.includes(row));
    const added = b.filter((row) => !a.includes(row));
    if (gone.length === 0 && added.length === 0 && a.length === b.length) continue;
    out.push(`${name}: ${a.length} → ${b.length} rows; ${added.length} new or changed, ${gone.length} gone or changed`);
    for (const row of added.slice(0, 3)) out.push(`  + ${row.slice(0, 200)}`);
    for (const row of gone.slice(0, 3)) out.push(`  - ${row.slice(0, 200)}`);
  }
  return out;
}
