/**
 * The shape of a middleware that keeps a derived, desk-local table in step with the writes to the
 * tables it follows (the tallies, the kept summaries): every read-write transaction over a
 * followed table gets the companion table added to its scope, and each write to a followed table
 * in a transaction that holds it goes through `mutate` (which writes both). An upgrade step that
 * runs before the version creating the companion finds no such store and is let through.
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';

export type CompanionMutate = (
  name: string,
  table: DBCoreTable,
  companion: DBCoreTable,
  req: DBCoreMutateRequest,
) => PromiseLike<DBCoreMutateResponse>;

export function companionMiddleware(o: {
  name: string;
  level: number;
  companion: string;
  follows: (table: string) => boolean;
  mutate: CompanionMutate;
}): Middleware<DBCore> {
  const holds = (trans: DBCoreTransaction): boolean =>
    (trans as unknown as IDBTransaction).objectStoreNames?.contains(o.companion) === true;
  return {
    stack: 'dbcore',
    name: o.name,
    level: o.level,
    create(down) {
      const exists = down.schema.tables.some((t) => t.name === o.companion);
      return {
        ...down,
        transaction(stores, mode, options) {
          const widen = exists && mode === 'readwrite' && stores.some(o.follows) && !stores.includes(o.companion);
          return down.transaction(widen ? [...stores, o.companion] : stores, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!o.follows(name)) return table;
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              if (!holds(req.trans)) return table.mutate(req);
              return o.mutate(name, table, down.table(o.companion), req) as Promise<DBCoreMutateResponse>;
            },
          };
        },
      };
    },
  };
}
