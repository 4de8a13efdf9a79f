/**
 * The street's 汇总 as a workbook's sheets, one per view: 合计, 各社区对比, 近8周趋势, 异常 (the
 * outliers and the communities that did not report). Each sheet has its title row (street, what,
 * period) and Chinese headers; the workbook writer (renderer/src/components/workbook.ts) sets A4
 * landscape and repeats the header on every page.
 */
import { REPORT_NAMES } from '../reportData';
import type { Cell, StreetSummaryView } from './view';

export type StreetSheet = {
  name: string;
  title: string;
  columns: { title: string; width: number }[];
  rows: Cell[][];
};

/** The files' name: '岳麓街道-周报汇总-2026-11-16至2026-11-22'. */
export const streetBaseName = (v: Pick<StreetSummaryView, 'street' | 'kind' | 'period'>) =>
  `${v.street}-${REPORT_NAMES[v.kind]}汇总-${v.period.from}至${v.period.to}`;

export const SHEET_NAMES = ['合计', '各社区对比', '近8周趋势', '异常'] as const;

/** '岳麓街道 社区工作汇总 2026年第47周（11月16日—11月22日）'. */
export const summaryTitle = (v: Pick<StreetSummaryView, 'street' | 'label'>, what: string) =>
  `${v.street} ${what} ${v.label}`;

/** The 异常 lines: each outlier, then each community that did not report (or not every week). */
export function anomalyRows(v: StreetSummaryView): Cell[][] {
  return [
    ...v.outliers.map((o) => [o.name, o.code, '超出阈值', o.message]),
    ...v.missing.map((m) => [
      m.name,
      m.code,
      '未报送',
      m.all ? '本期未报送' : `缺 ${m.weeks.length} 周：${m.weeks.join('、')}`,
    ]),
  ];
}

export function streetSheets(v: StreetSummaryView): StreetSheet[] {
  const [merged, compare, trend, anomalies] = SHEET_NAMES;
  return [
    {
      name: merged,
      title: summaryTitle(v, `${merged}（${v.reportedCommunities}/${v.expected} 个社区报送）`),
      columns: [
        { title: '栏目', width: 14 },
        { title: '项目', width: 30 },
        { title: '数值', width: 14 },
      ],
      rows: v.merged.map((m) => [m.section, m.label, m.value]),
    },
    {
      name: compare,
      title: summaryTitle(v, compare),
      columns: [
        { title: '社区', width: 16 },
        { title: '社区代码', width: 10 },
        { title: '报送', width: 10 },
        ...v.columns.map((c) => ({ title: c.title, width: Math.max(10, c.title.length * 2 + 2) })),
        { title: '异常', width: 30 },
      ],
      rows: v.rows.map((r) => [r.name, r.code, r.reported, ...r.cells, r.marks.join('；')]),
    },
    {
      name: trend,
      title: summaryTitle(v, trend),
      columns: [
        { title: '周', width: 30 },
        { title: '报送社区', width: 10 },
        ...v.trendColumns.map((c) => ({ title: c.title, width: Math.max(10, c.title.length * 2 + 2) })),
      ],
      rows: v.trend.map((w) => [w.label, w.reported, ...w.cells]),
    },
    {
      name: anomalies,
      title: summaryTitle(v, anomalies),
      columns: [
        { title: '社区', width: 16 },
        { title: '社区代码', width: 10 },
        { title: '类别', width: 12 },
        { title: '说明', width: 50 },
      ],
      rows: anomalyRows(v),
    },
  ];
}
