/**
 * The report's charts (MUI X Charts): the weekly trend of visits and accepted cases, the
 * category distribution, on-time completion and satisfaction. Every bar carries its value as
 * text and the two series are a dark and a light grey, so a black-and-white print reads the
 * same as the screen.
 */
import { Stack } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { ChartsLocalizationProvider } from '@mui/x-charts/ChartsLocalizationProvider';
import { RATINGS } from '@shared/domain/records';
import { percent } from '@shared/reports/summaryRows';
import type { PeriodSummary } from '@shared/reports/summary';
import {
  CHART_AXIS_LABELS as axisLabels,
  CHART_DARK as DARK,
  CHART_LIGHT as LIGHT,
  ChartCard,
  LABELLED,
  LABEL_SX,
  bandAxis,
  valueAxis,
} from '../../components/ChartCard';

export type WeekCount = { from: string; to: string; visits: number; cases: number };

export function ReportCharts({ trend, summary }: { trend: readonly WeekCount[]; summary: PeriodSummary }) {
  const categories = Object.entries(summary.accepted.byCategory).sort((a, b) => b[1] - a[1]);
  const shown = categories.slice(0, 8);
  const rest = categories.slice(8).reduce((n, [, v]) => n + v, 0);
  if (rest > 0) shown.push(['其他类别', rest]);
  const completion: [string, number][] = [
    ['按时办结', summary.completed.onTime],
    ['逾期办结', summary.completed.late],
    ['其中补正顺延', summary.completed.withDeadlineMoved],
  ];
  return (
    <ChartsLocalizationProvider localeText={{ loading: '加载中…', noData: '本期无数据' }}>
      <Stack direction="row" sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
        <ChartCard
          title="近八周来访与受理"
          caption="每周（周一至周日）"
          data={{ head: ['周', '来访', '受理'], rows: trend.map((w) => [`${w.from} 至 ${w.to}`, w.visits, w.cases]) }}
        >
          <BarChart
            height={260}
            xAxis={[bandAxis(trend.map((w) => w.from.slice(5)))]}
            yAxis={[{ ...valueAxis(trend.map((w) => w.visits)), width: 40 }]}
            series={[
              { data: trend.map((w) => w.visits), label: '来访', color: DARK, ...LABELLED },
              { data: trend.map((w) => w.cases), label: '受理', color: LIGHT, ...LABELLED },
            ]}
            sx={LABEL_SX}
          />
        </ChartCard>
        <ChartCard
          title="办件类别分布"
          caption={`本期受理 ${summary.accepted.total} 件`}
          data={{ head: ['类别', '受理件数'], rows: shown }}
        >
          <BarChart
            height={260}
            layout="horizontal"
            yAxis={[{ scaleType: 'band', data: shown.map(([k]) => k), width: 130, ...axisLabels }]}
            xAxis={[valueAxis(shown.map(([, v]) => v))]}
            series={[{ data: shown.map(([, v]) => v), label: '受理件数', color: DARK, ...LABELLED }]}
            hideLegend
            sx={LABEL_SX}
          />
        </ChartCard>
        <ChartCard
          title="按时办结"
          caption={`按时办结率 ${percent(summary.completed.onTimeRate)}`}
          data={{ head: ['', '件数'], rows: completion }}
        >
          <BarChart
            height={220}
            xAxis={[bandAxis(completion.map(([k]) => k))]}
            yAxis={[{ ...valueAxis(completion.map(([, v]) => v)), width: 40 }]}
            series={[
              {
                data: completion.map(([, v]) => v),
                label: '件数',
                color: DARK,
                ...LABELLED,
              },
            ]}
            hideLegend
            sx={LABEL_SX}
          />
        </ChartCard>
        <ChartCard
          title="满意度评价"
          caption={`本期评价 ${summary.ratings.total} 次`}
          data={{ head: ['评价', '次数'], rows: RATINGS.map((r) => [r, summary.ratings.byLevel[r]]) }}
        >
          <BarChart
            height={220}
            xAxis={[bandAxis(RATINGS)]}
            yAxis={[{ ...valueAxis(RATINGS.map((r) => summary.ratings.byLevel[r])), width: 40 }]}
            series={[{ data: RATINGS.map((r) => summary.ratings.byLevel[r]), label: '次数', color: DARK, ...LABELLED }]}
            hideLegend
            sx={LABEL_SX}
          />
        </ChartCard>
      </Stack>
    </ChartsLocalizationProvider>
  );
}
