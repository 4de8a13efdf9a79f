/**
 * Several reads as ONE IndexedDB read transaction. Each Dexie read outside a transaction opens
 * its own; a read made of many small ranges (the 操作日志 by category: one range per action)
 * pays that opening for every range, which on a busy PC costs more than the rows.
 */
import type { Dexie, Table } from 'dexie';
import type { ReadableDB } from './entities';

export function readTx<T>(db: ReadableDB, tables: readonly (keyof ReadableDB)[], read: () => Promise<T>): Promise<T> {
  const dexie = db as unknown as Dexie;
  return dexie.transaction(
    'r',
    tables.map((t) => dexie.table(t as string) as Table),
    // An async function: Dexie keeps the transaction across native awaits only for one (and
    // for every read the function awaits in turn).
    async () => await read(),
  );
}
