/**
 * 各社区对比: each community's row side by side (the columns of the view), with how many of the
 * period's weeks it reported; an outlier is marked by ▲ before its name and said in words in the
 * 异常 column (never by colour alone). A community that did not report at all shows 未报送.
 */
import { Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { StreetSummaryView } from '@shared/reports/streetSummary/view';

export function CompareTable({ view }: { view: StreetSummaryView }) {
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" id="street-compare-title" sx={{ mb: 1 }}>
        各社区对比
      </Typography>
      <TableContainer>
        <Table size="small" aria-labelledby="street-compare-title">
          <TableHead>
            <TableRow>
              <TableCell>社区</TableCell>
              <TableCell>报送</TableCell>
              {view.columns.map((c) => (
                <TableCell key={c.key} align="right">
                  {c.title}
                </TableCell>
              ))}
              <TableCell>异常</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {view.rows.map((r) => (
              <TableRow key={r.code}>
                <TableCell component="th" scope="row" sx={{ fontWeight: r.marks.length ? 700 : undefined }}>
                  {r.marks.length > 0 && <span aria-hidden="true">▲ </span>}
                  {r.name}
                </TableCell>
                <TableCell>{r.reported}</TableCell>
                {r.cells.map((c, i) => (
                  <TableCell key={view.columns[i]?.key ?? i} align="right">
                    {c}
                  </TableCell>
                ))}
                <TableCell>{r.marks.length ? r.marks.join('；') : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
