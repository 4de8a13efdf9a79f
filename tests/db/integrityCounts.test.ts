/**
 * Issue 28 item 4: after a save, the wipe-detection record (app/backup.ts, db/backup/integrity.ts)
 * follows the data by the rows the write added or removed — no table is counted. Counting walks
 * every table (at five years the audit log alone is 280,000 rows), and held the database for
 * seconds after every save while the 工作台 waited for its reads. Here: the record after each kind
 * of write equals a real count of every table, and recording it counted nothing; a write whose
 * rows are not known and the first recording count. The inbound sync tells the rows it added or
 * removed too (applyDocs.ts `rows`): before, every inbound commit counted every table — without
 * pause through a join, and at five years 700,000 rows for each arriving write.
 */
import { describe, expect, it, vi } from 'vitest';
import { keptCounts } from '../../renderer/src/db/backup/keptCounts';
import { checkIntegrity, recordIntegrity, tableCounts } from '../../renderer/src/db/backup/integrity';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { signIn } from '../../renderer/src/db/repositories/staff';
import { importResidents } from '../../renderer/src/db/repositories/residentImport';
import { type RowDelta } from '../../renderer/src/db/write';
import { notifyCommitted, onWriteCommitted, quietDuring } from '../../renderer/src/db/committed';
import { centerSeed } from '../sync/centerSeed';
import { memoryPouch } from './sync/pouchMemory';
import { follow } from './support/syncHarness';
import { depsWithRecord } from './auditChainHelpers';
import { acceptCommittedCase, communityDesk, communityWithZhangSan, freshDb, testDesk, WANG_WU } from './testDb';
import { createResident } from '../../renderer/src/db/repositories/residents';

/** Counting a table opens a key cursor on its store (db/chunkedCount.ts): nothing else here does. */
const countingSpy = () => vi.spyOn(IDBObjectStore.prototype, 'openKeyCursor');

describe('the wipe record after a write', () => {
  it('moves by the write’s rows, counts no table, and equals a real count', async () => {
    const { db, admin, resident } = await communityWithZhangSan();
    const desk = await communityDesk(db, { staffId: admin.id });
    const { deps } = depsWithRecord();
    const counts = keptCounts();
    const stop = onWriteCommitted((rows) => counts.committed(rows));
    const countSpy = countingSpy();
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

describe('the wipe record seeded by the start’s check', () => {
  it('moves the check’s counts after the first write (no table counted), and counts when a write overlapped the check', async () => {
    const { db, admin } = await communityWithZhangSan();
    const { deps } = depsWithRecord();
    await recordIntegrity(db as DutyDeskDB, deps);
    const check = await quietDuring(() => checkIntegrity(db as DutyDeskDB, deps));
    expect(check.quiet).toBe(true);
    expect(check.value).toEqual({ ok: true, counts: await tableCounts(db as DutyDeskDB) });
    const seed = check.value.ok ? check.value.counts : undefined;
    const countSpy = countingSpy();
    const counts = keptCounts(seed);
    const stop = onWriteCommitted((rows) => counts.committed(rows));
    try {
      await signIn(testDesk(db), admin.id, '246810'); // the sign-in's audit row: the first write after the check
      let written: Record<string, number> = {};
      await counts.record(async (known) => {
        const r = await recordIntegrity(db as DutyDeskDB, deps, undefined, known ? { counts: known } : {});
        written = r.counts;
        return r;
      });
      expect(countSpy).not.toHaveBeenCalled();
      countSpy.mockRestore();
      expect(written).toEqual(await tableCounts(db as DutyDeskDB));
    } finally {
      stop();
      countSpy.mockRestore();
    }
    // A write committed while the check counted: not quiet, so no seed (the next recording counts).
    const overlapped = await quietDuring(async () => {
      const r = checkIntegrity(db as DutyDeskDB, deps);
      await signIn(testDesk(db), admin.id, '246810');
      return r;
    });
    expect(overlapped.quiet).toBe(false);
  });
});

describe('the wipe record after the inbound sync', () => {
  it('moves by the rows each inbound commit added or removed, counts no table, and equals a real count', async () => {
    const db = freshDb();
    const desk = testDesk(db, { identity: { no: 2, name: '二号窗口' } });
    // The first whole actions of a generated center (the inbound waits for an action's every document).
    const all = centerSeed(20261204, 'tiny').docs;
    const actions = [...new Set(all.map((d) => d.action.id))].slice(0, 300);
    const docs = all.filter((d) => actions.includes(d.action.id));
    const local = memoryPouch('rows');
    const counts = keptCounts();
    const notified: (RowDelta | undefined)[] = [];
    const stop = onWriteCommitted((rows) => {
      notified.push(rows);
      counts.committed(rows);
    });
    const countSpy = countingSpy();
    const { deps } = depsWithRecord();
    const record = async () => {
      countSpy.mockClear();
      let written: Record<string, number> = {};
      await counts.record(async (known) => {
        const r = await recordIntegrity(db, deps, undefined, known ? { counts: known } : {});
        written = r.counts;
        return r;
      });
      return { written, counted: countSpy.mock.calls.length };
    };
    const { inbound } = follow(desk, local);
    try {
      await record(); // the first recording counts every table
      const half = Math.floor(docs.length / 2);
      const steps: [string, () => Promise<unknown>][] = [
        ['the first half of a center (a join)', () => local.bulkDocs(docs.slice(0, half))],
        ['the rest', () => local.bulkDocs(docs.slice(half))],
        [
          'a resident and a visit edited, a resident deleted (rows removed), an event and an audit row seen again',
          async () => {
            const ids = ['residents', 'visits', 'residents'].map((t) => docs.find((d) => d.type === t)!._id);
            const [edited, visit] = await Promise.all(ids.slice(0, 2).map((id) => local.get(id)));
            const gone = await local.get(docs.filter((d) => d.type === 'residents').at(-1)!._id);
            // An event and an audit row seen again (a new revision, the same content): not new rows.
            const [event, audit] = await Promise.all(
              ['caseEvents', 'auditLog'].map((t) => local.get(docs.find((d) => d.type === t)!._id)),
            );
            const action = { id: 'rowsedit', size: 3 };
            await local.bulkDocs([
              { ...edited!, action, record: { ...edited!.record, phone: '13900001111' } },
              { ...visit!, action, record: { ...visit!.record, content: '改' } },
              { ...gone, action, _deleted: true },
              event!, // a document seen again with the same content is applied alone
              audit!,
            ]);
          },
        ],
      ];
      for (const [what, step] of steps) {
        notified.length = 0;
        await step();
        await inbound.idle();
        expect({ what, unknown: notified.filter((r) => r === undefined).length }).toEqual({ what, unknown: 0 });
        const r = await record();
        expect({ what, counted: r.counted }).toEqual({ what, counted: 0 });
        expect({ what, counts: r.written }).toEqual({ what, counts: await tableCounts(db) });
      }
      expect(await db.residents.count()).toBe(docs.filter((d) => d.type === 'residents').length - 1);
    } finally {
      inbound.stop();
      stop();
      countSpy.mockRestore();
      await local.destroy();
    }
  }, 60_000);
});
