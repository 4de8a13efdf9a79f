/**
 * The street's 汇总 view (view.ts) from what 汇总 reads (db/repositories/street/summary.ts): the
 * 社区名单, the current weekly package of each community and week of the period, and those of the
 * 8 weeks of the trend. Every figure comes from the wire's merge (shared/reports/wire/merge.ts:
 * counts summed, rates from their summed parts, never averaged): across all communities for 合计,
 * per community for its row, per week for the trend. A community without a package for a week is
 * named under 未报送 with that week — its figures are not taken as zeros, and its row says how
 * many weeks it reported. Pure: no clock, no I/O.
 */
import type { StoredStreetPackage, StreetCommunity } from '../../domain/records';
import type { FixedKind } from '../likelyPeriod';
import { isoWeek, periodLabel, type Period } from '../periods';
import { percent } from '../summaryRows';
import { communityRow, mergeContents, outliers, type SideBySideRow } from '../wire/merge';
import type { WireContent } from '../wire/types';
import type { Cell, CompareColumn, MergedLine, StreetSummaryView, TrendWeek } from './view';

export type SummaryInput = {
  kind: FixedKind;
  period: Period;
  weeks: readonly Period[];
  communities: readonly StreetCommunity[];
  packages: readonly Pick<StoredStreetPackage, 'communityCode' | 'from' | 'content'>[];
  trendWeeks: readonly Period[];
  trend: readonly Pick<StoredStreetPackage, 'communityCode' | 'from' | 'content'>[];
};

export type SummarySettings = { street: string; onTimeThreshold: number };

type Merged = ReturnType<typeof mergeContents>;

/** A count or '未报送' where nothing was sent. */
const count = (n: number | null | undefined): Cell => (n === null || n === undefined ? '—' : n);
/** A rate's parts as '92.3%' ('—' when nothing to divide). */
const rate = (r: { num: number; den: number }): Cell => percent(r.den > 0 ? r.num / r.den : null);
const share = (r: { num: number; den: number }): number | null => (r.den > 0 ? r.num / r.den : null);

/** The 合计 lines: section, label, the merged figure. */
const MERGED: readonly [string, string, (m: Merged) => Cell][] = [
  ['来访与受理', '来访（人次）', (m) => m.counts.visits],
  ['来访与受理', '受理办件（件）', (m) => m.counts.accepted],
  ['来访与受理', '其中即办（件）', (m) => m.counts.acceptedImmediate],
  ['来访与受理', '即办占比', (m) => rate(m.rates.immediate)],
  ['来访与受理', '每千名居民来访（人次）', (m) => perThousand(m.counts.visits, m.residents)],
  ['办结', '办结（件）', (m) => m.counts.completed],
  ['办结', '按时办结（件）', (m) => m.counts.completedOnTime],
  ['办结', '逾期办结（件）', (m) => m.counts.completedLate],
  ['办结', '按时办结率', (m) => rate(m.rates.onTime)],
  ['办结', '期末在办（件）', (m) => m.counts.openAtEnd],
  ['办结', '期末超期（件）', (m) => m.counts.overdueAtEnd],
  ['上报与评价', '上报街道（件）', (m) => m.counts.escalationsRaised],
  ['上报与评价', '评价（次）', (m) => m.counts.ratings],
  ['上报与评价', '满意率', (m) => rate(m.rates.satisfaction)],
  ['上报与评价', '整改新增（件）', (m) => m.counts.rectificationsOpened],
  ['上报与评价', '整改完成（件）', (m) => m.counts.rectificationsClosed],
  ['帮代办', '代办需求（件）', (m) => m.counts.proxyRequests],
  ['帮代办', '上门服务（次）', (m) => m.counts.proxyHomeVisits],
  ['帮代办', '送达（件）', (m) => m.counts.proxyDelivered],
  ['帮代办', '目标内送达率', (m) => rate(m.rates.proxyWithinTarget)],
  ['帮代办', '期末材料在外（件）', (m) => m.counts.documentsOut],
  ['联席会议', '新增问题（个）', (m) => m.counts.problemsRaised],
  ['联席会议', '召开会议（次）', (m) => m.counts.meetingsHeld],
  ['联席会议', '研究议题（项）', (m) => m.counts.agendaItems],
  ['联席会议', '会议决定（项）', (m) => m.counts.decisions],
  ['联席会议', '出席率', (m) => rate(m.rates.attendance)],
  ['联席会议', '期末未解决问题（个）', (m) => m.counts.problemsOpenAtEnd],
  ['错时服务', '错时服务（次）', (m) => m.counts.offHoursOccasions],
  ['错时服务', '服务人次', (m) => m.counts.offHoursPeople],
];

function perThousand(visits: number, residents: number): Cell {
  return residents > 0 ? Math.round((visits / residents) * 10_000) / 10 : '—';
}

/** The side-by-side columns: the wire's row per community, as cells and as numbers for the charts. */
const COLUMNS: readonly (CompareColumn & { cell: (r: SideBySideRow) => [Cell, number | null] })[] = [
  { key: 'visitsPer1000', title: '每千人来访', cell: (r) => [count(r.visitsPer1000), r.visitsPer1000] },
  { key: 'immediate', title: '即办占比', cell: (r) => [percent(r.immediateShare), r.immediateShare] },
  { key: 'onTime', title: '按时办结率', cell: (r) => [percent(r.onTimeRate), r.onTimeRate] },
  { key: 'overdue', title: '期末超期', cell: (r) => [r.overdue, r.overdue] },
  { key: 'satisfaction', title: '满意率', cell: (r) => [percent(r.satisfaction), r.satisfaction] },
  { key: 'rectifications', title: '整改在办', cell: (r) => [r.rectificationsOpen, r.rectificationsOpen] },
  { key: 'proxy', title: '帮代办', cell: (r) => [r.proxy, r.proxy] },
  { key: 'meetings', title: '联席会议', cell: (r) => [r.meetingsHeld, r.meetingsHeld] },
];

const TREND: readonly (CompareColumn & { value: (m: Merged) => number | null; cell: (m: Merged) => Cell })[] = [
  { key: 'visits', title: '来访', value: (m) => m.counts.visits, cell: (m) => m.counts.visits },
  { key: 'accepted', title: '受理', value: (m) => m.counts.accepted, cell: (m) => m.counts.accepted },
  { key: 'onTime', title: '按时办结率', value: (m) => share(m.rates.onTime), cell: (m) => rate(m.rates.onTime) },
  { key: 'overdue', title: '期末超期', value: (m) => m.counts.overdueAtEnd, cell: (m) => m.counts.overdueAtEnd },
  {
    key: 'satisfaction',
    title: '满意率',
    value: (m) => share(m.rates.satisfaction),
    cell: (m) => rate(m.rates.satisfaction),
  },
];

/** '第47周（11月16日—11月22日）' within the year: a week named for the lists. */
export const weekName = (w: Period) => `第${isoWeek(w.from).week}周`;

const byCommunity = (rows: SummaryInput['packages']) => {
  const out = new Map<string, Map<string, WireContent>>();
  for (const r of rows) {
    const weeks = out.get(r.communityCode) ?? new Map<string, WireContent>();
    weeks.set(r.from, r.content);
    out.set(r.communityCode, weeks);
  }
  return out;
};

export function streetSummaryView(input: SummaryInput, settings: SummarySettings): StreetSummaryView {
  const { kind, period, weeks } = input;
  const sent = byCommunity(input.packages);
  // Expected: every active community of the list; a stopped one only where it sent something.
  const names = new Map(input.communities.map((c) => [c.code, c.name]));
  for (const p of input.packages) if (!names.has(p.communityCode)) names.set(p.communityCode, p.content.community.name);
  const expected = [...names.keys()]
    .filter((code) => sent.has(code) || input.communities.find((c) => c.code === code)?.active !== false)
    .sort();
  const contents = input.packages.map((p) => p.content);
  const merged = mergeContents(contents);
  const rows = expected.map((code) => {
    const own = sent.get(code);
    const name = names.get(code) ?? code;
    const reported = `${own?.size ?? 0}/${weeks.length} 周`;
    if (!own || own.size === 0)
      return { code, name, reported, cells: COLUMNS.map(() => '未报送'), values: COLUMNS.map(() => null), side: null };
    const side = communityRow(mergeContents([...own.values()]));
    const pairs = COLUMNS.map((c) => c.cell(side));
    return { code, name, reported, cells: pairs.map(([c]) => c), values: pairs.map(([, v]) => v), side };
  });
  const found = outliers(
    rows.flatMap((r) => (r.side ? [r.side] : [])),
    { onTimeRate: settings.onTimeThreshold / 100 },
  );
  const missing = expected.flatMap((code) => {
    const own = sent.get(code);
    const lacking = weeks.filter((w) => !own?.has(w.from)).map(weekName);
    return lacking.length ? [{ code, name: names.get(code) ?? code, weeks: lacking, all: lacking.length === weeks.length }] : [];
  });
  const trendSent = byCommunity(input.trend);
  const trend: TrendWeek[] = input.trendWeeks.map((w) => {
    const those = [...trendSent.values()].flatMap((m) => (m.has(w.from) ? [m.get(w.from)!] : []));
    const m = mergeContents(those);
    return {
      ...w,
      label: periodLabel('week', w),
      reported: those.length,
      cells: TREND.map((t) => (those.length ? t.cell(m) : '未报送')),
      values: TREND.map((t) => (those.length ? t.value(m) : null)),
    };
  });
  const outlierList = found.map((o) => ({ ...o, name: names.get(o.code) ?? o.code }));
  const marks = new Map<string, string[]>();
  for (const o of outlierList) marks.set(o.code, [...(marks.get(o.code) ?? []), `${o.figure} ${o.value}，${o.rule}`]);
  const mergedLines: MergedLine[] = MERGED.map(([section, label, f]) => ({ section, label, value: f(merged) }));
  return {
    street: settings.street,
    kind,
    period,
    label: periodLabel(kind, period),
    expected: expected.length,
    reportedCommunities: rows.filter((r) => r.side).length,
    headline: [
      { label: '来访', value: `${merged.counts.visits} 人次` },
      { label: '受理办件', value: `${merged.counts.accepted} 件` },
      { label: '按时办结率', value: String(rate(merged.rates.onTime)) },
      { label: '期末超期', value: `${merged.counts.overdueAtEnd} 件` },
    ],
    merged: mergedLines,
    columns: COLUMNS.map(({ key, title }) => ({ key, title })),
    rows: rows.map(({ side: _s, ...r }) => ({ ...r, marks: marks.get(r.code) ?? [] })),
    missing,
    trendColumns: TREND.map(({ key, title }) => ({ key, title })),
    trend,
    outliers: outlierList,
  };
}
