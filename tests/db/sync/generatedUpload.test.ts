/**
 * The bench's generated desks join a center whole (the sync benchmarks and the join tests seed
 * hubs with them): the join's upload makes one document of every travelling record — the audit
 * log's too, which travels by its rows' stable ids (an id-less row, as the generator once wrote
 * them, collapsed into one document and the log stayed behind). Two desks' rows never share an id.
 */
import { describe, expect, it } from 'vitest';
import { generateDesk } from '../../../bench/data/generate';
import { loadDesk } from '../../../bench/data/load';
import { TRAVELLING } from '../../../renderer/src/sync/outbox';
import { uploadAll } from '../../../renderer/src/sync/upload';
import { freshDb } from '../testDb';
import { memoryPouch } from './pouchMemory';

describe('a generated desk joining its center', () => {
  it('uploads one document per travelling record, audit rows included', async () => {
    const db = freshDb();
    await loadDesk(db, generateDesk('tiny'), { iterations: 1000 });
    const local = memoryPouch();
    let n = 0;
    await uploadAll(db, local, { desk: 1, newActionId: () => `action-${++n}` });
    const docs = new Map<string, number>();
    for (const row of (await local.allDocs({})).rows) {
      const table = row.id.slice(0, row.id.indexOf(':'));
      docs.set(table, (docs.get(table) ?? 0) + 1);
    }
    for (const table of TRAVELLING) expect(docs.get(table) ?? 0, table).toBe(await db.table(table).count());
    expect(docs.get('auditLog')).toBeGreaterThan(2000);
    await local.destroy();
  }, 60_000);

  it('gives every audit row of two desks of one center its own id', () => {
    const ids = [1, 2].flatMap((desk) => generateDesk('tiny', undefined, { desk }).auditLog.map((r) => r.id));
    expect(ids.every((id) => typeof id === 'string' && /^[a-p]{32}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
