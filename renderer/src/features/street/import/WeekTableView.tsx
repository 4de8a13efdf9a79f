/** 周报接收's table: communities × the last 8 weeks, each cell the week's status (weekStatus.ts). */
import {
  Button,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { weekStatusText, type WeekStatusKind } from '@shared/domain/street/weekStatus';
import type { WeekTable } from '../../../db/repositories/street/packages';

const COLOR: Record<WeekStatusKind, string | undefined> = {
  已报送: undefined,
  有更正: 'info.dark',
  未报送: 'text.secondary',
  逾期: 'error.dark',
  未列入: 'text.secondary',
};

export function WeekTableView({ table, onPick }: { table: WeekTable; onPick: (code: string) => void }) {
  if (table.rows.length === 0)
    return <Typography>社区名单中还没有社区：导入周报时可以添加，也可以在「社区名单」中手工添加。</Typography>;
  return (
    <Paper>
      <TableContainer>
        <Table size="small" aria-label="近 8 周报送情况">
          <TableHead>
            <TableRow>
              <TableCell>社区</TableCell>
              {table.weeks.map((w) => (
                <TableCell key={w.from} title={`截止 ${w.deadline.replace('T', ' ')}`}>
                  {w.from.slice(5)}–{w.to.slice(5)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {table.rows.map(({ community, cells }) => (
              <TableRow key={community.code}>
                <TableCell>
                  <Button onClick={() => onPick(community.code)} aria-label={`报送记录：${community.name}`}>
                    {community.name}
                  </Button>
                </TableCell>
                {cells.map((cell, i) => (
                  <TableCell key={table.weeks[i]!.from} sx={{ color: COLOR[cell.kind], whiteSpace: 'normal' }}>
                    {weekStatusText(cell)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
