/**
 * Rows looked up by many keys of one index, as a bulk write's reads need them (the inbound
 * apply's refold, sync/refold.ts): one request per key, all under way at once, each
 * key's rows at its place. `where(index).anyOf(keys)` walks ONE cursor hopping from key to key —
 * a round trip to IndexedDB per row and per hop — which, behind a backing store kept busy by the
 * join's pull into the same origin's PouchDB, was the inbound's slowest read (s37: the join's CPU
 * profile, Dexie's anyOf algorithm and cursor steps; bench/syncJoin.bench.test.ts).
 * Called inside the caller's transaction (its zone: the requests are made before any await).
 */
import type { IndexableType, Table } from 'dexie';
import type { ReadTable } from './entities';

export function rowsByKeys<T>(table: Table<T>, index: string, keys: readonly IndexableType[]): Promise<T[][]> {
  return Promise.all(keys.map((key) => table.where(index).equals(key).toArray()));
}

/** From this many keys on, `rowsWithKeyIn` reads the index once instead of hopping key to key. */
export const MANY_KEYS = 300;

/**
 * The rows whose `index` key is one of `keys` (string keys of a plain index, e.g. the records of
 * a report's cases by `caseId`), each once. For a few keys, `anyOf`; for many (a year's report:
 * some 13,000 cases), `anyOf`'s cursor hops cost a round trip per key — over a second at five
 * years — so the index is read ONCE between the smallest and the largest key (one request) and
 * the rows of other keys left out: 4,091 problems with a case in 0.12 s there.
 */
export function rowsWithKeyIn<T>(
  table: ReadTable<T, unknown>,
  index: string,
  keys: readonly string[],
  keyOf: (row: T) => unknown,
): Promise<T[]> {
  if (keys.length < MANY_KEYS) return table.where(index).anyOf(keys).toArray();
  const wanted = new Set(keys);
  const sorted = [...wanted].sort();
  return table
    .where(index)
    .between(sorted[0]!, sorted[sorted.length - 1]!, true, true)
    .toArray()
    .then((rows) => rows.filter((r) => wanted.has(keyOf(r) as string)));
}
