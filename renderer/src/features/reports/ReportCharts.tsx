/**
 * The report's charts (MUI X Charts): the weekly trend of visits and accepted cases, the
 * category distribution, on-time completion and satisfaction. Every bar carries its value as
 * text and the two series are a dark and a light grey, so a black-and-white print reads the
 * same as the screen.
 */
import type { ReactNode } from 'react';
import { Box, Paper, Stack, Typography } from '@mui/material';
import { visuallyHidden } from '@mui/utils';
import { BarChart } from '@mui/x-charts/BarChart';
import { ChartsLocalizationProvider } from '@mui/x-charts/ChartsLocalizationProvider';
import { RATINGS } from '@shared/domain/records';
import { percent } from '@shared/reports/summaryRows';
import type { PeriodSummary } from '@shared/reports/summary';

export type WeekCount = { from: string; to: string; visits: number; cases: number };

const DARK = '#37474f';
const LIGHT = '#b0bec5';
const LABELLED = { barLabel: 'value', barLabelPlacement: 'outside' } as const;
const LABEL_SX = { '& .MuiBarChart-label': { fontSize: 14, fill: '#000' } };

type Data = { head: string[]; rows: (string | number)[][] };

/** A chart with its figures as a table for screen readers (the drawing itself is hidden from them). */
function ChartCard({
  title,
  caption,
  data,
  children,
}: {
  title: string;
  caption?: string;
  data: Data;
  children: ReactNode;
}) {
  return (
    <Paper component="figure" aria-label={title} sx={{ p: 2, m: 0, breakInside: 'avoid' }}>
      <Box component="table" sx={visuallyHidden} aria-label={`${title}数据`}>
        <thead>
          <tr>
            {data.head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={String(r[0])}>
              {r.map((v, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {v}
                  </th>
                ) : (
                  <td key={i}>{v}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </Box>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {caption && <Typography component="figcaption">{caption}</Typography>}
      </Stack>
      {children}
    </Paper>
  );
}

const axisLabels = { tickLabelStyle: { fontSize: 14 } };
const bandAxis = (data: readonly string[]) => ({
  scaleType: 'band' as const,
  data: [...data],
  height: 36,
  ...axisLabels,
});
/** The value axis, with room above the longest bar for its label. */
const valueAxis = (values: readonly number[]) => ({
  ...axisLabels,
  max: Math.max(4, Math.ceil(Math.max(0, ...values) * 1.2)),
});

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
