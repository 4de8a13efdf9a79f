/**
 * One random write of a property test over a kept table (tallies.test.ts, careLastVisits.test.ts):
 * a put, an add (a failure ignored), a bulkPut, puts in parallel in one transaction, a delete, a
 * range delete, a clear, or a put in a transaction aborted on purpose.
 */
import type { Dexie } from 'dexie';
import type { DutyDeskDB } from '../../../renderer/src/db/database';
import { freshDb } from '../testDb';

export type RandomWrite =
  | { kind: 'put' | 'add' | 'bulkPut' | 'parallel' | 'aborted'; t: string; rows: object[] }
  | { kind: 'delete' | 'deleteBelow'; t: string; id: string }
  | { kind: 'clear'; t: string };

export async function applyRandomWrite(dx: Dexie, o: RandomWrite): Promise<void> {
  const table = dx.table(o.t);
  if (o.kind === 'put') await table.put(o.rows[0]);
  else if (o.kind === 'add') await table.add(o.rows[0]).catch(() => undefined);
  else if (o.kind === 'bulkPut') await table.bulkPut(o.rows);
  else if (o.kind === 'parallel') await dx.transaction('rw', o.t, () => Promise.all(o.rows.map((r) => table.put(r))));
  else if (o.kind === 'delete') await table.delete(o.id);
  else if (o.kind === 'deleteBelow')
    await table
      .where(table.schema.primKey.keyPath as string)
      .below(o.id)
      .delete();
  else if (o.kind === 'clear') await table.clear();
  else if (o.kind === 'aborted')
    await dx
      .transaction('rw', o.t, async () => {
        await table.put(o.rows[0]);
        throw new Error('aborted on purpose');
      })
      .catch(() => undefined);
}

/** `ops` applied to a fresh database, then `check` of it (the database closed and deleted after). */
export async function afterRandomWrites(
  ops: readonly RandomWrite[],
  check: (db: DutyDeskDB) => Promise<void>,
): Promise<void> {
  const db = freshDb();
  try {
    for (const o of ops) await applyRandomWrite(db as unknown as Dexie, o);
    await check(db);
  } finally {
    db.close();
    await db.delete();
  }
}
