/**
 * A restore and the desk-local facts (db/deskLocalRows.ts): an older backup (the pre-upgrade one
 * is the likeliest) never puts them back into center tables; this PC keeps its own guards and
 * deskMeta unless the backup is of this same install; counters keep the higher value per key.
 */
import { describe, expect, it } from 'vitest';
import { DutyDeskDB } from '../../renderer/src/db/database';
import { readSnapshot, replaceAll } from '../../renderer/src/db/backup/snapshot';
import { deskLocalAfterRestore } from '../../renderer/src/db/deskLocalRows';
import { oldStaff, openShipped } from './shippedSchemas';

/** A v10 database of install 'install-A' (one locked clerk, a day's and a year's counter) and its backup tables. */
async function preDeskBackup(name: string) {
  const v10 = openShipped(name, 10);
  await v10.table('staff').bulkAdd([oldStaff('s1', 0, 0), oldStaff('s2', 5, 1_900_000_000_000)]);
  await v10.table('meta').bulkAdd([{ key: 'installId', value: 'install-A' }]);
  await v10.table('counters').bulkAdd([
    { key: 'THL-20261124', value: 7 },
    { key: 'THL-GD-2026', value: 41 },
  ]);
  const tables = await readSnapshot(v10);
  v10.close();
  return tables;
}

async function expectNoDeskLocalInCenterTables(db: DutyDeskDB) {
  for (const s of await db.staff.toArray()) {
    expect(s).not.toHaveProperty('failedAttempts');
    expect(s).not.toHaveProperty('lockedUntil');
  }
  expect((await db.meta.toArray()).map((r) => r.key)).not.toContain('installId');
}

describe('restoring a backup and the desk-local facts', () => {
  it('a pre-v14 backup of this same install: moved as at the upgrade, its guards back, counters never lower', async () => {
    const name = `restore-desk-local-same-${Math.random()}`;
    const backup = await preDeskBackup(name);
    const db = new DutyDeskDB(name); // the upgrade (same install: installId install-A)
    await db.open();
    await db.signInGuards.clear(); // unlocked since
    await db.counters.put({ key: 'THL-20261124-01', value: 9 }); // two more numbers issued since
    await replaceAll(db, backup);
    await expectNoDeskLocalInCenterTables(db);
    expect(await db.deskMeta.toArray()).toEqual([{ key: 'installId', value: 'install-A' }]);
    expect(await db.signInGuards.toArray()).toEqual([
      { staffId: 's2', failedAttempts: 5, lockedUntil: 1_900_000_000_000 },
    ]);
    expect((await db.counters.get('THL-20261124-01'))?.value).toBe(9);
    expect((await db.counters.get('THL-GD-2026-01'))?.value).toBe(41);
    db.close();
  });

  it("a backup of another PC: this PC's guards and install id stay; the backup's counters only where higher", async () => {
    const backup = await preDeskBackup(`restore-desk-local-other-src-${Math.random()}`);
    const db = new DutyDeskDB(`restore-desk-local-other-${Math.random()}`);
    await db.deskMeta.put({ key: 'installId', value: 'install-B' });
    await db.signInGuards.put({ staffId: 's9', failedAttempts: 2, lockedUntil: 0 });
    await db.counters.bulkPut([
      { key: 'THL-20261124-01', value: 3 },
      { key: 'THL-GD-2026-01', value: 50 },
    ]);
    await replaceAll(db, backup);
    await expectNoDeskLocalInCenterTables(db);
    expect(await db.deskMeta.toArray()).toEqual([{ key: 'installId', value: 'install-B' }]);
    expect(await db.signInGuards.toArray()).toEqual([{ staffId: 's9', failedAttempts: 2, lockedUntil: 0 }]);
    expect((await db.counters.get('THL-20261124-01'))?.value).toBe(7);
    expect((await db.counters.get('THL-GD-2026-01'))?.value).toBe(50);
    db.close();
  });

  it('keeps the later event clock stamp with the higher counter', () => {
    const live = { counters: [{ key: 'eventClock', value: 9, clock: 'a2' }], signInGuards: [], deskMeta: [] };
    const out = deskLocalAfterRestore(live, { counters: [{ key: 'eventClock', value: 5, clock: 'a3' }] });
    expect(out.counters).toEqual([{ key: 'eventClock', value: 9, clock: 'a3' }]);
  });
});
