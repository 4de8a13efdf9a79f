/**
 * One random write of a property test over a kept table (tallies.test.ts, careLastVisits.test.ts):
 * a put, an add (a failure ignored), a bulkPut, puts in parallel in one transaction, a delete, a
 * range delete, a clear, or a put in a transaction aborted on purpose.
 */
import type { Dexie } from 'dexie';

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
