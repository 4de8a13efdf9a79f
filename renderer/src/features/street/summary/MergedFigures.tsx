/** 全街道合计: every merged figure of the period, a small table per section (the 合计 sheet's rows). */
import { Paper, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { MergedLine } from '@shared/reports/streetSummary/view';

export function MergedFigures({ lines }: { lines: readonly MergedLine[] }) {
  const sections = [...new Set(lines.map((l) => l.section))];
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        全街道合计
      </Typography>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 16 }}>
        {sections.map((s) => (
          <section key={s} style={{ breakInside: 'avoid' }}>
            <Typography component="h3" sx={{ fontWeight: 700, mb: 0.5 }}>
              {s}
            </Typography>
            <Table size="small" aria-label={`合计 ${s}`}>
              <TableBody>
                {lines
                  .filter((l) => l.section === s)
                  .map((l) => (
                    <TableRow key={l.label}>
                      <TableCell component="th" scope="row">
                        {l.label}
                      </TableCell>
                      <TableCell align="right">{l.value}</TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          </section>
        ))}
      </div>
    </Paper>
  );
}
