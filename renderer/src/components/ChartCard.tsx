/**
 * A chart as the reports draw it (统计报表, the street's 汇总): a figure with its title, an optional
 * caption, and its figures as a table for screen readers (the drawing itself is hidden from them).
 * The chart styles every report shares: two greys that print the same in black and white, each
 * bar's value written beside it, 14 px axis labels.
 */
import type { ReactNode } from 'react';
import { Box, Paper, Stack, Typography } from '@mui/material';
import { visuallyHidden } from '@mui/utils';

export const CHART_DARK = '#37474f';
export const CHART_LIGHT = '#b0bec5';
/** Each bar's value written outside it. */
export const LABELLED = { barLabel: 'value', barLabelPlacement: 'outside' } as const;
export const LABEL_SX = { '& .MuiBarChart-label': { fontSize: 14, fill: '#000' } };

export type ChartData = { head: string[]; rows: (string | number)[][] };

const axisLabels = { tickLabelStyle: { fontSize: 14 } };
export const bandAxis = (data: readonly string[]) => ({
  scaleType: 'band' as const,
  data: [...data],
  height: 36,
  ...axisLabels,
});
/** The value axis, with room above the longest bar for its label. */
export const valueAxis = (values: readonly number[]) => ({
  ...axisLabels,
  max: Math.max(4, Math.ceil(Math.max(0, ...values) * 1.2)),
});
export const CHART_AXIS_LABELS = axisLabels;

export function ChartCard({
  title,
  caption,
  data,
  children,
}: {
  title: string;
  caption?: string;
  data: ChartData;
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
