/** v11 → v16 alone: the full copies a merge kept on its tombstone (`deleted.undo`) leave the center data. */
import { describe, expect, it } from 'vitest';
import { DutyDeskDB, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { openShipped } from './shippedSchemas';

const tombstone = (id: string, extra: object) => ({
  id,
  name: '',
  tags: [],
  searchKeys: [],
  createdAt: 1,
  createdBy: 'a',
  updatedAt: 5,
  updatedBy: 'a',
  deleted: { at: 5, day: '2026-11-24', by: 'a', reason: '合并居民档案', mergedInto: 'kept', ...extra },
});

describe('upgrade to v16 (merge undo snapshots desk-local)', () => {
  it('removes deleted.undo from every tombstone and keeps the rest of it; the snapshot table starts empty', async () => {
    const name = `upgrade-v16-${Math.random()}`;
    const v11 = openShipped(name, 11);
    const undo = { merged: { id: 'gone', idNumber: '110101199003070011', phone: '13900009999' }, kept: {}, moved: {} };
    await v11.table('residents').bulkAdd([tombstone('gone', { undo }), tombstone('old', {})]);
    v11.close();

    const db = new DutyDeskDB(name);
    const rows = await db.residents.toArray();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(rows.map((r) => r.deleted)).toEqual([tombstone('gone', {}).deleted, tombstone('old', {}).deleted]);
    expect(JSON.stringify(rows)).not.toContain('13900009999');
    expect(await db.mergeUndos.count()).toBe(0);
    db.close();
  });
});
