/**
 * v23 → v29 alone (issue 28 item 3): the problems get their 问题库 keys, so the pool pages from
 * the index at once; the audit log, requests and custody items keep every row as it was (new
 * indexes only: the audit chain's rows are not touched) and page by their new indexes.
 */
import { describe, expect, it } from 'vitest';
import { DutyDeskDB, loadUpgradeSteps, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { auditPage } from '../../renderer/src/db/repositories/auditLog';
import { poolPage } from '../../renderer/src/db/repositories/problems';
import { openShippedV23 } from './shippedSchemas';
import { setUpCommunity, testDesk, T0 } from './testDb';

const problem = (id: string, raisedDay: string, status: string) => ({
  id,
  title: `问题${id}`,
  category: '环境卫生',
  gridId: 'g1',
  raisedDay,
  status,
  sources: [{ kind: '入户走访', day: raisedDay, by: 's1' }],
  decisions: [],
  residentIds: [],
  createdAt: T0,
  createdBy: 's1',
  updatedAt: T0,
  updatedBy: 's1',
});

describe('upgrade v23 → v29 (long lists page from an index)', () => {
  it('gives every problem its pool keys and leaves the audit rows as they were', async () => {
    const name = `upgrade-v29-${Math.random()}`;
    const v23 = openShippedV23(name);
    await v23
      .table('problems')
      .bulkAdd([
        problem('a', '2026-11-02', '待研究'),
        problem('b', '2026-11-20', '继续跟踪'),
        problem('c', '2026-11-10', '已解决'),
      ]);
    const audit = [
      { id: 'x1', at: T0, staffId: 's1', action: 'case.accept', entity: 'case', desk: 1, deskSeq: 1, hash: 'h1' },
      {
        id: 'x2',
        at: T0 + 1,
        staffId: 's2',
        action: 'resident.add',
        entity: 'resident',
        desk: 1,
        deskSeq: 2,
        hash: 'h2',
      },
    ];
    await v23.table('auditLog').bulkAdd(audit);
    const before = await v23.table('auditLog').toArray();
    v23.close();

    await loadUpgradeSteps();
    const db = new DutyDeskDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    // Every field as it was; v33 adds the derived `domain` alone (upgradeV33.test.ts).
    expect((await db.auditLog.toArray()).map(({ domain: _d, ...r }) => r)).toEqual(before);
    expect((await db.problems.get('b'))?.poolKeys).toContain('未结|网格=g1|7973-88-79|问题b|b');
    const admin = await setUpCommunity(db);
    const desk = testDesk(db, { staffId: admin.id, role: admin.role });
    expect((await poolPage(desk, {})).rows.map((r) => r.problem.id)).toEqual(['b', 'a']);
    expect((await poolPage(desk, { status: '已解决' })).rows.map((r) => r.problem.id)).toEqual(['c']);
    expect((await auditPage(desk, { staffId: 's2' })).map((e) => e.id)).toEqual(['x2']);
    db.close();
  });
});
