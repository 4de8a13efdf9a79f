/** DB v24 (issue 26): the placeholder rota rows become one stamped record per day × person. */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DutyDeskDB, loadUpgradeSteps, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { schemaAt } from '../../renderer/src/db/backup/upgradeTables';

describe('DB v24', () => {
  it('a v23 database: rota rows re-keyed by day × person, stamped, the unusable dropped, the rest kept', async () => {
    const old = new Dexie('rota-v23');
    old.version(23).stores(schemaAt(23));
    await old.open();
    await old.table('rota').bulkPut([
      { id: 'r-1', day: '2026-11-24', staffId: 's-1', post: '值班岗' },
      { id: 'r-2', day: '2026-11-24', staffId: 's-2', post: '走访岗' },
      { id: 'r-3', day: '2026-11-24', staffId: 's-1', post: '走访岗' }, // the same cell again: the later key wins
      { id: 'r-4', day: 'yesterday', staffId: 's-1', post: '值班岗' }, // no real day: dropped
    ]);
    await old.table('handovers').put({ id: 'h-1', day: '2026-11-24', text: '交接' });
    old.close();
    await loadUpgradeSteps();
    const db = new DutyDeskDB('rota-v23');
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.rota.orderBy('id').toArray()).toEqual([
      {
        id: '2026-11-24|s-1',
        day: '2026-11-24',
        staffId: 's-1',
        post: '走访岗',
        createdAt: 0,
        createdBy: '',
        updatedAt: 0,
        updatedBy: '',
      },
      {
        id: '2026-11-24|s-2',
        day: '2026-11-24',
        staffId: 's-2',
        post: '走访岗',
        createdAt: 0,
        createdBy: '',
        updatedAt: 0,
        updatedBy: '',
      },
    ]);
    expect(await db.handovers.count()).toBe(1);
    db.close();
  });
});
