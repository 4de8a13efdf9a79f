import { Paper, Table, TableBody, TableCell, TableRow } from '@mui/material';

/** A labelled two-column table of facts (label → value), e.g. a case's or a community's details. */
export function KeyValueTable({ label, rows }: { label: string; rows: [string, string][] }) {
  return (
    <Paper>
      <Table aria-label={label} size="small">
        <TableBody>
          {rows.map(([k, v]) => (
            <TableRow key={k}>
              <TableCell component="th" scope="row" sx={{ width: 180, fontWeight: 'bold' }}>
                {k}
              </TableCell>
              <TableCell>{v}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
