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

export function rowsByKeys<T>(table: Table<T>, index: string, keys: readonly IndexableType[]): Promise<T[][]> {
  return Promise.all(keys.map((key) => table.where(index).equals(key).toArray()));
}
