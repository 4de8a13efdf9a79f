/**
 * Benchmark: the 办件 queues and the 工作台 counts at 30,000 cases (fake-indexeddb in Node),
 * next to a bare Dexie count of all cases on the same data in the same run as the baseline.
 *
 *   npx vitest run --config bench/vitest.bench.config.ts bench/caseQueues.bench.test.ts
 *
 * Data: 30,000 generated cases over two years; ~8 % still open (some overdue, some due today
 * or tomorrow, some paused), the rest finished or archived — the shape of a real desk, where
 * most cases ever accepted are closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withIndexes } from '@shared/domain/caseIndex';
import type { CaseRecord, CaseStatus } from '@shared/domain/records';
import { addDays } from '@shared/domain/localDate';
import { DutyDeskDB } from '../renderer/src/db/database';
import { queueCounts, queuePage } from '../renderer/src/db/repositories/cases';
import { dashboardCounts } from '../renderer/src/db/repositories/dashboard';
import { testDesk } from '../tests/db/testDb';
import { prng } from './generateResidents';
import { fmt, stats, timeRuns } from './stats';

const COUNT = 30_000;
const TODAY = '2026-11-24';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function generateCases(count: number): CaseRecord[] {
  const rand = prng(30000);
  const closed: CaseStatus[] = ['已办结', '已归档', '已归档', '不予受理'];
  const open: CaseStatus[] = ['已受理', '办理中', '待签收', '已上报街道', '待补正'];
  return Array.from({ length: count }, (_, i) => {
    const isOpen = rand() < 0.08;
    const status = (isOpen ? open : closed)[Math.floor(rand() * (isOpen ? open.length : closed.length))] ?? '已办结';
    const accepted = addDays(TODAY, -Math.floor(rand() * (isOpen ? 40 : 730)));
    const deadline = addDays(accepted, 3 + Math.floor(rand() * 30));
    const staff = `s${Math.floor(rand() * 10)}`;
    const c: CaseRecord = {
      id: `c${i}`,
      trackingNumber: `THL-${accepted.replace(/-/g, '')}-${String(i).padStart(5, '0')}`,
      matterCode: `SB-00${1 + (i % 9)}`,
      matterName: '事项',
      mode: '承诺件',
      status,
      gridId: `g${i % 8}`,
      acceptedDay: accepted,
      deadline,
      documentsReceived: [],
      documentsMissing: status === '待补正' ? ['户口簿'] : [],
      firstContactId: staff,
      handlerId: staff,
      createdAt: 0,
      createdBy: staff,
      updatedAt: 0,
      updatedBy: staff,
    };
    if (status === '待补正') c.pause = { from: accepted, resumeTo: '已受理' };
    if (status === '待签收')
      c.transfer = { fromStaffId: staff, toStaffId: 's1', at: 0, day: accepted, returnTo: '办理中' };
    return withIndexes(c);
  });
}

describe(`case queues at ${COUNT.toLocaleString('en')} cases`, () => {
  const db = new DutyDeskDB(`bench-cases-${Date.now()}`);
  /** s1's desk on TODAY (即将超期 runs to the next working day, 2026-11-25). */
  const q = testDesk(db, { staffId: 's1', today: TODAY });

  beforeAll(async () => {
    const t0 = performance.now();
    const cases = generateCases(COUNT);
    for (let i = 0; i < cases.length; i += 2000) await db.cases.bulkAdd(cases.slice(i, i + 2000));
    console.log(`loaded ${await db.cases.count()} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }, 300_000);

  afterAll(async () => {
    db.close();
    await DutyDeskDB.delete(db.name);
  });

  it('prints p50 / p95 next to a bare count', async () => {
    const overdue = await queuePage(q, '已超期', {}, { offset: 0, limit: 25 });
    expect(overdue.rows.length).toBe(25);
    expect(overdue.rows.every((r) => (r.dueDay ?? '') < TODAY)).toBe(true);

    const measures: [string, () => Promise<unknown>][] = [
      ['bare db.cases.count()  (baseline)', () => db.cases.count()],
      ['bare one-status count (index)', () => db.cases.where('status').equals('办理中').count()],
      ['已超期 queue, first page + total', () => queuePage(q, '已超期', {}, { offset: 0, limit: 25 })],
      ['已超期 queue, page 3 by 网格', () => queuePage(q, '已超期', { gridId: 'g3' }, { offset: 50, limit: 25 })],
      ['全部在办 queue, first page + total', () => queuePage(q, '全部在办', {}, { offset: 0, limit: 25 })],
      ['all queue counts (9 queues)', () => queueCounts(q)],
      ['工作台 counts', () => dashboardCounts(q)],
    ];
    const rows: [string, number[]][] = [];
    for (const [name, fn] of measures) rows.push([name, await timeRuns(RUNS, fn)]);
    const base = stats(rows[0]![1]).p50;
    console.log(`cases: ${COUNT}, overdue total: ${overdue.total}, runs each: ${RUNS}`);
    console.log(`${'measure'.padEnd(36)} |     p50     p95     max | p50 ratio to baseline`);
    for (const [name, samples] of rows) {
      const s = stats(samples);
      console.log(`${name.padEnd(36)} | ${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.max)} | ${(s.p50 / base).toFixed(2)}`);
    }
  }, 300_000);
});
