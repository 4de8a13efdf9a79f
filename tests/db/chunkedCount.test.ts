/**
 * db/chunkedCount.ts: a table counted a chunk at a time equals its `count()` at every size around
 * the chunk's edges, for string keys and the audit log's numbered ones; and a write that comes
 * while a big table is counted waits for one chunk, not for the whole count (the sign-in's audit
 * row during the start's wipe check, s38).
 */
import type { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { countInChunks } from '../../renderer/src/db/chunkedCount';
import { tableCounts } from '../../renderer/src/db/backup/integrity';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { freshDb } from './testDb';

type Event = { id: string; caseId: string; at: number };

describe('countInChunks', () => {
  it('equals count() at every size around the chunk edges, string keys and numbered ones', async () => {
    const db = freshDb() as unknown as Dexie;
    const events = db.table<Event, string>('caseEvents');
    const audit = db.table('auditLog');
    let n = 0;
    for (const rows of [0, 1, 2, 3, 4, 5, 6, 7, 12, 13]) {
      const add: Event[] = [];
      for (; n < rows; n++) add.push({ id: `e-${(n * 7919) % 1000}-${n}`, caseId: 'c', at: n });
      await events.bulkAdd(add);
      expect(await events.count()).toBe(rows);
      for (const size of [2, 3, 4, 6, 20])
        expect({ rows, size, n: await countInChunks(db, 'caseEvents', size) }).toEqual({ rows, size, n: rows });
    }
    await audit.bulkAdd(Array.from({ length: 11 }, (_, i) => ({ id: `a${i}`, at: i, staffId: 's', action: 'x' })));
    for (const size of [2, 5, 11, 12]) expect(await countInChunks(db, 'auditLog', size)).toBe(11);
    const counts = await tableCounts(db as unknown as DutyDeskDB);
    expect(counts.caseEvents).toBe(13);
    expect(counts.auditLog).toBe(11);
  });

  it('lets a write in between its chunks: the write does not wait for the whole count', async () => {
    const db = freshDb() as unknown as Dexie;
    const events = db.table<Event, string>('caseEvents');
    await events.bulkAdd(
      Array.from({ length: 400 }, (_, i) => ({ id: `e${String(i).padStart(4, '0')}`, caseId: 'c', at: i })),
    );
    const order: string[] = [];
    const count = countInChunks(db, 'caseEvents', 10).then((n) => order.push(`count ${n}`));
    // Asked for once the first chunk is under way (a one-transaction count() would hold it to the end).
    await Promise.resolve();
    const write = events.add({ id: 'e9999', caseId: 'c', at: 9999 }).then(() => order.push('write'));
    await Promise.all([count, write]);
    expect(order[0]).toBe('write');
    // The row written after the cursor passed its place is counted: it sorts after every chunk read before it.
    expect(order[1]).toBe('count 401');
  });
});
