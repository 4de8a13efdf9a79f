/**
 * Kept summaries of closed periods (issue 28 item 2; shared/reports/keptSummaries.ts,
 * db/keptSummaries, db/repositories/reportSummaries.ts) on the generated desk in fake-indexeddb:
 * for a week, a month and a year that are over, the view and the xlsx made from the kept row are
 * exactly what the computation over the records gives (错时 included), and the kept row is what
 * is read the second time; a write of today's records keeps the rows, a write a closed period's
 * read could return drops them in its own transaction, so the next view is the records' again;
 * a row made from a read that a write overtook is not kept.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDesk } from '../../bench/data/generate';
import { periodOf, previousPeriod, weekOf, type Period, type PeriodKind } from '@shared/reports/periods';
import { EMPTY_NOTES } from '@shared/reports/notes';
import { reportViewOf, type ReportView } from '@shared/reports/reportView';
import { watchJob } from '../../renderer/src/worker/client';
import { ledgersOf } from '@shared/reports/ledgers';
import { keptKey, WRITE_TOKEN_KEY, type KeptSummary } from '@shared/reports/keptSummaries';
import { readReport, readReportData } from '../../renderer/src/db/repositories/reports';
import { keepSummary, writeToken } from '../../renderer/src/db/keptSummaries/read';
import { reportFile, reportView } from '../../renderer/src/features/reports/reportJobs';
import { buildExport } from '../../renderer/src/features/reports/buildExport';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { TODAY } from './testDb';
import { periodsToWarm } from '@shared/reports/warmPeriods';
import { warmReports } from '../../renderer/src/app/reportWarmUp';
import { runJobHere } from '../../renderer/src/worker/jobs';
import { generatedAdminDesk, loadedDb } from './generatedDesk';

const data = generateDesk('tenth');
let db: DutyDeskDB;
let desk: Desk;

beforeAll(async () => {
  db = await loadedDb(data);
  desk = await generatedAdminDesk(db);
}, 180_000);

const requestOf = (kind: Exclude<PeriodKind, 'custom'>, day: string) => {
  const period: Period = kind === 'week' ? weekOf(day) : periodOf(kind, day);
  return { kind, period, previous: previousPeriod(period, kind) };
};
const PERIODS: [string, Exclude<PeriodKind, 'custom'>, string][] = [
  ['the week of National Day 2025', 'week', '2025-10-01'],
  ['March 2026', 'month', '2026-03-10'],
  ['the year 2025', 'year', '2025-06-01'],
];
const computed = async (r: ReturnType<typeof requestOf>) =>
  reportViewOf(await readReportData(desk, r.kind, r.period, r.previous, EMPTY_NOTES));
const viewKept = async (r: ReturnType<typeof requestOf>) => {
  const view = await reportView(desk, r);
  await expect.poll(() => keptRow(r)).toBeDefined();
  return view;
};
const keptRow = async (r: ReturnType<typeof requestOf>) =>
  (await db.keptSummaries.get(keptKey(r.kind, r.period, r.previous))) as KeptSummary | undefined;

describe('kept summaries of closed periods', { timeout: 120_000 }, () => {
  for (const [what, kind, day] of PERIODS)
    it(`${what}: the view and the xlsx from the kept row are the records' own, 错时 included`, async () => {
      const r = requestOf(kind, day);
      const expected = await computed(r);
      expect(expected.now.offHours.occasions + expected.before.offHours.occasions).toBeGreaterThan(0);
      expect(await keptRow(r)).toBeUndefined();
      expect(await reportView(desk, r)).toEqual(expected); // read, summarised, kept (in a task after)
      await expect.poll(() => keptRow(r)).toBeDefined();
      const row = (await keptRow(r))!;
      expect(row.now).toEqual(expected.now);
      expect(await reportView(desk, r)).toEqual(expected); // from the kept row

      // The second view is the kept row's: a row changed by hand shows (then put back).
      await db.keptSummaries.put({ ...row, now: { ...row.now, visits: { ...row.now.visits, total: -1 } } });
      expect((await reportView(desk, r)).now.visits.total).toBe(-1);
      await db.keptSummaries.put(row);

      // The xlsx: the kept summaries and the period's own cases give the records' file.
      const full = await readReportData(desk, r.kind, r.period, r.previous, EMPTY_NOTES);
      const ledgerOnly = (await readReport(desk, r, EMPTY_NOTES, 'ledgers')).data;
      expect(ledgersOf(ledgerOnly)).toEqual(ledgersOf(full));
      const job = { named: false, installId: 'i', generatedAt: 0 };
      const both = async (format: 'xlsx' | 'csv:summary') => ({
        kept: await reportFile(desk, { ...r, ...job, notes: EMPTY_NOTES, format }),
        records: await buildExport({ ...job, format, data: full }),
      });
      const xlsx = await both('xlsx');
      expect(xlsx.kept.file.rows).toEqual(xlsx.records.rows);
      expect(xlsx.kept.covered).toEqual(expected.covered);
      const csv = await both('csv:summary');
      expect(csv.kept.file.content).toEqual(csv.records.content);
    });

  it('a write of today keeps them; a write a closed period could read drops them in its transaction', async () => {
    const year = requestOf('year', '2025-06-01');
    const week = requestOf('week', '2025-10-01');
    const march = requestOf('month', '2026-03-10');
    for (const r of [year, week, march]) await viewKept(r);
    const visit = (await db.visits.where('day').equals('2025-12-01').first())!;
    // Today's visit: no closed period reads it.
    await db.visits.put({ ...visit, id: 'kept-test-today', day: TODAY, caseIds: [] });
    for (const r of [year, week, march]) expect(await keptRow(r)).toBeDefined();
    // A visit of December 2025 arriving late (say, by the inbound sync): every row reading a day on
    // or after it goes (the year 2025; March 2026 too — the rule is by the last day read), the week
    // of October 2025 stays; the next year view is the records' again, the late visit counted.
    const before = (await viewKept(year)).now.visits.total;
    await db.visits.put({ ...visit, id: 'kept-test-late' });
    expect(await keptRow(year)).toBeUndefined();
    expect(await keptRow(march)).toBeUndefined();
    expect(await keptRow(week)).toBeDefined();
    const after = await reportView(desk, year);
    expect(after).toEqual(await computed(year));
    expect(after.now.visits.total).toBe(before + 1);

    // A case accepted in May 2025 changes (its rating, say): every row from May on goes.
    await viewKept(year);
    await viewKept(march);
    const old = (await db.cases.where('acceptedDay').between('2025-05-01', '2025-05-31', true, true).first())!;
    await db.cases.put({ ...old, result: `${old.result ?? ''}（补记）` });
    for (const r of [year, week, march]) expect(await keptRow(r)).toBeUndefined();

    // A resident's change the summaries read (their 网格, tags): every row goes, and the next view
    // is the records' again.
    for (const r of [year, week, march]) await viewKept(r);
    const visitor = (await db.visits.where('day').between('2025-01-01', '2025-12-31', true, true).toArray()).find(
      (v) => v.residentId,
    )!;
    const resident = (await db.residents.get(visitor.residentId!))!;
    const tags: typeof resident.tags = resident.tags.includes('残疾人') ? [] : ['残疾人'];
    await db.residents.put({ ...resident, tags });
    for (const r of [year, week, march]) expect(await keptRow(r)).toBeUndefined();
    expect(await viewKept(year)).toEqual(await computed(year));
    await db.residents.put({ ...resident, gridId: resident.gridId === 'g-x' ? undefined : 'g-x' });
    expect(await keptRow(year)).toBeUndefined();
    await db.residents.put(resident);
    // An edit of nothing they read (a phone, an address, a 迁出): the rows stay, still the records' own.
    const stay = await viewKept(year);
    await db.residents.put({
      ...resident,
      phone: '13900000000',
      room: '0909',
      status: '已迁出',
      statusDay: '2026-01-05',
    });
    expect(await keptRow(year)).toBeDefined();
    expect(await reportView(desk, year)).toEqual(stay);
    expect(stay).toEqual(await computed(year));
    // A new record (a resident the summaries could not read before), a deletion: every row goes.
    await db.residents.add({ ...resident, id: 'kept-test-new', idNumber: undefined, phone: undefined });
    expect(await keptRow(year)).toBeUndefined();
    await viewKept(year);
    await db.residents.delete('kept-test-new');
    expect(await keptRow(year)).toBeUndefined();
    await db.residents.put(resident);
  });

  it('the screen’s live view of a closed period keeps its row, and follows a write that drops it', async () => {
    const r = requestOf('quarter', '2025-08-01');
    const seen: ReportView[] = [];
    let failed: string | null = null;
    const stop = watchJob(
      'reportView',
      desk,
      r,
      (v) => seen.push(v),
      (m) => (failed = m),
    );
    await expect.poll(() => seen.length, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => keptRow(r), { timeout: 20_000 }).toBeDefined();
    const total = seen.at(-1)!.now.visits.total;
    const visit = (await db.visits.where('day').equals('2025-08-04').first())!;
    await db.visits.put({ ...visit, id: 'kept-test-live' });
    await expect.poll(() => seen.at(-1)?.now.visits.total, { timeout: 20_000 }).toBe(total + 1);
    stop();
    expect(failed).toBeNull();
    expect(seen.at(-1)).toEqual(await computed(r));
  });

  it("a 站长's sign-in warms last week, month and year: kept, and what the records give", async () => {
    const warmed = periodsToWarm(TODAY);
    await db.keptSummaries.bulkDelete(warmed.map((r) => keptKey(r.kind, r.period, r.previous)));
    const asked: string[] = [];
    await warmReports(
      desk,
      (kind, d, input) => {
        asked.push(kind);
        return runJobHere(kind, d, input);
      },
      { quiet: async () => void asked.push('quiet') },
    );
    // Each period only once the desk is quiet (quietFor: tests/unit/app/quietFor.test.ts).
    expect(asked).toEqual(['quiet', 'reportView', 'quiet', 'reportView', 'quiet', 'reportView']);
    for (const r of warmed) {
      await expect.poll(() => keptRow(r)).toBeDefined();
      expect(await reportView(desk, r)).toEqual(await computed(r));
    }
  });

  it('a row made from a read that a write overtook is not kept', async () => {
    const r = requestOf('year', '2024-06-01');
    const { data, token } = await readReport(desk, r, EMPTY_NOTES, 'all');
    expect(token).toBe(await writeToken(db));
    const view = reportViewOf(data);
    const row = {
      key: keptKey(r.kind, r.period, r.previous),
      basis: 'b',
      now: view.now,
      before: view.before,
      desks: {},
    };
    const visit = (await db.visits.where('day').equals('2024-03-01').first())!;
    await db.visits.put({ ...visit, id: 'kept-test-overtaking' });
    expect(await writeToken(db)).not.toBe(token);
    expect(await keepSummary(db, row, token)).toBe(false);
    expect(await keptRow(r)).toBeUndefined();
    expect(await keepSummary(db, row, await writeToken(db))).toBe(true);
    expect((await db.keptSummaries.get(WRITE_TOKEN_KEY))?.key).toBe(WRITE_TOKEN_KEY);
  });
});
