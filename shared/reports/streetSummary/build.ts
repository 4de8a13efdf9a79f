/**
 * The street's 汇总 view (view.ts) from what 汇总 reads (db/repositories/street/summary.ts): the
 * 社区名单, the current weekly package of each community and week of the period, and those of the
 * 8 weeks of the trend. Every figure comes from the wire's merge (shared/reports/wire/merge.ts:
 * counts summed, rates from their summed parts, never averaged): across all communities for 合计,
 * per community for its row, per week for the trend. A community without a package for a week is
 * named under 未报送 with that week — its figures are not taken as zeros, and its row says how
 * many weeks it reported. Pure: no clock, no I/O.
 */
import type { StreetCommunity } from '../../domain/records';
import type { FixedKind } from '../likelyPeriod';
import { isoWeek, periodLabel, type Period } from '../periods';
import { percent } from '../summaryRows';
import {
  communityRow,
  mergeContents,
  outliers,
  packagesFor,
  periodFigures,
  trendOf,
  type MergedFigures,
  type SideBySideRow,
} from '../wire/merge';
import type { WireFigures } from '../wire/types';
import type { Cell, CompareColumn, StreetSummaryView, TrendWeek } from './view';

export type SummaryInput = {
  kind: FixedKind;
  period: Period;
  /** The weeks that count in the period (the wire's rule: `weeksOf`). */
  weeks: readonly Period[];
  communities: readonly Pick<StreetCommunity, 'code' | 'name' | 'active'>[];
  /** The current packages of the period: its weekly ones, and any community's own package of the period. */
  packages: readonly WireFigures[];
  trendWeeks: readonly Period[];
  /** The current weekly packages of the trend's weeks. */
  trend: readonly WireFigures[];
};

export type SummarySettings = { street: string; onTimeThreshold: number };

type Merged = MergedFigures;

/** A rate's parts as '92.3%' ('—' when nothing to divide). */
const rate = (r: { num: number; den: number }): string => percent(r.den > 0 ? r.num / r.den : null);
const share = (r: { num: number; den: number }): number | null => (r.den > 0 ? r.num / r.den : null);
/** Visits per 1,000 residents to one decimal ('—' when the population is not known). */
const perThousand = (n: number | null): Cell => (n === null ? '—' : Math.round(n * 10) / 10);
/** A count a package could not say (a converted version 1 package): '未知'. */
const known = (n: number | null): Cell => (n === null ? '未知' : n);

/** The 合计 lines: section, label, the merged figure. */
const MERGED: readonly [string, string, (m: Merged) => Cell][] = [
  ['来访与受理', '来访（人次）', (m) => m.counts.visits],
  [
    '来访与受理',
    '每千名居民来访（人次）',
    (m) => perThousand(m.residents ? (m.counts.visits * 1000) / m.residents : null),
  ],
  ['来访与受理', '受理办件（件）', (m) => m.counts.accepted],
  ['来访与受理', '其中即办（件）', (m) => m.counts.acceptedImmediate],
  ['来访与受理', '即办占比', (m) => rate(m.rates.immediate)],
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
  ['上报与评价', '期末整改在办（件）', (m) => m.counts.rectificationsOpenAtEnd],
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

/** The side-by-side columns: the wire's row per community, as cells and as numbers for the charts. */
const COLUMNS: readonly (CompareColumn & { cell: (r: SideBySideRow) => [Cell, number | null] })[] = [
  { key: 'visitsPer1000', title: '每千人来访', cell: (r) => [perThousand(r.visitsPer1000), r.visitsPer1000] },
  { key: 'immediate', title: '即办占比', cell: (r) => [percent(r.immediateShare), r.immediateShare] },
  { key: 'onTime', title: '按时办结率', cell: (r) => [percent(r.onTimeRate), r.onTimeRate] },
  { key: 'overdue', title: '期末超期', cell: (r) => [r.overdue, r.overdue] },
  { key: 'satisfaction', title: '满意率', cell: (r) => [percent(r.satisfactionRate), r.satisfactionRate] },
  { key: 'rectifications', title: '整改在办', cell: (r) => [known(r.rectificationsOpen), r.rectificationsOpen] },
  { key: 'proxy', title: '帮代办', cell: (r) => [r.proxyRequests, r.proxyRequests] },
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

/** A week as named in the 未报送 lists: '第47周'. */
export const weekName = (w: Period) => `第${isoWeek(w.from).week}周`;

export function streetSummaryView(input: SummaryInput, settings: SummarySettings): StreetSummaryView {
  const { kind, period, weeks } = input;
  const wanted = { kind, ...period };
  const figures = periodFigures(wanted, input.packages);
  const sent = packagesFor(wanted, input.packages);
  // Expected: every active community of the list, and any other that sent something.
  const names = new Map(input.communities.map((c) => [c.code, c.name]));
  for (const f of figures) if (!names.has(f.community.code)) names.set(f.community.code, f.community.name);
  const active = new Set(input.communities.filter((c) => c.active).map((c) => c.code));
  const expected = [...names.keys()].filter((code) => active.has(code) || sent.has(code)).sort();
  const byCode = new Map(figures.map((f) => [f.community.code, f]));
  const merged = mergeContents(figures);
  const sides = figures.map(communityRow);
  const found = outliers(sides, { onTimeRate: settings.onTimeThreshold / 100 }).map((o) => ({
    code: o.code,
    name: names.get(o.code) ?? o.name,
    message: o.message,
  }));
  const marks = new Map<string, string[]>();
  for (const o of found) marks.set(o.code, [...(marks.get(o.code) ?? []), o.message]);
  const rows = expected.map((code) => {
    const name = names.get(code) ?? code;
    const f = byCode.get(code);
    // A community's own package of the period holds every week of it.
    const own = f && sent.get(code)?.[0]?.period.kind === kind && kind !== 'week';
    const reported = `${own ? weeks.length : (f?.weeks ?? 0)}/${weeks.length} 周`;
    if (!f)
      return { code, name, reported, cells: COLUMNS.map(() => '未报送'), values: COLUMNS.map(() => null), marks: [] };
    const pairs = COLUMNS.map((c) => c.cell(communityRow(f)));
    return {
      code,
      name,
      reported,
      cells: pairs.map(([c]) => c),
      values: pairs.map(([, v]) => v),
      marks: marks.get(code) ?? [],
    };
  });
  const missing = expected.flatMap((code) => {
    const list = sent.get(code) ?? [];
    if (list.some((c) => c.period.kind === kind && kind !== 'week')) return [];
    const got = new Set(list.map((c) => c.period.from));
    const lacking = weeks.filter((w) => !got.has(w.from)).map(weekName);
    return lacking.length
      ? [{ code, name: names.get(code) ?? code, weeks: lacking, all: lacking.length === weeks.length }]
      : [];
  });
  const trend: TrendWeek[] = trendOf(input.trendWeeks, input.trend).map((p) => ({
    ...p.week,
    label: periodLabel('week', p.week),
    reported: p.reported.length,
    cells: TREND.map((t) => (p.figures ? t.cell(p.figures) : '无报送')),
    values: TREND.map((t) => (p.figures ? t.value(p.figures) : null)),
  }));
  return {
    street: settings.street,
    kind,
    period,
    label: periodLabel(kind, period),
    expected: expected.length,
    reportedCommunities: figures.length,
    headline: [
      { label: '来访', value: `${merged.counts.visits} 人次` },
      { label: '受理办件', value: `${merged.counts.accepted} 件` },
      { label: '按时办结率', value: rate(merged.rates.onTime) },
      { label: '期末超期', value: `${merged.counts.overdueAtEnd} 件` },
    ],
    merged: MERGED.map(([section, label, f]) => ({ section, label, value: f(merged) })),
    columns: COLUMNS.map(({ key, title }) => ({ key, title })),
    rows,
    missing,
    trendColumns: TREND.map(({ key, title }) => ({ key, title })),
    trend,
    outliers: found,
  };
}
