/** v10 → v14 alone (no other part's version needed): the PC's own facts move to desk-local tables. */
import { describe, expect, it } from 'vitest';
import { DutyDeskDB, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { oldStaff, openShipped } from './shippedSchemas';

describe('upgrade v10 → v14 (desk-local facts apart)', () => {
  it('moves sign-in failures and locks to signInGuards and installId to deskMeta; the rest stays', async () => {
    const name = `upgrade-v14-${Math.random()}`;
    const v10 = openShipped(name, 10);
    await v10
      .table('staff')
      .bulkAdd([oldStaff('s1', 0, 0), oldStaff('s2', 3, 0), oldStaff('s3', 5, 1_900_000_000_000)]);
    await v10.table('meta').bulkAdd([
      { key: 'installId', value: 'install-1' },
      { key: 'meetingGuests', value: [{ name: '甲', role: '网格长' }] },
    ]);
    await v10.table('counters').bulkAdd([
      { key: 'THL-20261124', value: 7 },
      { key: 'THL-GD-2026', value: 41 },
    ]);
    v10.close();

    const db = new DutyDeskDB(name);
    expect(await db.staff.count()).toBe(3); // opens and upgrades
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.signInGuards.toArray()).toEqual([
      { staffId: 's2', failedAttempts: 3, lockedUntil: 0 },
      { staffId: 's3', failedAttempts: 5, lockedUntil: 1_900_000_000_000 },
    ]);
    for (const s of await db.staff.toArray()) {
      expect(s).not.toHaveProperty('failedAttempts');
      expect(s).not.toHaveProperty('lockedUntil');
      expect(s.name).toBe(s.id);
    }
    expect(await db.deskMeta.toArray()).toEqual([{ key: 'installId', value: 'install-1' }]);
    expect((await db.meta.toArray()).map((r) => r.key)).toEqual(['meetingGuests']);
    // Counters were desk-local already: the day's counter from before desks stays as it was,
    // and desk 1 (every PC was desk 1) goes on from it — the day's and the year's sequence.
    expect(await db.counters.get('THL-20261124')).toEqual({ key: 'THL-20261124', value: 7 });
    expect(await db.counters.get('THL-20261124-01')).toEqual({ key: 'THL-20261124-01', value: 7 });
    expect(await db.counters.get('THL-GD-2026-01')).toEqual({ key: 'THL-GD-2026-01', value: 41 });
    db.close();

    const again = new DutyDeskDB(name);
    expect(await again.signInGuards.count()).toBe(2);
    expect(await again.deskMeta.count()).toBe(1);
    again.close();
  });
});
