/**
 * The street's merge (shared/reports/wire/merge.ts) against hand counts for three generated
 * communities of different sizes and seeds (bench/data), each loaded into the app's database and
 * reported through the real path (readReportData → packageContent → writePackage → readPackage):
 * the 国庆 week (a holiday week), an ordinary week, October made of its weekly packages (the
 * Thursday rule) with one community's week missing, the 8-week trend with its gaps, the
 * side-by-side rows and the outliers. The hand counts come from the generated records, not from
 * the summary. Then every package made here is scanned for every resident's name, ID number and
 * phone (and a planted name is found, so the scan can fail).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '@shared/domain/records';
import { generateDesk, type GeneratedDesk, type SizeName } from '../../../../bench/data/generate';
import { loadDesk } from '../../../../bench/data/load';
import { readReportData } from '../../../../renderer/src/db/repositories/reports';
import { packageContent, writePackage } from '@shared/reports/package';
import { periodOf, previousPeriod, type Period } from '@shared/reports/periods';
import { EMPTY_NOTES, type ReportData } from '@shared/reports/reportData';
import { readPackage } from '@shared/reports/wire/read';
import type { WireContent } from '@shared/reports/wire/types';
import {
  communityRow,
  lastWeeks,
  mergeContents,
  outliers,
  periodFigures,
  shareOf,
  totalRow,
  trendOf,
  weeksOf,
} from '@shared/reports/wire/merge';
import { communityDesk, freshDb } from '../../../db/testDb';
import { sha256Hex } from '../packageFixtures';

type Community = { code: string; name: string; population: number; size: SizeName; seed: number };
const COMMUNITIES: Community[] = [
  { code: 'THL', name: '桃花岭社区', population: 11_500, size: 'thousand', seed: 20261124 },
  { code: 'JZZ', name: '橘子洲社区', population: 4_200, size: 'tiny', seed: 7 },
  { code: 'YLS', name: '岳麓山社区', population: 2_600, size: 'tiny', seed: 99 },
];
const NATIONAL_DAY = periodOf('week', '2026-10-01');
const ORDINARY = periodOf('week', '2026-11-18');
const OCTOBER = { kind: 'month' as const, ...periodOf('month', '2026-10-15') };
/** YLS sent no package for this week of October. */
const MISSING: [string, string] = ['YLS', '2026-10-12'];

const desks = new Map<string, GeneratedDesk>();
/** Every package text made here (for the privacy scan). */
const texts: string[] = [];
/** The packages as the street holds them (read back), by community. */
const contents: WireContent[] = [];

async function reportOf(c: Community, data: GeneratedDesk, week: Period, db: ReturnType<typeof freshDb>) {
  const desk = await communityDesk(db, { staffId: 'staff-1' });
  const report: ReportData = await readReportData(desk, 'week', week, previousPeriod(week, 'week'), EMPTY_NOTES);
  report.community = { name: c.name, code: c.code, street: '岳麓街道', population: c.population };
  return report;
}

async function send(report: ReportData): Promise<WireContent> {
  const text = await writePackage(
    packageContent(report, `install-${report.community.code}-0001`, '2026-11-24T01:00:00.000Z'),
    sha256Hex,
  );
  texts.push(text);
  const read = await readPackage(text, { street: '岳麓街道' }, sha256Hex);
  if (!read.ok) throw new Error(read.reason);
  return read.pkg.content;
}

const reports = new Map<string, ReportData>();

beforeAll(async () => {
  const weeks = [...weeksOf(OCTOBER), ORDINARY];
  for (const c of COMMUNITIES) {
    const data = generateDesk(c.size, c.seed);
    desks.set(c.code, data);
    const db = freshDb();
    await loadDesk(db, data, { iterations: 1000 });
    for (const week of weeks) {
      if (c.code === MISSING[0] && week.from === MISSING[1]) continue;
      const report = await reportOf(c, data, week, db);
      reports.set(`${c.code}|${week.from}`, report);
      contents.push(await send(report));
    }
  }
}, 240_000);

/** Hand counts of one community's week from its generated records. */
function handCounts(d: GeneratedDesk, p: Period) {
  const inP = (day: string | undefined) => day !== undefined && day >= p.from && day <= p.to;
  const dayOf = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
  const accepted = d.cases.filter((c) => inP(c.acceptedDay));
  const completed = d.cases.filter((c) => inP(c.completedDay) && c.mode !== '咨询' && c.deadline);
  const rated = d.cases.filter((c) => c.rating && c.ratedAt !== undefined && inP(dayOf(c.ratedAt)));
  return {
    visits: d.visits.filter((v) => inP(v.day)).length,
    accepted: accepted.length,
    immediate: accepted.filter((c) => c.mode === '即办').length,
    completed: completed.length,
    onTime: completed.filter((c: CaseRecord) => c.completedDay! <= c.deadline!).length,
    ratings: rated.length,
    satisfied: rated.filter((c) => ['非常满意', '满意', '基本满意'].includes(c.rating!)).length,
    proxyRequests: d.proxyTasks.filter((t) => inP(t.requestedDay)).length,
    meetingsHeld: d.meetings.filter((m) => m.status === '已召开' && inP(m.day)).length,
    escalationsRaised: d.cases.flatMap((c) => c.escalations ?? []).filter((e) => inP(e.raisedDay)).length,
  };
}
type Hand = ReturnType<typeof handCounts>;
const sumHand = (hs: Hand[]) =>
  Object.fromEntries(Object.keys(hs[0]!).map((k) => [k, hs.reduce((n, h) => n + h[k as keyof Hand], 0)])) as Hand;

const weekly = (p: Period) => contents.filter((c) => c.period.kind === 'week' && c.period.from === p.from);

describe('the merge against hand counts', { timeout: 60_000 }, () => {
  for (const [what, week] of [
    ['the 国庆 week (holidays)', NATIONAL_DAY],
    ['an ordinary week', ORDINARY],
  ] as const)
    it(`${what}: counts summed, rates from their summed parts, one row per community`, () => {
      const hands = COMMUNITIES.map((c) => handCounts(desks.get(c.code)!, week));
      const hand = sumHand(hands);
      expect(hand.visits).toBeGreaterThan(0);
      const merged = mergeContents(weekly(week));
      expect(merged.communities).toBe(3);
      expect(merged.residents).toBe(11_500 + 4_200 + 2_600);
      expect(merged.counts).toMatchObject({
        visits: hand.visits,
        accepted: hand.accepted,
        acceptedImmediate: hand.immediate,
        completed: hand.completed,
        completedOnTime: hand.onTime,
        ratings: hand.ratings,
        ratingsSatisfied: hand.satisfied,
        proxyRequests: hand.proxyRequests,
        meetingsHeld: hand.meetingsHeld,
        escalationsRaised: hand.escalationsRaised,
      });
      expect(merged.rates.onTime).toEqual({ num: hand.onTime, den: hand.completed });
      expect(merged.rates.immediate).toEqual({ num: hand.immediate, den: hand.accepted });
      expect(merged.rates.satisfaction).toEqual({ num: hand.satisfied, den: hand.ratings });
      // Lists merge by key: the channels add up to the visits.
      expect(merged.lists.visitsByChannel.reduce((n, i) => n + i.n, 0)).toBe(hand.visits);
      const rows = weekly(week).map(communityRow);
      expect(rows.map((r) => r.code).sort()).toEqual(['JZZ', 'THL', 'YLS']);
      for (const [i, c] of COMMUNITIES.entries()) {
        const row = rows.find((r) => r.code === c.code)!;
        const h = hands[i]!;
        expect(row.visits).toBe(h.visits);
        expect(row.visitsPer1000).toBeCloseTo((h.visits * 1000) / c.population, 9);
        expect(row.onTimeRate).toBe(h.completed === 0 ? null : h.onTime / h.completed);
        expect(row.immediateShare).toBe(h.accepted === 0 ? null : h.immediate / h.accepted);
        expect(row.meetingsHeld).toBe(h.meetingsHeld);
        expect(row.proxyRequests).toBe(h.proxyRequests);
      }
      // Every escalation raised in the week travels, one row each (no request text).
      for (const c of COMMUNITIES) {
        const raised = desks
          .get(c.code)!
          .cases.flatMap((k) =>
            (k.escalations ?? [])
              .filter((e) => e.raisedDay >= week.from && e.raisedDay <= week.to)
              .map((e) => `${k.trackingNumber}|${new Date(e.raisedAt).toISOString()}|${e.office}`),
          );
        const wire = weekly(week)
          .find((x) => x.community.code === c.code)!
          .escalations.map((e) => `${e.trackingNumber}|${e.raisedAt}|${e.department}`);
        expect(wire).toEqual(expect.arrayContaining(raised));
      }
      const total = totalRow(merged, weekly(week));
      expect(total.onTimeRate).toBe(hand.completed === 0 ? null : hand.onTime / hand.completed);
      expect(total.visitsPer1000).toBeCloseTo((hand.visits * 1000) / 18_300, 9);
    });

  it('a rate is never the average of the communities’ rates', () => {
    const rows = weekly(ORDINARY).map(communityRow);
    const merged = mergeContents(weekly(ORDINARY));
    const mean = rows.reduce((n, r) => n + (r.immediateShare ?? 0), 0) / rows.length;
    expect(shareOf(merged.rates.immediate)).not.toBeCloseTo(mean, 6);
    expect(shareOf({ num: 0, den: 0 })).toBeNull();
  });

  it('the 国庆 week: the week holding Oct 1 counts in October (its Thursday), not September', () => {
    expect(weeksOf(OCTOBER).map((w) => w.from)).toEqual([
      '2026-09-28',
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
    ]);
    expect(weeksOf(periodOf('month', '2026-09-10')).at(-1)!.from).toBe('2026-09-21');
    // 2025-12-29 — 2026-01-04: a week of 2026 (its Thursday is Jan 1).
    expect(weeksOf(periodOf('year', '2026-06-01'))[0]!.from).toBe('2025-12-29');
  });

  it('October from its weekly packages: flows summed over the weeks sent, the end figures of the last week; a missing week is a gap', () => {
    const figures = periodFigures(OCTOBER, contents);
    expect(figures.map((f) => [f.community.code, f.weeks])).toEqual([
      ['JZZ', 5],
      ['THL', 5],
      ['YLS', 4],
    ]);
    for (const f of figures) {
      const d = desks.get(f.community.code)!;
      const sent = weeksOf(OCTOBER).filter((w) => !(f.community.code === MISSING[0] && w.from === MISSING[1]));
      const hand = sumHand(sent.map((w) => handCounts(d, w)));
      expect(f.counts.visits).toBe(hand.visits);
      expect(f.rates.onTime).toEqual({ num: hand.onTime, den: hand.completed });
      const lastWeek = reports.get(`${f.community.code}|2026-10-26`)!;
      // Open at October's end (Nov 1): accepted by then, not finished (办结, 不予受理, 归档) by then.
      const endOf = (c: CaseRecord) =>
        c.completedDay ?? c.refusedDay ?? c.archivedDay ?? (c.status === '不予受理' ? c.acceptedDay : '9999-12-31');
      const open = lastWeek.cases.filter((c) => c.acceptedDay <= '2026-11-01' && endOf(c) > '2026-11-01').length;
      expect(f.counts.openAtEnd).toBe(open);
    }
    const merged = mergeContents(figures);
    expect(merged.counts.visits).toBe(figures.reduce((n, f) => n + f.counts.visits, 0));
  });

  it('the 8-week trend: each week merged from the packages sent; a week nobody sent is null, not zero', () => {
    const weeks = lastWeeks('2026-11-18', 8);
    const trend = trendOf(weeks, contents);
    expect(trend.map((t) => t.week.from)).toEqual(weeks.map((w) => w.from));
    const byWeek = new Map(trend.map((t) => [t.week.from, t]));
    expect(byWeek.get('2026-10-12')!.reported).toEqual(['JZZ', 'THL']);
    expect(byWeek.get('2026-11-02')!.figures).toBeNull();
    expect(byWeek.get('2026-11-16')!.figures!.counts.visits).toBe(
      sumHand(COMMUNITIES.map((c) => handCounts(desks.get(c.code)!, ORDINARY))).visits,
    );
  });

  it('outliers: the communities below the on-time threshold (a rate with nothing to divide is none)', () => {
    const rows = weekly(ORDINARY).map(communityRow);
    const threshold = 0.95;
    const below = rows.filter((r) => r.onTimeRate !== null && r.onTimeRate < threshold).map((r) => r.code);
    expect(outliers(rows, { onTimeRate: threshold }).map((o) => o.code)).toEqual(below);
    const all = outliers(rows, { onTimeRate: 1.01, overdueMax: -1 });
    expect(all.filter((o) => o.field === 'overdue')).toHaveLength(3);
    expect(all.find((o) => o.field === 'onTimeRate')?.message).toMatch(/^按时办结率 \d+\.\d%，低于 101\.0%$/);
    expect(outliers([{ ...rows[0]!, onTimeRate: null }], { onTimeRate: 0.9 })).toEqual([]);
  });
});

describe('minimum necessary', { timeout: 60_000 }, () => {
  const personal = () =>
    [...desks.values()].flatMap((d) =>
      d.residents.flatMap((r) => [r.name, r.idNumber, r.phone].filter((x): x is string => !!x && x.length >= 2)),
    );
  const found = (text: string, needles: readonly string[]) => needles.filter((n) => text.includes(n));

  it('no package made here holds any resident’s name, ID number or phone', () => {
    const needles = personal();
    expect(needles.length).toBeGreaterThan(1000);
    expect(texts.length).toBe(3 * 6 - 1);
    for (const text of texts) expect(found(text, needles)).toEqual([]);
  });

  it('the scan finds a name planted in a package (so it can fail)', async () => {
    const report = reports.get('THL|2026-11-16')!;
    const someone = desks.get('THL')!.residents[3]!;
    const grid = report.grids[0]!;
    const planted = { ...report, grids: [{ ...grid, name: someone.name }, ...report.grids.slice(1)] };
    const text = await writePackage(packageContent(planted, 'install-THL-0001', '2026-11-24T01:00:00.000Z'), sha256Hex);
    expect(found(text, personal())).toContain(someone.name);
  });
});
