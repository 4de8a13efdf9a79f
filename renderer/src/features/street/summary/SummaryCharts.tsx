/**
 * The 汇总's charts, drawn as on 统计报表 (components/ChartCard: two greys, each bar's value
 * written on it, the figures as a table for screen readers): the last 8 weeks of the merged
 * 来访 and 受理 (with how many communities reported each week), and each community's 按时办结率
 * against the street's threshold (named in the caption; an outlier is marked in its name too).
 */
import { Stack } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { ChartsLocalizationProvider } from '@mui/x-charts/ChartsLocalizationProvider';
import type { StreetSummaryView } from '@shared/reports/streetSummary/view';
import {
  CHART_AXIS_LABELS,
  CHART_DARK,
  CHART_LIGHT,
  ChartCard,
  LABELLED,
  LABEL_SX,
  bandAxis,
  valueAxis,
} from '../../../components/ChartCard';

const column = (columns: StreetSummaryView['columns'], key: string) => columns.findIndex((c) => c.key === key);
const numberAt = (values: readonly (number | null)[], i: number) => (i >= 0 ? (values[i] ?? 0) : 0);

export function SummaryCharts({ view, threshold }: { view: StreetSummaryView; threshold: number }) {
  const v = column(view.trendColumns, 'visits');
  const a = column(view.trendColumns, 'accepted');
  const weeks = view.trend;
  const visits = weeks.map((w) => numberAt(w.values, v));
  const accepted = weeks.map((w) => numberAt(w.values, a));
  const t = column(view.columns, 'onTime');
  const rated = view.rows.filter((r) => t >= 0 && r.values[t] !== null && r.values[t] !== undefined);
  const onTime = rated.map((r) => Math.round(numberAt(r.values, t) * 1000) / 10);
  return (
    <ChartsLocalizationProvider localeText={{ loading: '加载中…', noData: '本期无数据' }}>
      <Stack sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
        <ChartCard
          title="近八周全街道来访与受理"
          caption="每周（周一至周日），已报送社区合计"
          data={{
            head: ['周', '报送社区', '来访', '受理'],
            rows: weeks.map((w, i) => [`${w.from} 至 ${w.to}`, w.reported, visits[i]!, accepted[i]!]),
          }}
        >
          <BarChart
            height={260}
            xAxis={[bandAxis(weeks.map((w) => w.from.slice(5)))]}
            yAxis={[{ ...valueAxis(visits), width: 48 }]}
            series={[
              { data: visits, label: '来访', color: CHART_DARK, ...LABELLED },
              { data: accepted, label: '受理', color: CHART_LIGHT, ...LABELLED },
            ]}
            sx={LABEL_SX}
          />
        </ChartCard>
        <ChartCard
          title="各社区按时办结率"
          caption={`街道阈值 ${threshold}%（低于阈值者标 ▲）`}
          data={{
            head: ['社区', '按时办结率（%）'],
            rows: rated.map((r, i) => [`${r.marks.length ? '▲ ' : ''}${r.name}`, onTime[i]!]),
          }}
        >
          <BarChart
            height={Math.max(220, 28 * rated.length + 60)}
            layout="horizontal"
            yAxis={[
              {
                scaleType: 'band',
                data: rated.map((r) => `${r.marks.length ? '▲ ' : ''}${r.name}`),
                width: 130,
                ...CHART_AXIS_LABELS,
              },
            ]}
            xAxis={[{ ...CHART_AXIS_LABELS, min: 0, max: 110 }]}
            series={[{ data: onTime, label: '按时办结率（%）', color: CHART_DARK, ...LABELLED }]}
            hideLegend
            sx={LABEL_SX}
          />
        </ChartCard>
      </Stack>
    </ChartsLocalizationProvider>
  );
}
