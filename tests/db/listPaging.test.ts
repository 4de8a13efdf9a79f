/**
 * Long lists page (issue 28 item 3): the 操作日志, the 问题库, the 帮代办 queues and 材料在外 read a
 * page at a time from an index range, from the last row shown. Each list is paged to its end
 * across several page boundaries, with and without each filter, and the pages put together must
 * be the oracle: every matching row once, in the list's order (computed here from all rows).
 * The totals count no further than one past the cap.
 */
import { describe, expect, it } from 'vitest';
import { QUEUE_COUNT_CAP } from '@shared/domain/caseQueues';
import { LIST_PAGE_SIZE, rangeLabel, type ListPage } from '@shared/domain/listPaging';
import { OPEN_PROBLEM_STATUSES, type PoolFilter } from '@shared/domain/meetings';
import {
  PROBLEM_CATEGORIES,
  type AuditEntry,
  type CustodyItem,
  type Problem,
  type ProblemStatus,
  type ProxyTask,
} from '@shared/domain/records';
import { AUDIT_PAGE_SIZE, auditPage, auditTotal, type AuditFilter } from '../../renderer/src/db/repositories/auditLog';
import { poolCounts, poolPage, poolTotal, problemPool } from '../../renderer/src/db/repositories/problems';
import { proxyQueuePage, proxyQueueTotal, type ProxyCursor } from '../../renderer/src/db/repositories/proxy';
import { documentsOutPage, documentsOutTotal, type CustodyCursor } from '../../renderer/src/db/repositories/custody';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { freshDb, setUpCommunity, T0, testDesk } from './testDb';

const stamp = { createdAt: T0, createdBy: 'staff-1', updatedAt: T0, updatedBy: 'staff-1' };
/** A small deterministic spread: i-th value of a list, stepping by a prime. */
const pick = <T>(list: readonly T[], i: number, step = 7): T => list[(i * step) % list.length]!;
const dayOf = (i: number) => `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;

async function deskWithAdmin() {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  return { db, desk: testDesk(db, { staffId: admin.id, role: admin.role }) };
}

/** Every page of a list, following `next` until a page says there is no more. */
async function allPages<R, C>(read: (after: C | undefined) => Promise<ListPage<R, C>>): Promise<R[][]> {
  const pages: R[][] = [];
  let after: C | undefined;
  for (;;) {
    const page = await read(after);
    pages.push(page.rows);
    if (!page.hasMore) return pages;
    expect(page.next).toBeDefined();
    after = page.next;
  }
}

describe('操作日志 pages and filters by index', () => {
  const ACTIONS = [
    'case.accept',
    'case.note',
    'case.转办',
    'case.close',
    'resident.add',
    'visit.add',
    'signin.ok',
    'custody.move',
  ];
  const STAFF = ['staff-a', 'staff-b', 'staff-c'];

  async function seedLog(db: DutyDeskDB, n: number) {
    const rows: AuditEntry[] = Array.from({ length: n }, (_, i) => ({
      id: `row-${i}`,
      at: T0 + i,
      staffId: pick(STAFF, i, 5),
      action: pick(ACTIONS, i, 3),
      entity: 'case',
    }));
    await db.auditLog.bulkAdd(rows);
  }

  /** The log read whole and filtered in JS, newest first: what the pages must add up to. */
  async function oracle(db: DutyDeskDB, f: AuditFilter) {
    return (await db.auditLog.toArray())
      .filter((e) => (!f.domain || e.action.startsWith(`${f.domain}.`)) && (!f.staffId || e.staffId === f.staffId))
      .sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0))
      .map((e) => e.seq);
  }

  it('pages every filter to its end, each row once in order, and counts up to the cap', async () => {
    const { db, desk } = await deskWithAdmin();
    await seedLog(db, 400);
    const filters: AuditFilter[] = [
      {},
      { domain: 'case' },
      { staffId: 'staff-b' },
      { domain: 'case', staffId: 'staff-c' },
      { domain: 'custody', staffId: 'staff-a' },
      { domain: 'problem' },
    ];
    for (const f of filters) {
      const expected = await oracle(db, f);
      const seen: (number | undefined)[] = [];
      let before: number | undefined;
      for (;;) {
        const page = await auditPage(desk, { ...f, before });
        expect(page.length).toBeLessThanOrEqual(AUDIT_PAGE_SIZE);
        seen.push(...page.map((e) => e.seq));
        if (page.length < AUDIT_PAGE_SIZE) break;
        before = page.at(-1)?.seq;
      }
      expect(seen, JSON.stringify(f)).toEqual(expected);
      expect(await auditTotal(desk, f), JSON.stringify(f)).toBe(expected.length);
    }
  });

  it('stops counting one past the cap', async () => {
    const { db, desk } = await deskWithAdmin();
    await seedLog(db, 2 * QUEUE_COUNT_CAP + 500);
    expect(await auditTotal(desk, {})).toBe(QUEUE_COUNT_CAP + 1);
    expect(await auditTotal(desk, { domain: 'case' })).toBe(QUEUE_COUNT_CAP + 1);
    const fewer = (await oracle(db, { staffId: 'staff-a', domain: 'visit' })).length;
    expect(fewer).toBeLessThan(QUEUE_COUNT_CAP);
    expect(await auditTotal(desk, { staffId: 'staff-a', domain: 'visit' })).toBe(fewer);
    expect(rangeLabel(51, 50, QUEUE_COUNT_CAP + 1)).toBe('第 51–100 条，共 1000+ 条');
  });
});

describe('问题库 pages and filters by the poolKeys index', () => {
  const STATUSES: ProblemStatus[] = [...OPEN_PROBLEM_STATUSES, '已解决', '已合并'];

  async function seedPool(db: DutyDeskDB, n: number) {
    const problems: Problem[] = Array.from({ length: n }, (_, i) => ({
      ...stamp,
      id: `p-${String(i).padStart(3, '0')}`,
      // Several problems share a day and some a title: the order falls back to title, then id.
      title: `问题${i % 9}`,
      category: pick(PROBLEM_CATEGORIES, i, 3),
      ...(i % 4 === 0 ? {} : { gridId: Math.floor(i / 3) % 2 ? 'g1' : 'g2' }),
      raisedDay: dayOf(i % 40),
      status: pick(STATUSES, i, 5),
      sources: [{ kind: '入户走访', day: dayOf(i % 40), by: 'staff-1' }],
      decisions: [],
    }));
    await db.problems.bulkAdd(problems);
    return problems;
  }

  const matches = (p: Problem, f: PoolFilter) =>
    (f.status ? p.status === f.status : OPEN_PROBLEM_STATUSES.includes(p.status)) &&
    (!f.category || p.category === f.category) &&
    (!f.gridId || p.gridId === f.gridId);
  /** The pool's order as it always was: newest day first, then title, then id. */
  const order = (a: Problem, b: Problem) =>
    b.raisedDay.localeCompare(a.raisedDay) ||
    (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) ||
    (a.id < b.id ? -1 : 1);

  it('pages every filter to its end in the pool order, and the counts agree with the rows', async () => {
    const { db, desk } = await deskWithAdmin();
    const problems = await seedPool(db, 240);
    const filters: PoolFilter[] = [
      {},
      { category: PROBLEM_CATEGORIES[0] },
      { gridId: 'g2' },
      { status: '已解决' },
      { status: '继续跟踪', gridId: 'g1' },
      { category: PROBLEM_CATEGORIES[3], gridId: 'g1' },
    ];
    for (const f of filters) {
      const expected = problems
        .filter((p) => matches(p, f))
        .sort(order)
        .map((p) => p.id);
      expect(expected.length, JSON.stringify(f)).toBeGreaterThan(0);
      const pages = await allPages((after: string | undefined) => poolPage(desk, f, { after, limit: 7 }));
      expect(pages.length).toBe(Math.max(1, Math.ceil(expected.length / 7)));
      expect(
        pages.flat().map((r) => r.problem.id),
        JSON.stringify(f),
      ).toEqual(expected);
      expect((await problemPool(desk, f)).map((r) => r.problem.id)).toEqual(expected);
      expect(await poolTotal(desk, f)).toBe(expected.length);
    }
    const open = problems.filter((p) => matches(p, {}));
    const counts = await poolCounts(desk);
    expect(counts.total).toBe(open.length);
    for (const c of PROBLEM_CATEGORIES)
      expect(counts.byCategory[c] ?? 0, c).toBe(open.filter((p) => p.category === c).length);
    expect(counts.byGrid['g1']).toBe(open.filter((p) => p.gridId === 'g1').length);
    expect(counts.byGrid['']).toBe(open.filter((p) => !p.gridId).length);
  });

  it('counts the open list per 网格 in the grids’ own order, only grids with open problems', async () => {
    const { db, desk } = await deskWithAdmin();
    const at = (id: string, gridId: string | undefined, status: ProblemStatus): Problem => ({
      ...stamp,
      id,
      title: id,
      category: '环境卫生',
      ...(gridId ? { gridId } : {}),
      raisedDay: '2026-11-02',
      status,
      sources: [{ kind: '入户走访', day: '2026-11-02', by: 'staff-1' }],
      decisions: [],
    });
    await db.problems.bulkAdd([
      at('a', 'g2', '待研究'),
      at('b', 'g10', '继续跟踪'),
      at('c', 'g1', '社区处置'),
      at('d', 'g10', '待研究'),
      at('e', 'g9', '已解决'),
      at('f', undefined, '待研究'),
    ]);
    const counts = await poolCounts(desk);
    // `g10|…` keys sort before `g1|…` in the index; the headings keep the grids' own order.
    expect(Object.entries(counts.byGrid)).toEqual([
      ['g1', 1],
      ['g10', 2],
      ['g2', 1],
      ['', 1],
    ]);
    expect(counts.total).toBe(5);
  });

  it('a problem changing status moves from one list to the other', async () => {
    const { db, desk } = await deskWithAdmin();
    const [first] = await seedPool(db, 12);
    await db.problems.update(first!.id, { status: '已解决' });
    const open = (await poolPage(desk, {}, { limit: 50 })).rows.map((r) => r.problem.id);
    const solved = (await poolPage(desk, { status: '已解决' }, { limit: 50 })).rows.map((r) => r.problem.id);
    expect(open).not.toContain(first!.id);
    expect(solved).toContain(first!.id);
  });
});

describe('帮代办 queues and 材料在外 page by their order index', () => {
  it('a status queue pages oldest request first, ties by id, to its end', async () => {
    const { db, desk } = await deskWithAdmin();
    const statuses = ['待确认', '待上门', '办理中', '待送达'] as const;
    const tasks = Array.from(
      { length: 90 },
      (_, i) =>
        ({
          ...stamp,
          id: `t-${String((i * 37) % 90).padStart(2, '0')}`,
          residentId: `r-${i}`,
          source: '电话预约',
          request: '代办',
          status: pick(statuses, i, 1),
          requestedDay: dayOf(i % 13),
        }) as unknown as ProxyTask,
    );
    await db.proxyTasks.bulkAdd(tasks);
    for (const queue of statuses) {
      const expected = tasks
        .filter((t) => t.status === queue)
        .sort((a, b) => a.requestedDay.localeCompare(b.requestedDay) || (a.id < b.id ? -1 : 1))
        .map((t) => t.id);
      const pages = await allPages((after: ProxyCursor | undefined) =>
        proxyQueuePage(desk, queue, { after, limit: 4 }),
      );
      expect(
        pages.flat().map((r) => r.task.id),
        queue,
      ).toEqual(expected);
      expect(await proxyQueueTotal(desk, queue)).toBe(expected.length);
    }
  });

  it('材料在外 pages longest out first, only what is out', async () => {
    const { db, desk } = await deskWithAdmin();
    const items = Array.from(
      { length: 70 },
      (_, i) =>
        ({
          ...stamp,
          id: `c-${String((i * 31) % 70).padStart(2, '0')}`,
          caseId: `case-${i}`,
          residentId: `r-${i}`,
          document: '户口簿',
          original: true,
          count: 1,
          holder: { kind: 'cabinet' },
          status: i % 3 === 0 ? '已归还' : '在外',
          collectedAt: T0 + (i % 11) * 1000,
          events: [],
        }) as CustodyItem,
    );
    await db.custodyItems.bulkAdd(items);
    const expected = items
      .filter((c) => c.status === '在外')
      .sort((a, b) => a.collectedAt - b.collectedAt || (a.id < b.id ? -1 : 1))
      .map((c) => c.id);
    const pages = await allPages((after: CustodyCursor | undefined) => documentsOutPage(desk, { after, limit: 6 }));
    expect(pages.flat().map((r) => r.id)).toEqual(expected);
    expect(await documentsOutTotal(desk)).toBe(expected.length);
    expect(LIST_PAGE_SIZE).toBe(50);
  });
});
