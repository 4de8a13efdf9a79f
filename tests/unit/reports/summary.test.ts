/**
 * The period summary (issue 12, part 1) on a generated desk, against figures counted here
 * from the raw records with plain loops (not with the summary's own helpers): a week across
 * National Day, and a week with cases whose promised date was moved by a 补正 pause.
 */
import { describe, expect, it } from 'vitest';
import { generateDesk } from '../../../bench/data/generate';
import { summarize, previousPeriod, weekOf, comparePeriods, type SummaryInput } from '@shared/reports/summary';

const data = generateDesk('tenth');
const categories = new Map(data.catalog.map((m) => [m.code, m.category]));
const input: SummaryInput = {
  visits: data.visits,
  cases: data.cases,
  residents: data.residents,
  categoryOf: (code) => categories.get(code) ?? '其他',
};

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
