/**
 * Issue 24 item 5: the 工作台 and the queues update live when documents arrive from another desk.
 * Those rows are written by the inbound side in its own Dexie transaction, NOT through writeTx;
 * the screens read through useLiveQuery (Dexie's liveQuery). This checks that a live read of the
 * 工作台's counts re-runs for such a write: desk A 转办s a case to 李明, the rows A wrote are put
 * into desk B's database by a plain Dexie transaction, and B's live 待我签收 count goes 0 → 1.
 */
import { liveQuery, type Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@shared/domain/workingCalendar';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { performCaseAction } from '../../renderer/src/db/repositories/cases';
import { dashboardCounts } from '../../renderer/src/db/repositories/dashboard';
import {
  acceptCommittedCase,
  addClerkLiMing,
  counterIds,
  createZhangSan,
  freshDb,
  setUpCommunity,
  T0,
  testDesk,
  TODAY,
} from './testDb';

const calendar = createCalendar();
const dexieOf = (db: DutyDeskDB) => db as unknown as Dexie;

/** Every row of `tables` of `from` put into `to` in ONE plain Dexie transaction (no writeTx), as inbound does. */
async function copyRows(from: DutyDeskDB, to: DutyDeskDB, tables: string[]): Promise<void> {
  const rows = await Promise.all(tables.map((t) => dexieOf(from).table(t).toArray()));
  await dexieOf(to).transaction('rw', tables, async () => {
    for (const [i, t] of tables.entries()) await dexieOf(to).table(t).bulkPut(rows[i]!);
  });
}

describe('live reads follow rows written outside writeTx', () => {
  it('a 转办 arriving from another desk shows under 待我签收 on the live 工作台', async () => {
    const a = freshDb();
    const admin = await setUpCommunity(a);
    const back = await addClerkLiMing(a, admin.id, 'back-1');
    const resident = await createZhangSan(a, admin.id, TODAY);
    const desk = (staffId: string, db: DutyDeskDB) =>
      testDesk(db, { staffId, now: T0, today: TODAY, calendar, ...counterIds(`d-${staffId}`) });
    const { record } = await acceptCommittedCase(desk(admin.id, a), resident.id);

    // Desk B holds the center's data as it was (copied outside writeTx too).
    const b = freshDb();
    const all = dexieOf(a).tables.map((t) => t.name);
    await copyRows(a, b, all);

    const seen: number[] = [];
    let first!: () => void;
    let arrived!: () => void;
    const firstRead = new Promise<void>((resolve) => (first = resolve));
    const done = new Promise<void>((resolve) => (arrived = resolve));
    const sub = liveQuery(() => dashboardCounts(desk(back.id, b))).subscribe({
      next: (c) => {
        seen.push(c.toSignFor);
        first();
        if (c.toSignFor === 1) arrived();
      },
      error: (e: unknown) => {
        throw e;
      },
    });
    try {
      // B's 工作台 as it opens: nothing to sign for yet.
      await firstRead;
      await performCaseAction(desk(admin.id, a), record.id, { type: '转办', toStaffId: back.id });
      await copyRows(a, b, ['cases', 'caseEvents', 'auditLog']);
      await done;
    } finally {
      sub.unsubscribe();
    }
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
  });
});
