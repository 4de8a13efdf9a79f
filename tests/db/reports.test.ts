/**
 * Reports read by index (db/repositories/reports.ts) on the generated desk in fake-indexeddb:
 * the records a period's index reads return give exactly the summary of the whole history,
 * 帮代办 included, for a week, a week across National Day, a month, a year, the week a request
 * received weeks before was cancelled without a case, the week a document was out at the end of
 * and returned after, and this week (not over); 联席会议 included, for the Spring Festival week
 * (its meeting cancelled), a week whose meeting moved to Thursday, and the week a problem was kept
 * watching at and solved after. Notes, the export audit and the 实名台账 permission.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDesk } from '../../bench/data/generate';
import { readReportData, weeklyCounts } from '../../renderer/src/db/repositories/reports';
import { getReportNotes, saveReportNotes } from '../../renderer/src/db/repositories/reportNotes';
import { ensureInstallId, recordExport } from '../../renderer/src/db/repositories/reportExports';
import {
  periodOf,
  previousPeriod,
  weekOf,
  weeksEndingWith,
  type Period,
  type PeriodKind,
} from '@shared/reports/periods';
import { EMPTY_NOTES, summariesOf } from '@shared/reports/reportData';
import { summarize } from '@shared/reports/summary';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { communityDesk } from './testDb';
import { failureMessage } from '../../renderer/src/db/refusal';
import { generatedAdminDesk, loadedDb } from './generatedDesk';

const data = generateDesk('tenth');
const categories = new Map(data.catalog.map((m) => [m.code, m.category]));
const dayOf = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
/** A request cancelled before it had a case, weeks after it came in (before the week compared with). */
const cancelledLater = data.proxyTasks.find(
  (t) => !t.caseId && t.cancel && previousPeriod(weekOf(dayOf(t.cancel.at)), 'week').from > t.requestedDay,
)!;
/** A document collected in one week and returned in a later one. */
const returnedLater = data.custodyItems.find((i) => {
  const back = i.events.find((e) => e.type === '归还');
  return back !== undefined && weekOf(dayOf(back.at)).from > dayOf(i.collectedAt);
})!;
/** A meeting moved to Thursday (its Friday a holiday or taken). */
const moved = data.meetings.find((m) => m.movedFrom && m.day > '2023-01-01')!;
/** A problem kept watching (继续跟踪) at one meeting and solved (已解决) at a later one. */
const carried = data.problems.find(
  (p) => p.status === '已解决' && p.decisions[0]?.type === '继续跟踪' && p.decisions.length >= 2,
)!;
let db: DutyDeskDB;

beforeAll(async () => {
  db = await loadedDb(data);
}, 120_000);

const admin = () => generatedAdminDesk(db);
const clerk = () => communityDesk(db, { staffId: 'staff-1' });

describe('a period read by index', { timeout: 60_000 }, () => {
  const cases: [string, PeriodKind, string][] = [
    ['a busy week', 'week', '2026-11-18'],
    ['the week of National Day 2025', 'week', '2025-10-01'],
    ['a month', 'month', '2026-03-10'],
    ['a year', 'year', '2025-06-01'],
    ['the week a caseless request was cancelled, received weeks before', 'week', dayOf(cancelledLater.cancel!.at)],
    ['the week a document was collected in and returned after', 'week', dayOf(returnedLater.collectedAt)],
    ['this week, not over, documents still out', 'week', '2026-11-23'],
    ['the Spring Festival week of 2024, its meeting cancelled', 'week', '2024-02-16'],
    ['a week whose meeting moved to Thursday', 'week', moved.day],
    ['the week a problem was kept watching at, solved after', 'week', carried.decisions[0]!.day],
    // Read in steps by month: a range that starts and ends inside a month (its first month's case
    // keys find the cases accepted before it; the last month's cases after it are read too).
    ['a custom range from mid-March to mid-August 2025', 'custom', '2025-03-17|2025-08-12'],
  ];
  for (const [what, kind, day] of cases)
    it(`${what}: the summary of what the index returns equals the summary of every record`, async () => {
      const [from, to] = day.split('|');
      const period = kind === 'custom' ? { from: from!, to: to! } : periodOf(kind, day);
      const previous = previousPeriod(period, kind);
      const report = await readReportData(await clerk(), kind, period, previous, EMPTY_NOTES);
      const { now, before } = summariesOf(report);
      const everything = {
        visits: data.visits,
        cases: data.cases,
        residents: data.residents,
        categoryOf: (c: string) => categories.get(c) ?? '其他',
        today: report.today,
        proxyTasks: data.proxyTasks,
        custodyItems: data.custodyItems,
        custodyAlertDays: 7,
        problems: data.problems,
        meetings: data.meetings,
        agendaItems: data.agendaItems,
        // 错时服务 is its own read (tests/db/offHours.test.ts counts it): taken as the report read it.
        offHoursByPeriod: [
          { period, totals: report.offHours.now },
          { period: previous, totals: report.offHours.before },
        ],
      };
      expect(now).toEqual(summarize(everything, period));
      expect(before).toEqual(summarize(everything, previous));
      expect(now.visits.total).toBeGreaterThan(0);
      // …while reading far fewer cases than the history holds (a week: about a month's), and
      // far fewer proxy requests and documents.
      if (kind === 'week') {
        expect(report.cases.length).toBeLessThan(data.cases.length / 5);
        expect(report.proxyTasks.length).toBeLessThan(data.proxyTasks.length / 3);
        expect(report.custodyItems.length).toBeLessThan(data.custodyItems.length / 5);
        expect(report.meetings.length).toBeLessThanOrEqual(3);
        expect(report.problems.length).toBeLessThan(data.problems.length / 3);
        expect(report.agendaItems.length).toBeLessThan(data.agendaItems.length / 20);
      }
      if (kind === 'year') expect(now.proxy.homeVisits.total).toBeGreaterThan(0);
    });

  it('the proxy figures that need the period’s own reads are there', async () => {
    const cancelWeek = weekOf(dayOf(cancelledLater.cancel!.at));
    const a = await readReportData(await clerk(), 'week', cancelWeek, previousPeriod(cancelWeek, 'week'), EMPTY_NOTES);
    expect(summariesOf(a).now.proxy.cancelled.total).toBeGreaterThan(0);
    const outWeek = weekOf(dayOf(returnedLater.collectedAt));
    const b = await readReportData(await clerk(), 'week', outWeek, previousPeriod(outWeek, 'week'), EMPTY_NOTES);
    expect(b.custodyItems.map((i) => i.id)).toContain(returnedLater.id);
    expect(summariesOf(b).now.proxy.documentsOut.total).toBeGreaterThan(0);
    const last = periodOf('week', '2026-11-23');
    const c = await readReportData(await clerk(), 'week', last, previousPeriod(last, 'week'), EMPTY_NOTES);
    expect(summariesOf(c).now.proxy.documentsOut.overAlert).toBeGreaterThan(0);
  });

  it('the 联席会议 figures that need the period’s own reads are there', async () => {
    const read = async (day: string) => {
      const week = weekOf(day);
      return summariesOf(await readReportData(await clerk(), 'week', week, previousPeriod(week, 'week'), EMPTY_NOTES))
        .now.meetings;
    };
    expect(await read('2024-02-16')).toMatchObject({ held: 0, cancelled: 1, items: { total: 0 } });
    expect(await read(moved.day)).toMatchObject({ held: 1, moved: 1 });
    // Open at the end of the week it was kept watching at, though solved since.
    const week = weekOf(carried.decisions[0]!.day);
    const report = await readReportData(await clerk(), 'week', week, previousPeriod(week, 'week'), EMPTY_NOTES);
    expect(report.problems.map((p) => p.id)).toContain(carried.id);
    const s = summariesOf(report).now.meetings;
    expect(s.openAtEnd).toBeGreaterThan(0);
    expect(s.decisions.byType['继续跟踪']).toBeGreaterThan(0);
    const last = await read('2026-11-23');
    expect([last.planned, last.openAtEnd > 0]).toEqual([1, true]);
  });

  it('counts visits and accepted cases per week for the trend', async () => {
    const weeks = weeksEndingWith('2026-11-24', 4);
    const counts = await weeklyCounts(await clerk(), weeks);
    for (const w of counts) {
      expect(w.visits).toBe(data.visits.filter((v) => v.day >= w.from && v.day <= w.to).length);
      expect(w.cases).toBe(data.cases.filter((c) => c.acceptedDay >= w.from && c.acceptedDay <= w.to).length);
    }
  });
});

describe('notes and the export audit', () => {
  const week: Period = { from: '2026-11-16', to: '2026-11-22' };

  it('keeps the notes of a period and refuses overlong ones at their field', async () => {
    const desk = await clerk();
    await saveReportNotes(desk, week, { focus: '完成养老认证集中办理', issues: '' });
    expect(await getReportNotes(desk, week)).toEqual({ focus: '完成养老认证集中办理', issues: '' });
    expect(await getReportNotes(desk, { from: '2026-11-09', to: '2026-11-15' })).toEqual(EMPTY_NOTES);
    const refused = await saveReportNotes(desk, week, { focus: '', issues: '长'.repeat(2001) }).catch((e) => e);
    expect(failureMessage(refused)).toEqual({ message: expect.stringContaining('不超过 2000 个字'), field: 'issues' });
    expect((await getReportNotes(desk, week)).focus).toBe('完成养老认证集中办理');
  });

  it('records every export with its rows; a 实名台账 needs an admin and a reason', async () => {
    const before = await db.auditLog.count();
    await recordExport(await clerk(), { format: 'xlsx', period: week, label: '第47周', rows: { 办件台账: 12 } });
    const row = await db.auditLog.orderBy('seq').last();
    expect(row).toMatchObject({ action: 'report.export', staffId: 'staff-1' });
    expect(row?.detail).toContain('办件台账 12 行');
    expect(row?.detail).toContain('默认（脱敏）');

    const named = { format: 'xlsx', period: week, label: '第47周', rows: { 办件台账: 12 } };
    const noReason = await recordExport(await admin(), { ...named, named: { reason: '' } }).catch((e) => e);
    expect(failureMessage(noReason)?.field).toBe('reason');
    const notAdmin = await recordExport(await clerk(), { ...named, named: { reason: '街道核查低保名单' } }).catch(
      (e) => e,
    );
    expect(failureMessage(notAdmin)?.message).toBe('只有站长/管理员可以导出实名台账');
    await recordExport(await admin(), { ...named, named: { reason: '街道核查低保名单' } });
    expect((await db.auditLog.orderBy('seq').last())?.detail).toContain('实名台账，原因：街道核查低保名单');
    expect(await db.auditLog.count()).toBe(before + 2);
  });

  it('makes the installation id once and keeps it', async () => {
    const uuid = '7d3e4c1a-93b2-4f0e-8a61-2b5c9d0e7f14';
    const first = await ensureInstallId(await communityDesk(db, { staffId: 'staff-1', newId: () => uuid }));
    expect(first).toBe(uuid);
    expect(await ensureInstallId(await admin())).toBe(first);
  });
});
