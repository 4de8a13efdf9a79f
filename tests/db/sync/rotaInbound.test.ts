/**
 * 值班表 between desks (issue 26, DB v24): one record per day × person, so two desks drawing up
 * different days (or different people of one day) never conflict; the same cell on both is one
 * 数据冲突 the 站长 resolves like any other record.
 */
import { describe, expect, it } from 'vitest';
import { rotaCellId } from '@shared/domain/records';
import { communityDesk, freshDb, setUpCommunity } from '../testDb';
import { acted, exchange, follow, memoryPouch } from '../support/syncHarness';
import { setRotaCell } from '../../../renderer/src/db/repositories/rotaChanges';

const DESK2 = { no: 2, name: '二号窗口' };

async function twoDesks() {
  const db1 = freshDb();
  const local1 = memoryPouch();
  const admin = await acted(db1, local1, 1, () => setUpCommunity(db1));
  const db2 = freshDb();
  const local2 = memoryPouch();
  await exchange(local1, local2);
  const in2 = follow(await communityDesk(db1, { identity: DESK2 }).then((d) => ({ ...d, db: db2 })), local2).inbound;
  await in2.idle();
  const desk1 = await communityDesk(db1, { staffId: admin.id, role: '站长/管理员' });
  const desk2 = await communityDesk(db2, { staffId: admin.id, role: '站长/管理员', identity: DESK2 });
  const in1 = follow(desk1, local1).inbound;
  const settle = async () => {
    await exchange(local1, local2);
    await Promise.all([in1.idle(), in2.idle()]);
  };
  const stop = () => {
    in1.stop();
    in2.stop();
  };
  return { db1, db2, local1, local2, admin, desk1, desk2, settle, stop };
}

describe('the rota between two desks', () => {
  it('different days drawn up on each desk: both cells on both desks, no conflict', async () => {
    const w = await twoDesks();
    await acted(w.db1, w.local1, 1, () =>
      setRotaCell(w.desk1, { day: '2026-11-28', staffId: w.admin.id, post: '值班岗' }),
    );
    await acted(w.db2, w.local2, 2, () =>
      setRotaCell(w.desk2, { day: '2026-11-29', staffId: w.admin.id, post: '休息' }),
    );
    await w.settle();
    w.stop();
    const cells = async (db: typeof w.db1) => (await db.rota.orderBy('id').toArray()).map((c) => `${c.id} ${c.post}`);
    const both = [`${rotaCellId('2026-11-28', w.admin.id)} 值班岗`, `${rotaCellId('2026-11-29', w.admin.id)} 休息`];
    expect([await cells(w.db1), await cells(w.db2)]).toEqual([both, both]);
    expect([await w.db1.syncConflicts.count(), await w.db2.syncConflicts.count()]).toEqual([0, 0]);
    // Each cell keeps the stamps of the desk that wrote it.
    expect(await w.db2.rota.get(rotaCellId('2026-11-28', w.admin.id))).toEqual(
      await w.db1.rota.get(rotaCellId('2026-11-28', w.admin.id)),
    );
  });

  it('the same cell on both desks: one 数据冲突, not a lost edit', async () => {
    const w = await twoDesks();
    await acted(w.db1, w.local1, 1, () =>
      setRotaCell(w.desk1, { day: '2026-11-28', staffId: w.admin.id, post: '值班岗' }),
    );
    await acted(w.db2, w.local2, 2, () =>
      setRotaCell(w.desk2, { day: '2026-11-28', staffId: w.admin.id, post: '请假', leaveType: '病假' }),
    );
    await w.settle();
    w.stop();
    const conflicts = [...(await w.db1.syncConflicts.toArray()), ...(await w.db2.syncConflicts.toArray())];
    expect(conflicts.map((c) => c.id)).toContain(`rota:${rotaCellId('2026-11-28', w.admin.id)}`);
  });
});
