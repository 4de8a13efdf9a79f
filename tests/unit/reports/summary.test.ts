/**
 * The period summary (issue 12, part 1) on a generated desk, against figures counted here
 * from the raw records with plain loops (not with the summary's own helpers): a week across
 * National Day, and a week with cases whose promised date was moved by a 补正 pause; the
 * 帮代办 part of a year, of the last weeks (documents still out) and of a week whose documents
 * were returned after it ended; the 联席会议 part of a year and of weeks with a moved and a
 * cancelled meeting, the open problems replayed day by day from the decisions.
 */
import { describe, expect, it } from 'vitest';
import { generateDesk } from '../../../bench/data/generate';
import { summarize, previousPeriod, weekOf, comparePeriods, type SummaryInput } from '@shared/reports/summary';
import type { CaseRecord } from '@shared/domain/records';
import { oldCase } from '../../db/shippedSchemas';

const data = generateDesk('tenth');
const categories = new Map(data.catalog.map((m) => [m.code, m.category]));
const input: SummaryInput = {
  visits: data.visits,
  cases: data.cases,
  residents: data.residents,
  categoryOf: (code) => categories.get(code) ?? '其他',
  proxyTasks: data.proxyTasks,
  custodyItems: data.custodyItems,
  custodyAlertDays: 7,
  problems: data.problems,
  meetings: data.meetings,
  agendaItems: data.agendaItems,
};

const dayOf = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** The 帮代办 figures of `from`–`to`, counted with plain loops over the generated records. */
function expectProxy(from: string, to: string) {
  const inP = (d: string | undefined) => d !== undefined && d >= from && d <= to;
  const s = summarize(input, { from, to }).proxy;
  let requests = 0;
  let phone = 0;
  let visits = 0;
  let solo = 0;
  let delivered = 0;
  let inTarget = 0;
  let cancelled = 0;
  for (const t of data.proxyTasks) {
    if (inP(t.requestedDay)) requests += 1;
    if (inP(t.requestedDay) && t.source === '电话') phone += 1;
    if (inP(t.visitedDay)) visits += 1;
    if (inP(t.visitedDay) && t.visit!.staffIds.length === 1) solo += 1;
    if (t.delivery && inP(dayOf(t.delivery.at))) {
      delivered += 1;
      if (dayOf(t.delivery.at) <= t.targetDay!) inTarget += 1;
    }
    if (t.cancel && inP(dayOf(t.cancel.at))) cancelled += 1;
  }
  expect([s.requests.total, s.requests.bySource['电话'] ?? 0]).toEqual([requests, phone]);
  expect([s.homeVisits.total, s.homeVisits.solo]).toEqual([visits, solo]);
  expect([s.delivered.total, s.delivered.withinTarget, s.cancelled.total]).toEqual([delivered, inTarget, cancelled]);
  expect(s.accepted).toBe(data.cases.filter((c) => c.mode === '帮代办' && inP(c.acceptedDay)).length);
  // Out at the end: collected by then, and its 归还 / 留存 / 遗失损坏 (if any) after.
  const ages: number[] = [];
  for (const i of data.custodyItems) {
    if (dayOf(i.collectedAt) > to) continue;
    const settled = i.events.find((e) => e.type === '归还' || e.type === '留存' || e.type === '遗失损坏');
    if (settled && dayOf(settled.at) <= to) continue;
    ages.push(dayNumber(to) - dayNumber(dayOf(i.collectedAt)));
  }
  expect(s.documentsOut.total).toBe(ages.length);
  expect(s.documentsOut.byAge).toEqual({
    '3天以内': ages.filter((a) => a <= 3).length,
    '4–7天': ages.filter((a) => a >= 4 && a <= 7).length,
    '8天以上': ages.filter((a) => a >= 8).length,
  });
  expect(s.documentsOut.overAlert).toBe(ages.filter((a) => a > 7).length);
  return s;
}

function countBy<T>(rows: readonly T[], key: (r: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    const k = key(r);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

function expectWeek(from: string, to: string) {
  const s = summarize(input, { from, to });
  const visits = data.visits.filter((v) => v.day >= from && v.day <= to);
  expect(s.visits.total).toBe(visits.length);
  expect(s.visits.byChannel).toEqual(countBy(visits, (v) => v.channel));
  expect(s.visits.byKind).toEqual(countBy(visits, (v) => v.kind));
  const accepted = data.cases.filter((c) => c.acceptedDay >= from && c.acceptedDay <= to);
  expect(s.accepted.total).toBe(accepted.length);
  expect(s.accepted.byMode).toEqual(countBy(accepted, (c) => c.mode));
  expect(s.accepted.byCategory).toEqual(countBy(accepted, (c) => categories.get(c.matterCode) ?? '其他'));
  let done = 0;
  let inTime = 0;
  let moved = 0;
  for (const c of data.cases) {
    if (!c.completedDay || c.completedDay < from || c.completedDay > to || c.mode === '咨询' || !c.deadline) continue;
    done += 1;
    if (c.completedDay <= c.deadline) inTime += 1;
    if ((c.pausedWorkingDays ?? 0) > 0) moved += 1;
  }
  expect([s.completed.total, s.completed.onTime, s.completed.withDeadlineMoved]).toEqual([done, inTime, moved]);
  let rated = 0;
  for (const c of data.cases) {
    if (!c.rating || c.ratedAt === undefined) continue;
    const day = new Date(c.ratedAt + 8 * 3600_000).toISOString().slice(0, 10);
    if (day >= from && day <= to) rated += 1;
  }
  expect(s.ratings.total).toBe(rated);
  const tags: Record<string, Set<string>> = {};
  for (const v of visits) {
    const r = data.residents.find((x) => x.id === v.residentId);
    for (const t of r?.tags ?? []) (tags[t] ??= new Set()).add(r!.id);
  }
  expect(s.specialGroups).toEqual(Object.fromEntries(Object.entries(tags).map(([t, ids]) => [t, ids.size])));
  const gridVisits = Object.values(s.byGrid).reduce((n, g) => n + g.visits, 0);
  expect(gridVisits).toBe(visits.length);
  return s;
}

describe('period summary', () => {
  it('the week across National Day 2025 (Mon 29 Sep – Sun 5 Oct) matches the raw records', () => {
    expect(weekOf('2025-10-01')).toEqual({ from: '2025-09-29', to: '2025-10-05' });
    const s = expectWeek('2025-09-29', '2025-10-05');
    // National Day: visits only on the working days of that week (29, 30 Sep).
    expect(data.visits.filter((v) => v.day >= '2025-10-01' && v.day <= '2025-10-05')).toHaveLength(0);
    expect(s.visits.total).toBeGreaterThan(0);
  });

  it('a week with completions whose promised date was moved by a 补正 pause', () => {
    const paused = data.cases.find((c) => (c.pausedWorkingDays ?? 0) > 0 && c.completedDay && c.mode !== '咨询');
    expect(paused).toBeDefined();
    const week = weekOf(paused!.completedDay!);
    const s = expectWeek(week.from, week.to);
    expect(s.completed.withDeadlineMoved).toBeGreaterThan(0);
    // And against the week before.
    const before = summarize(input, previousPeriod(week));
    expect(comparePeriods(s, before).visits).toBe(s.visits.total - before.visits.total);
  });

  it('a busy ordinary week, and a whole year', () => {
    expectWeek('2026-11-16', '2026-11-22');
    const year = summarize(input, { from: '2025-01-01', to: '2025-12-31' });
    expect(year.visits.total).toBe(data.visits.filter((v) => v.day.startsWith('2025')).length);
  });
});

/** The 联席会议 figures of `from`–`to`, counted with plain loops over the generated records. */
function expectMeetings(from: string, to: string) {
  const inP = (d: string) => d >= from && d <= to;
  const s = summarize(input, { from, to }).meetings;
  let raised = 0;
  let fromVisits = 0;
  for (const p of data.problems) {
    if (p.status === '已合并' || !inP(p.raisedDay)) continue;
    raised += 1;
    if (p.sources[0]!.kind === '入户走访') fromVisits += 1;
  }
  expect([s.problems.raised, s.problems.bySource['入户走访'] ?? 0]).toEqual([raised, fromVisits]);
  const held = new Set<string>();
  let moved = 0;
  let cancelled = 0;
  let listed = 0;
  let present = 0;
  for (const m of data.meetings) {
    if (!inP(m.day)) continue;
    if (m.movedFrom) moved += 1;
    if (m.status === '已取消') cancelled += 1;
    if (m.status !== '已召开') continue;
    held.add(m.id);
    listed += m.attendees.length;
    present += m.attendees.filter((a) => a.present).length;
  }
  expect([s.held, s.moved, s.cancelled]).toEqual([held.size, moved, cancelled]);
  expect([s.attendance.expected, s.attendance.present]).toEqual([listed, present]);
  let items = 0;
  let carried = 0;
  let decisions = 0;
  let assigned = 0;
  let due = 0;
  let onTime = 0;
  const caseOf = new Map(data.cases.map((c) => [c.id, c]));
  for (const i of data.agendaItems) {
    if (!held.has(i.meetingId)) continue;
    items += 1;
    if (i.kind === '上次结转') carried += 1;
    if (!i.decision) continue;
    decisions += 1;
    if (i.decision.type !== '社区处置') continue;
    assigned += 1;
    // Only what was due by the period's end counts towards 按期办结.
    if (i.decision.dueDay > to) continue;
    due += 1;
    const done = caseOf.get(i.caseId!)?.completedDay;
    if (done && done <= i.decision.dueDay) onTime += 1;
  }
  expect([s.items.total, s.items.byKind['上次结转'] ?? 0]).toEqual([items, carried]);
  expect([s.decisions.total, s.assigned.total, s.assigned.due, s.assigned.finishedByDue]).toEqual([
    decisions,
    assigned,
    due,
    onTime,
  ]);
  // Open at the end: raised by then, not merged, and its last decision by then none, 继续跟踪, or
  // 社区处置 / 上报街道 with its case not finished by then.
  let open = 0;
  for (const p of data.problems) {
    if (p.status === '已合并' || p.raisedDay > to) continue;
    let last: (typeof p.decisions)[number] | undefined;
    for (const d of p.decisions) if (d.day <= to) last = d;
    if (!last || last.type === '继续跟踪') open += 1;
    else if (last.type !== '已解决') {
      const c = caseOf.get(p.caseId!)!;
      const end = c.completedDay ?? c.refusedDay ?? c.archivedDay;
      if (end === undefined || end > to) open += 1;
    }
  }
  expect(s.openAtEnd).toBe(open);
  return s;
}

describe('联席会议 on the generated desk', () => {
  it('a whole year: problems, meetings (moved, cancelled), items, decisions, open at its end', () => {
    const s = expectMeetings('2025-01-01', '2025-12-31');
    expect(s.held).toBeGreaterThan(40);
    expect(s.moved + s.cancelled).toBeGreaterThan(0);
    expect(s.assigned.finishedByDue).toBeGreaterThan(0);
    expect(s.assigned.finishedByDue).toBeLessThan(s.assigned.total);
    expect(s.openAtEnd).toBeGreaterThan(0);
  });

  it('weeks with a moved and a cancelled meeting, and the last weeks', () => {
    const movedDay = data.meetings.find((m) => m.movedFrom)!.day;
    expect(expectMeetings(weekOf(movedDay).from, weekOf(movedDay).to).moved).toBe(1);
    const cancelled = data.meetings.find((m) => m.status === '已取消')!.day;
    expect(expectMeetings(weekOf(cancelled).from, weekOf(cancelled).to).cancelled).toBe(1);
    expectMeetings('2026-11-16', '2026-11-22');
    expectMeetings('2026-11-09', '2026-11-15');
  });
});

describe('帮代办 on the generated desk', () => {
  it('a whole year: requests, visits (some by one alone), deliveries, cancellations', () => {
    const s = expectProxy('2025-01-01', '2025-12-31');
    expect(s.requests.total).toBeGreaterThan(10);
    expect(s.homeVisits.solo).toBeGreaterThan(0);
    expect(s.delivered.withinTarget).toBeGreaterThan(0);
    expect(s.delivered.withinTarget).toBeLessThan(s.delivered.total);
    expect(s.cancelled.total).toBeGreaterThan(0);
  });

  it('the last weeks: documents still out, some past the alert days', () => {
    const s = expectProxy('2026-11-16', '2026-11-23');
    expect(s.documentsOut.total).toBeGreaterThan(0);
    expect(s.documentsOut.overAlert).toBeGreaterThan(0);
    expectProxy('2026-11-09', '2026-11-15');
  });

  it('a week whose documents came back after it: out at its end', () => {
    const returnedLater = data.custodyItems.find((i) => {
      const back = i.events.find((e) => e.type === '归还');
      return back && dayOf(back.at) > weekOf(dayOf(i.collectedAt)).to;
    });
    expect(returnedLater).toBeDefined();
    const week = weekOf(dayOf(returnedLater!.collectedAt));
    expect(expectProxy(week.from, week.to).documentsOut.total).toBeGreaterThan(0);
  });
});

describe('open and overdue at the end of a period, by hand-built cases', () => {
  const summaryOf = (cases: CaseRecord[], period: { from: string; to: string }, today?: string) =>
    summarize(
      {
        visits: [],
        cases,
        residents: [],
        categoryOf: () => '其他',
        today,
        proxyTasks: [],
        custodyItems: [],
        problems: [],
        meetings: [],
        agendaItems: [],
        custodyAlertDays: 7,
      },
      period,
    );
  const week = { from: '2026-11-16', to: '2026-11-22' };

  it('a week not over yet is judged as of today: a case due tomorrow is not overdue yet', () => {
    const dueSoon = oldCase('1', { acceptedDay: '2026-11-10', deadline: '2026-11-19' });
    expect(summaryOf([dueSoon], week, '2026-11-18').open).toMatchObject({ total: 1, overdue: 0, overdueAges: [] });
    // Judged at the week's end (or once it is over) the same case is overdue, 12 days old.
    expect(summaryOf([dueSoon], week).open).toMatchObject({ total: 1, overdue: 1, overdueAges: [12] });
    expect(summaryOf([dueSoon], week, '2026-11-30').open.overdueAges).toEqual([12]);
  });

  it('a case refused after the week was open at its end; refused in it, it was not', () => {
    const refusedLater = oldCase('2', { acceptedDay: '2026-11-10', status: '不予受理', refusedDay: '2026-11-25' });
    expect(summaryOf([refusedLater], week).open.total).toBe(1);
    const refusedInWeek = { ...refusedLater, refusedDay: '2026-11-20' };
    expect(summaryOf([refusedInWeek], week).open.total).toBe(0);
    // Archived later, the week's figure does not change.
    expect(summaryOf([{ ...refusedLater, status: '已归档', archivedDay: '2026-12-01' }], week).open.total).toBe(1);
  });

  it('a case waiting for documents is not overdue, unless its date had passed before the pause', () => {
    const paused = oldCase('3', {
      acceptedDay: '2026-11-02',
      deadline: '2026-11-18',
      status: '待补正',
      pause: { from: '2026-11-12', resumeTo: '办理中' },
    });
    expect(summaryOf([paused], week).open).toMatchObject({ total: 1, overdue: 0 });
    const pausedLate = { ...paused, pause: { from: '2026-11-20', resumeTo: '办理中' as const } };
    expect(summaryOf([pausedLate], week).open).toMatchObject({ total: 1, overdue: 1 });
  });
});
