/**
 * Issue 28 item 4: after a save, the wipe-detection record (app/backup.ts, db/backup/integrity.ts)
 * follows the data by the rows the write added or removed — no table is counted. Counting walks
 * every table (at five years the audit log alone is 280,000 rows), and held the database for
 * seconds after every save while the 工作台 waited for its reads. Here: the record after each kind
 * of write equals a real count of every table, and recording it counted nothing; a write whose
 * rows are not known (the inbound sync) and the first recording count.
 */
import { describe, expect, it, vi } from 'vitest';
import { keptCounts } from '../../renderer/src/db/backup/keptCounts';
import { recordIntegrity, tableCounts } from '../../renderer/src/db/backup/integrity';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { signIn } from '../../renderer/src/db/repositories/staff';
import { importResidents } from '../../renderer/src/db/repositories/residentImport';
import { notifyCommitted, onWriteCommitted } from '../../renderer/src/db/write';
import { depsWithRecord } from './auditChainHelpers';
import { acceptCommittedCase, communityDesk, communityWithZhangSan, testDesk, WANG_WU } from './testDb';
import { createResident } from '../../renderer/src/db/repositories/residents';

describe('the wipe record after a write', () => {
  it('moves by the write’s rows, counts no table, and equals a real count', async () => {
    const { db, admin, resident } = await communityWithZhangSan();
    const desk = await communityDesk(db, { staffId: admin.id });
    const { deps } = depsWithRecord();
    const counts = keptCounts();
    const stop = onWriteCommitted((rows) => counts.committed(rows));
    // Every table shares Dexie's Table class: its `count` is what counting a table calls.
    const countSpy = vi.spyOn(Object.getPrototypeOf(db.auditLog) as { count: () => Promise<number> }, 'count');
    const record = async () => {
      countSpy.mockClear();
      let written: Record<string, number> = {};
      await counts.record(async (known) => {
        const r = await recordIntegrity(db as DutyDeskDB, deps, undefined, known ? { counts: known } : {});
        written = r.counts;
        return r;
      });
      return { written, counted: countSpy.mock.calls.length };
    };
    try {
      // The first recording counts every table.
      const first = await record();
      expect(first.counted).toBeGreaterThan(10);
      expect(first.written).toEqual(await tableCounts(db as DutyDeskDB));

      const writes: [string, () => Promise<unknown>][] = [
        ['a visit with its case, events and audit rows', () => acceptCommittedCase(desk, resident.id)],
        ['a new resident (put of a new key)', () => createResident(desk, WANG_WU)],
        [
          'a wrong PIN (a guard row added) and the right one (deleted)',
          async () => {
            await signIn(testDesk(db), admin.id, '000000');
            await signIn(testDesk(db), admin.id, '246810');
          },
        ],
        [
          'an import (bulkAdd)',
          () =>
            importResidents(desk, {
              fileName: 'x.csv',
              mode: 'skip',
              rows: [{ row: 2, value: { name: '赵六', phone: '13900002222', tags: [] } }],
              rejected: 0,
              mapping: {},
            }),
        ],
      ];
      for (const [what, write] of writes) {
        await write();
        const r = await record();
        expect({ what, counted: r.counted }).toEqual({ what, counted: 0 });
        expect({ what, counts: r.written }).toEqual({ what, counts: await tableCounts(db as DutyDeskDB) });
      }
      // A write whose rows are not known: the next recording counts.
      notifyCommitted();
      expect((await record()).counted).toBeGreaterThan(10);
    } finally {
      stop();
      countSpy.mockRestore();
    }
  });
});
