/**
 * The street's 汇总 in the data layer (issue 27 item 4): three communities' packages made by the
 * real community export from three generated desks (bench/data: generateDesk('tiny', seed), loaded,
 * read by readReportData, written by packageContent/writePackage), imported on a street desk through
 * its real import path, read back by `readStreetSummary` and shown by `streetSummaryView`. The
 * figures on the view equal hand counts made here — from the generated records themselves (visits,
 * accepted cases) and from the packages' own counts (rates from their summed parts); a fourth
 * community of the list that sent nothing is 未报送, never a row of zeros; outliers follow the
 * street's threshold; the export is audited with street.work checked in the data layer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { weeksOf } from '@shared/reports/wire/merge';
import { periodOf, weekOf, type Period } from '@shared/reports/periods';
import { streetSummaryView } from '@shared/reports/streetSummary/build';
import { streetSheets } from '@shared/reports/streetSummary/sheets';
import { renderStreetSummaryDocument } from '@shared/reports/streetSummary/document';
import type { WirePackage } from '@shared/reports/wire/types';
import { generateDesk } from '../../bench/data/generate';
import { generatedDeskOf, weeklyPackageFiles } from '../../bench/data/communityPackages';
import { importPackageFile, type PackageFile } from '../../renderer/src/db/repositories/street/packages';
import { saveStreetCommunity } from '../../renderer/src/db/repositories/street/communities';
import { readStreetSummary, recordSummaryExport } from '../../renderer/src/db/repositories/street/summary';
import { setUpStreet } from './streetTestDb';
import { communityDesk, fails, freshDb, setUpCommunity } from './testDb';
import { loadedDb } from './generatedDesk';

const W46 = weekOf('2026-11-09');
const W47 = weekOf('2026-11-16');
const inWeek = (day: string, w: Period) => day >= w.from && day <= w.to;
const COMMUNITIES = [
  { code: 'AAA', name: '甲社区', population: 8_000, seed: 20261124 },
  { code: 'BBB', name: '乙社区', population: 12_000, seed: 7 },
  // 丙 sends only the second week.
  { code: 'CCC', name: '丙社区', population: 5_000, seed: 11 },
];
const QUIET = { code: 'DDD', name: '丁社区' };

type Hand = { code: string; visits: Record<string, number>; accepted: Record<string, number> };
const files: PackageFile[] = [];
const hand: Hand[] = [];

const pkgOf = (f: PackageFile) => JSON.parse(f.text) as WirePackage;
const packagesOf = (code: string, w: Period) =>
  files.map(pkgOf).filter((p) => p.content.community.code === code && p.content.period.from === w.from);

beforeAll(async () => {
  for (const c of COMMUNITIES) {
    const data = generateDesk('tiny', c.seed);
    const db = await loadedDb(data);
    const weeks = c.code === 'CCC' ? [W47] : [W46, W47];
    files.push(...(await weeklyPackageFiles(await generatedDeskOf(db), weeks, [c])));
    db.close();
    // Hand counts from the generated records themselves.
    const count = (days: string[]) =>
      Object.fromEntries([W46, W47].map((w) => [w.from, days.filter((d) => inWeek(d, w)).length]));
    hand.push({
      code: c.code,
      visits: count(data.visits.map((v) => v.day)),
      accepted: count(data.cases.map((k) => k.acceptedDay)),
    });
  }
}, 120_000);

async function streetWithPackages(threshold?: number) {
  const db = freshDb();
  const street = await setUpStreet(db, { now: Date.parse('2026-11-24T09:30:00+08:00'), today: '2026-11-24' });
  await saveStreetCommunity(street.adminDesk, { ...QUIET, contact: '刘主任', phone: '0731-88886666' });
  for (const f of files) {
    const r = await importPackageFile(street.adminDesk, f, { addCommunity: true });
    expect(r.outcome).toBe('imported');
  }
  const settings = {
    street: '岳麓街道',
    onTimeThreshold: threshold ?? street.adminDesk.street!.settings.onTimeThreshold,
  };
  const view = async (kind: 'week' | 'month', p: Period) =>
    streetSummaryView(await readStreetSummary(street.clerkDesk, kind, p), settings);
  return { db, ...street, view };
}

describe('汇总 (issue 27 item 4)', () => {
  it('a week: merged figures equal the generated records, rates from summed parts, 丁社区 未报送', async () => {
    const { view } = await streetWithPackages();
    const v = await view('week', W47);
    const line = (label: string) => v.merged.find((m) => m.label === label)?.value;
    const visits = hand.reduce((n, h) => n + h.visits[W47.from]!, 0);
    const accepted = hand.reduce((n, h) => n + h.accepted[W47.from]!, 0);
    expect(visits).toBeGreaterThan(0);
    expect(line('来访（人次）')).toBe(visits);
    expect(line('受理办件（件）')).toBe(accepted);
    // 按时办结率 from the packages' own parts, summed — not an average of the three percentages.
    const parts = COMMUNITIES.map((c) => packagesOf(c.code, W47)[0]!.content.rates.onTime);
    const num = parts.reduce((n, r) => n + r.num, 0);
    const den = parts.reduce((n, r) => n + r.den, 0);
    expect(den).toBeGreaterThan(0);
    expect(line('按时办结率')).toBe(`${((num / den) * 100).toFixed(1)}%`);
    expect(v.headline).toContainEqual({ label: '来访', value: `${visits} 人次` });
    expect(v.reportedCommunities).toBe(3);
    expect(v.expected).toBe(4);
    expect(v.missing).toEqual([{ code: 'DDD', name: '丁社区', weeks: ['第47周'], all: true }]);
    // Side by side: each community's own figures; 丁社区's row says 未报送 in every column.
    const row = (code: string) => v.rows.find((r) => r.code === code)!;
    const per1000 = v.columns.findIndex((c) => c.key === 'visitsPer1000');
    for (const [i, c] of COMMUNITIES.entries())
      expect(row(c.code).cells[per1000]).toBe(Math.round((hand[i]!.visits[W47.from]! * 1000 * 10) / c.population) / 10);
    expect(row('DDD').cells.every((c) => c === '未报送')).toBe(true);
    expect(row('DDD').reported).toBe('0/1 周');
  });

  it('a month: the weeks that count in it, 丙社区 missing a week said by name; stock figures from the last week', async () => {
    const { view } = await streetWithPackages();
    const month = periodOf('month', '2026-11-16');
    const weeks = weeksOf(month);
    const v = await view('month', month);
    const line = (label: string) => v.merged.find((m) => m.label === label)?.value;
    const flow = hand.reduce((n, h) => n + h.visits[W46.from]! + h.visits[W47.from]!, 0) - hand[2]!.visits[W46.from]!;
    expect(line('来访（人次）')).toBe(flow);
    // 期末超期 is a moment: each community's last week, summed across communities.
    const lastOverdue = COMMUNITIES.reduce((n, c) => n + packagesOf(c.code, W47)[0]!.content.counts.overdueAtEnd, 0);
    expect(line('期末超期（件）')).toBe(lastOverdue);
    const ccc = v.missing.find((m) => m.code === 'CCC')!;
    expect(ccc.all).toBe(false);
    expect(ccc.weeks).toHaveLength(weeks.length - 1);
    expect(ccc.weeks).toContain('第46周');
    expect(v.rows.find((r) => r.code === 'AAA')!.reported).toBe(`2/${weeks.length} 周`);
  });

  it('outliers follow the street threshold, in words; the trend has a gap for a week nobody sent', async () => {
    const strict = await (await streetWithPackages(100)).view('week', W47);
    const rated = COMMUNITIES.filter((c) => {
      const r = packagesOf(c.code, W47)[0]!.content.rates.onTime;
      return r.den > 0 && r.num < r.den;
    });
    expect(strict.outliers.map((o) => o.code).sort()).toEqual(rated.map((c) => c.code).sort());
    for (const o of strict.outliers) expect(o.message).toMatch(/^按时办结率 \d+\.\d%，低于 100\.0%$/);
    for (const c of rated) expect(strict.rows.find((r) => r.code === c.code)!.marks).toHaveLength(1);
    const lenient = await (await streetWithPackages(0)).view('week', W47);
    expect(lenient.outliers).toEqual([]);
    expect(lenient.trend).toHaveLength(8);
    expect(lenient.trend.map((w) => w.reported)).toEqual([0, 0, 0, 0, 0, 0, 2, 3]);
    expect(lenient.trend[0]!.cells.every((c) => c === '无报送')).toBe(true);
  });

  it('the sheets and the printed 街道周报 say the same as the view', async () => {
    const v = await (await streetWithPackages()).view('week', W47);
    const sheets = streetSheets(v);
    expect(sheets.map((s) => s.name)).toEqual(['合计', '各社区对比', '近8周趋势', '异常']);
    expect(sheets[1]!.rows.map((r) => r[0])).toEqual(['甲社区', '乙社区', '丙社区', '丁社区']);
    expect(sheets[3]!.rows).toContainEqual(['丁社区', 'DDD', '未报送', '本期未报送']);
    const html = renderStreetSummaryDocument(v, '2026-11-24 09:40', '李员');
    expect(html).toContain('<h1>岳麓街道周报</h1>');
    expect(html).toContain('2026-11-16 至 2026-11-22');
    expect(html).toContain('未报送：丁社区');
    expect(html).toContain('打印：李员 2026-11-24 09:40');
    expect(html).toContain('@page { size: A4 landscape');
  });

  it('an export is audited with street.work (refused on a community desk), the row naming no community figure', async () => {
    const { db, clerkDesk } = await streetWithPackages();
    const period = W47;
    await recordSummaryExport(clerkDesk, {
      format: 'Excel',
      kind: 'week',
      period,
      label: '第47周',
      rows: { 合计: 30 },
    });
    const rows = await db.auditLog.where('action').equals('street.summaryExport').toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: 'streetSummary', entityId: 'Excel' });
    expect(rows[0]!.detail).toBe('第47周（2026-11-16 至 2026-11-22）：合计 30 行');
    const community = freshDb();
    await setUpCommunity(community);
    const clerk = await communityDesk(community);
    const refused = await fails(
      recordSummaryExport(clerk, { format: 'Excel', kind: 'week', period, label: '', rows: {} }),
    );
    expect(refused).toMatchObject({ message: expect.stringContaining('导出汇总') });
  });
});
