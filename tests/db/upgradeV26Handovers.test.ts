/** v23 → v26 alone: the placeholder 交接班 rows become hand-over notes; the 签阅 table starts empty. */
import { describe, expect, it } from 'vitest';
import { DutyDeskDB, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { openShipped } from './shippedSchemas';

const STAMP = { createdAt: 5, createdBy: 's1', updatedAt: 6, updatedBy: 's1' };

describe('upgrade to v26 (交接班 notes and their 签阅)', () => {
  it('reshapes each placeholder row (for its own day, by its creator, numbers masked) and indexes the day it is for', async () => {
    const name = `upgrade-v26-${Math.random()}`;
    // `handovers` kept v1's shape ('id, day') up to v23: a v11 database holds the same rows.
    const old = openShipped(name, 11);
    await old.table('handovers').bulkAdd([
      { id: 'h1', day: '2026-11-24', text: '回电 13812345678', ...STAMP },
      { id: 'h2', day: '2026-11-25', text: '', ...STAMP, createdBy: 's2' },
    ]);
    old.close();

    const db = new DutyDeskDB(name);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.handovers.toArray()).toEqual([
      {
        id: 'h1',
        day: '2026-11-24',
        forDay: '2026-11-24',
        staffId: 's1',
        facts: [],
        watch: [],
        text: '回电 138****5678',
        ...STAMP,
      },
      {
        id: 'h2',
        day: '2026-11-25',
        forDay: '2026-11-25',
        staffId: 's2',
        facts: [],
        watch: [],
        text: '',
        ...STAMP,
        createdBy: 's2',
      },
    ]);
    expect(await db.handovers.where('forDay').equals('2026-11-25').primaryKeys()).toEqual(['h2']);
    expect(await db.handoverReads.count()).toBe(0);
    db.close();
  });
});
