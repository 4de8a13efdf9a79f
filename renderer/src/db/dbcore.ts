/**
 * What the kept-table middlewares (tallies/middleware.ts, careVisits/middleware.ts) share at
 * Dexie's DBCore level: the middleware itself (`keptTableMiddleware`: the widened transactions,
 * the writes of a transaction one after another), Dexie's promise chain and the keys a
 * mutation touches.
 *
 * Dexie's promise, not `async`/`await`: the middlewares above (hooks, cache) read Dexie's zone
 * (the running transaction), which a native `await` would drop.
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { Dexie } from 'dexie';

/** Dexie's DBCoreRangeType: Range, and Any (a whole table: `clear()`). */
export const RANGE = 2 as const;
export const ANY = 3;

const DP = Dexie.Promise;
export const chain = <T>(p: PromiseLike<T> | T) => DP.resolve(p);
export const all = <T>(ps: (PromiseLike<T> | T)[]): PromiseLike<T[]> => DP.all(ps);

/** Whether the transaction's scope holds the store `name` (an upgrade before its version does not). */
export const holdsStore = (trans: DBCoreTransaction, name: string): boolean =>
  (trans as unknown as IDBTransaction).objectStoreNames?.contains(name) === true;

/**
 * A queue per transaction: the writes of one transaction run one after another (two parallel
 * puts never read the same old state). Each middleware has its own (one waiting on the other's
 * queue from inside a queued write would wait forever).
 */
export function turns(): <T>(trans: DBCoreTransaction, run: () => PromiseLike<T>) => PromiseLike<T> {
  const queues = new WeakMap<object, PromiseLike<unknown>>();
  return (trans, run) => {
    const next = chain(queues.get(trans)).then(run, run);
    queues.set(
      trans,
      next.then(
        () => undefined,
        () => undefined,
      ),
    );
    return next;
  };
}

/** The primary keys a request touches, in its order. */
export function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): PromiseLike<unknown[]> {
  switch (req.type) {
    case 'add':
    case 'put':
      return chain(req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey?.(v)));
    case 'delete':
      return chain(req.keys);
    case 'deleteRange':
      return chain(
        table.query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } }),
      ).then((r) => r.result);
  }
}

/**
 * The error of a kept table's follow-up request: a transaction aborted under the write (another
 * request of it failed, the browser aborted it) refuses every request after it with
 * InvalidStateError / TransactionInactiveError, which would tell the clerk the database was
 * closed; it is the abort that happened.
 */
function abortedUnder(e: unknown): unknown {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'InvalidStateError' || name === 'TransactionInactiveError'
    ? new DOMException('The transaction was aborted under the write', 'AbortError')
    : e;
}

/**
 * A middleware that keeps the table `kept` in step with the tables it `watches`: a read-write
 * transaction over a watched table gets `kept` (and the stores a write of that table `needs` to
 * work it out) added to its scope, and every mutation of a watched table runs `mutate` in turn
 * (one after another per transaction). A transaction without `kept` (an upgrade step before its
 * version) is let through.
 */
export function keptTableMiddleware(o: {
  name: string;
  level: number;
  kept: string;
  watches: (table: string) => boolean;
  needs?: (watched: string) => readonly string[];
  mutate: (
    name: string,
    table: DBCoreTable,
    down: DBCore,
    req: DBCoreMutateRequest,
  ) => PromiseLike<DBCoreMutateResponse>;
}): Middleware<DBCore> {
  const inTurn = turns();
  return {
    stack: 'dbcore',
    name: o.name,
    level: o.level,
    create(down) {
      const exists = down.schema.tables.some((t) => t.name === o.kept);
      return {
        ...down,
        transaction(stores, mode, options) {
          const watched = exists && mode === 'readwrite' ? stores.filter(o.watches) : [];
          if (watched.length === 0) return down.transaction(stores, mode, options);
          const needed = watched.flatMap((t) => o.needs?.(t) ?? []);
          return down.transaction([...new Set([...stores, ...needed, o.kept])], mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!o.watches(name)) return table;
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              if (!holdsStore(req.trans, o.kept)) return table.mutate(req);
              return inTurn(req.trans, () => o.mutate(name, table, down, req)).then(undefined, (e: unknown) => {
                throw abortedUnder(e);
              }) as Promise<DBCoreMutateResponse>;
            },
          };
        },
      };
    },
  };
}
