/**
 * 超期未走访 (issue 26 item 2): one 网格's 重点服务对象 not visited for more than N days, a page
 * of 50 at a time (db/repositories/unvisitedCare.ts), longest unvisited first (从未走访, then the
 * oldest last visit) — 网格 chosen first (the person's own zone by default), 上一页 / 下一页 under
 * the table. Names and rooms masked.
 */
import { useState } from 'react';
import { Stack, Table, TableBody, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { maskAddress } from '@shared/domain/homeVisits';
import { maskName } from '@shared/domain/masking';
import { residentAddress } from '@shared/domain/resident';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';
import { useLiveQuery } from '../../app/liveQuerier';
import { PagePager, useCursorPages } from '../../components/ListPager';
import { unvisitedCarePage } from '../../db/repositories/unvisitedCare';
import { Head } from './VisitLogTables';

/** The zone '' is the residents without a 网格. */
const NO_GRID = '';

export function UnvisitedList() {
  const desk = useDesk();
  const staff = useStaff();
  const grids = desk.community.grids;
  const own = staff.grids.find((g) => grids.some((x) => x.id === g));
  const [gridId, setGridId] = useState(own ?? grids[0]?.id ?? NO_GRID);
  const pages = useCursorPages<string>();
  const { cursor } = pages;
  const page = useLiveQuery(
    () => unvisitedCarePage(desk, gridId, cursor === undefined ? {} : { after: cursor }),
    [desk, gridId, cursor],
  );
  const gridName = grids.find((g) => g.id === gridId)?.name ?? '未分网格';
  return (
    <Stack spacing={1.5}>
      <TextField
        select
        label="网格"
        size="small"
        value={gridId}
        sx={{ width: 220 }}
        onChange={(e) => {
          setGridId(e.target.value);
          pages.reset();
        }}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      >
        {grids.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
        <option value={NO_GRID}>未分网格</option>
      </TextField>
      {page && page.rows.length === 0 && pages.index === 0 ? (
        <Typography>{gridName}没有超期未走访的重点服务对象。</Typography>
      ) : (
        page && (
          <Table size="small" aria-label={`${gridName}超期未走访的重点服务对象`}>
            <Head cells={['姓名', '住址', '上次走访', '间隔天数']} />
            <TableBody>
              {page.rows.map((r) => (
                <TableRow key={r.residentId}>
                  <TableCell>{maskName(r.resident.name)}</TableCell>
                  <TableCell>{maskAddress(residentAddress(r.resident))}</TableCell>
                  <TableCell>{r.lastDay ?? '从未走访'}</TableCell>
                  <TableCell>{r.daysSince ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )
      )}
      <PagePager label="超期未走访名单" page={page} pages={pages} total={null} />
    </Stack>
  );
}
