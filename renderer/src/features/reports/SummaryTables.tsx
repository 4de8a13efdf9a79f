/**
 * The summary's sections as tables (项目 · 本期 · 上期 · 增减): the same rows the 汇总 sheet, the
 * CSV and the printed summary carry (shared/reports/summaryRows.ts).
 */
import { Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { change, type SummarySection } from '@shared/reports/summaryRows';

export function SummaryTables({ sections }: { sections: readonly SummarySection[] }) {
  return (
    <Paper sx={{ p: 2, display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
      {sections
        .filter((s) => s.rows.length > 0)
        .map((s) => (
          <section key={s.title} style={{ breakInside: 'avoid' }}>
            <Typography variant="h6" component="h2" sx={{ mb: 0.5 }}>
              {s.title}
            </Typography>
            <Table size="small" aria-label={s.title}>
              <TableHead>
                <TableRow>
                  <TableCell>项目</TableCell>
                  <TableCell align="right">本期</TableCell>
                  <TableCell align="right">上期</TableCell>
                  <TableCell align="right">增减</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {s.rows.map((r) => (
                  <TableRow key={r.label}>
                    <TableCell component="th" scope="row">
                      {r.label}
                    </TableCell>
                    <TableCell align="right">{r.now}</TableCell>
                    <TableCell align="right">{r.before}</TableCell>
                    <TableCell align="right">{change(r)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>
        ))}
    </Paper>
  );
}
