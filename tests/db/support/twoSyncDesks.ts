/**
 * Two desks of one center for the 同步冲突 / 数据冲突 tests (tests/db/syncConflicts*.test.ts):
 * desk 1 set up by its 站长 (a back-office 值班员 李梅 and the resident 张三 too), whatever the
 * test adds on desk 1 (`more`), then desk 2 (二号窗口, its clock a minute later) holding all of it
 * through the replicas; `syncAll` exchanges the replicas and lets both desks apply until idle.
 */
import { expect } from 'vitest';
import { acted, exchange, follow, memoryPouch } from './syncHarness';
import { addSignedStaff, communityDesk, createZhangSan, freshDb, setUpCommunity, T0, testDesk } from '../testDb';
import { hashSecret } from '../../../renderer/src/db/secrets';
import type { DutyDeskDB } from '../../../renderer/src/db/database';
import type { Desk } from '../../../renderer/src/db/desk';

export const DESK2 = { no: 2, name: '二号窗口' };
export type Replica = ReturnType<typeof memoryPouch>;
export type TwoDesks = { db1: DutyDeskDB; local1: Replica; desk1: Desk; db2: DutyDeskDB; local2: Replica; desk2: Desk };

/** Desk 1's own part of the setup (what `more` gets). */
export type DeskOne = Awaited<ReturnType<typeof deskOne>>;

async function deskOne() {
  const db1 = freshDb();
  const local1 = memoryPouch();
  const admin = await acted(db1, local1, 1, () => setUpCommunity(db1));
  const desk1 = await communityDesk(db1, { staffId: admin.id, role: '站长/管理员' });
  const password = await hashSecret('135790', undefined, 1000);
  const back = await acted(db1, local1, 1, () =>
    addSignedStaff(desk1, { name: '李梅', role: '值班员', grids: [], password }),
  );
  const zhang = await acted(db1, local1, 1, () => createZhangSan(db1, admin.id, '2026-11-24'));
  /** Runs `act` on desk 1 and puts what it wrote into desk 1's replica. */
  const on1 = <T>(act: () => Promise<T>) => acted(db1, local1, 1, act);
  return { db1, local1, desk1, admin, back, zhang, on1 };
}

/** Desk 1 (plus what `more` does there), then desk 2 holding all of it. */
export async function twoSyncDesks<X>(more: (one: DeskOne) => Promise<X>) {
  const one = await deskOne();
  const extra = await more(one);
  const db2 = freshDb();
  const local2 = memoryPouch();
  await exchange(one.local1, local2);
  const first = follow(testDesk(db2, { identity: DESK2 }), local2);
  await first.inbound.idle();
  first.inbound.stop();
  const desk2 = await communityDesk(db2, {
    staffId: one.admin.id,
    role: '站长/管理员',
    identity: DESK2,
    now: T0 + 60_000,
  });
  const w: TwoDesks = { db1: one.db1, local1: one.local1, desk1: one.desk1, db2, local2, desk2 };
  return { w, admin: one.admin, back: one.back, zhang: one.zhang, ...extra };
}

/**
 * Both desks follow their replicas until idle, replicas exchanged first; no warning on either.
 * Returns desk 1's inbound, still running (desk 1 started last: the replica's record conflicts are
 * resolved with it); the caller stops it.
 */
export async function syncAll(w: Pick<TwoDesks, 'local1' | 'desk1' | 'local2' | 'desk2'>) {
  await exchange(w.local1, w.local2);
  const i2 = follow(w.desk2, w.local2);
  const i1 = follow(w.desk1, w.local1);
  await i1.inbound.idle();
  await i2.inbound.idle();
  i2.inbound.stop();
  expect([...i1.warnings, ...i2.warnings]).toEqual([]);
  return i1.inbound;
}
