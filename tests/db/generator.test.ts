/**
 * The benchmark data generator (bench/data): deterministic, and its output is data the app
 * itself could have written — checked by the app's validators and derived-field rules after a
 * load through the app's database class.
 */
import { describe, expect, it } from 'vitest';
import { generateDesk } from '../../bench/data/generate';
import { BENCH_PIN, loadDesk } from '../../bench/data/load';
import { checkLoadedDesk } from '../../bench/data/check';
import { signIn } from '../../renderer/src/db/repositories/staff';
import {
  queueContextOf,
  queueCounts,
  queuePage,
  queueTotal,
  searchCases,
} from '../../renderer/src/db/repositories/cases';
import { matchesRest, QUEUE_COUNT_CAP, queueRange, QUEUES, type CaseFilter } from '@shared/domain/caseQueues';
import type { CaseRecord } from '@shared/domain/records';
import { freshDb, testDesk } from './testDb';

describe('the five-year desk generator', { timeout: 60_000 }, () => {
  // 1/10 of the five-year desk: 2,000 residents, 10,000 visits, about 3,000 cases.
  const data = generateDesk('tenth');

  it('is deterministic and has the shape of a desk', () => {
    const again = generateDesk('tenth');
    expect(JSON.stringify(again.cases)).toBe(JSON.stringify(data.cases));
    expect(JSON.stringify(again.auditLog)).toBe(JSON.stringify(data.auditLog));
    expect(data.residents).toHaveLength(2000);
    expect(data.visits).toHaveLength(10_000);
    expect(data.cases.length).toBeGreaterThan(2700);
    expect(data.cases.length).toBeLessThan(3300);
    expect(data.auditLog.length).toBeGreaterThan(27_000);
    expect(JSON.stringify(generateDesk('tiny', 7).cases)).not.toBe(JSON.stringify(generateDesk('tiny').cases));
    // Surnames with their own reading are among the names.
    expect(data.residents.some((r) => /^[单曾解仇]/.test(r.name))).toBe(true);
  });

  it('loads through the app and passes its validators; the admin signs in with the bench PIN', async () => {
    const db = freshDb();
    await loadDesk(db, data, { iterations: 1000 });
    expect(await checkLoadedDesk(db)).toEqual([]);
    expect(await db.cases.count()).toBe(data.cases.length);
    expect(await db.auditLog.count()).toBeGreaterThanOrEqual(data.auditLog.length);
    const desk = testDesk(db, { staffId: 'staff-1' });
    expect((await signIn(desk, 'staff-admin', BENCH_PIN)).ok).toBe(true);
    // Lifecycles went everywhere: transfers, escalations, rectifications, archive numbers.
    const events = await db.caseEvents.toArray();
    for (const action of ['转办', '签收', '上报街道', '报到', '核实结项', '办结', '回访', '评价', '归档'])
      expect(
        events.some((e) => e.action === action),
        action,
      ).toBe(true);
    const counts = await queueCounts(desk);
    // Counts stop one past the cap (「1000+」): the 1/10 desk has more cases than that.
    expect(data.cases.length).toBeGreaterThan(QUEUE_COUNT_CAP);
    expect(counts['全部办件']).toBe(QUEUE_COUNT_CAP + 1);
    expect(counts['全部在办']).toBeGreaterThan(0);
    // Case search by a tail read off a receipt: day and number find the one case; the
    // number alone finds that number of every day, newest first.
    const some = data.cases[10]!;
    expect((await searchCases(desk, some.trackingNumber.slice(-13), [])).map((c) => c.id)).toEqual([some.id]);
    const byNumber = await searchCases(desk, some.trackingNumber.slice(-4), []);
    expect(byNumber).toHaveLength(50);
    const days = byNumber.map((c) => c.acceptedDay);
    expect(days).toEqual([...days].sort().reverse());
    expect(byNumber.every((c) => c.trackingNumber.endsWith(some.trackingNumber.slice(-4)))).toBe(true);
    db.close();
  });

  it('every queue page, with any filters, is the oracle’s page: the right cases in the right order', async () => {
    const db = freshDb();
    await loadDesk(db, data, { iterations: 1000 });
    const all = await db.cases.toArray();
    const staffId = 'staff-3';
    const desk = testDesk(db, { staffId });
    const q = queueContextOf(desk);
    const grid = 'grid-2';
    const matter = all.find((c) => c.status === '办理中')!.matterCode;
    const filters: CaseFilter[] = [
      {},
      { gridId: grid },
      { status: '办理中' },
      { matterCode: matter },
      { gridId: grid, matterCode: matter },
      { gridId: grid, status: '已归档' },
    ];
    for (const queue of QUEUES)
      for (const filter of filters) {
        const range = queueRange(queue, q, {});
        // Oracle: every case whose unfiltered key for this queue is in range, filtered in JS, in key order.
        const keyed = all
          .map((c) => ({
            c,
            key: c.queueKeys!.find((k) => k >= range.lower && (range.upperOpen ? k < range.upper : k <= range.upper)),
          }))
          .filter((x): x is { c: CaseRecord; key: string } => x.key !== undefined && matchesRest(x.c, filter))
          .sort((a, b) => (a.key < b.key ? -1 : 1));
        if (range.reverse) keyed.reverse();
        const expected = keyed.map((x) => x.c.id);
        for (const offset of [0, 25]) {
          const page = await queuePage(desk, queue, filter, { offset, limit: 25 });
          const name = `${queue} ${JSON.stringify(filter)} @${offset}`;
          expect(await queueTotal(desk, queue, filter), name).toBe(Math.min(expected.length, QUEUE_COUNT_CAP + 1));
          expect(
            page.rows.map((r) => r.id),
            name,
          ).toEqual(expected.slice(offset, offset + 25));
          expect(page.hasMore, name).toBe(expected.length > offset + 25);
        }
      }
    db.close();
  });
});
