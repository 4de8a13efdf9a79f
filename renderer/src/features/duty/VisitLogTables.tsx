/** 走访记录's tables: the month's figures and the latest entries (masked); the unvisited list is UnvisitedList.tsx. */
import { Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { maskAddress, shareText } from '@shared/domain/homeVisits';
import { maskName } from '@shared/domain/masking';
import { useDesk } from '../../app/desk';
import type { HomeVisitMonth, HomeVisitRow } from '../../db/repositories/homeVisits';

export function Head({ cells }: { cells: string[] }) {
  return (
    <TableHead>
      <TableRow>
        {cells.map((c) => (
          <TableCell key={c}>{c}</TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}

export function VisitLogMonthTables({ figures }: { figures: HomeVisitMonth }) {
  const { community } = useDesk();
  const gridNames = (ids: string[]) =>
    ids.map((id) => community.grids.find((g) => g.id === id)?.name ?? '').join('、') || '未分配';
  return (
    <>
      <section aria-labelledby="days-title">
        <Typography variant="h6" component="h2" id="days-title">
          {figures.month} 在片区走访天数（每人每月不少于 {figures.people[0]?.target ?? 10} 天）
        </Typography>
        <Table size="small" aria-labelledby="days-title">
          <Head cells={['工作人员', '负责网格', '在片区天数', '片区外天数', '情况']} />
          <TableBody>
            {figures.people.map((p) => (
              <TableRow key={p.staffId}>
                <TableCell>{p.name}</TableCell>
                <TableCell>{gridNames(p.grids)}</TableCell>
                <TableCell>{p.days}</TableCell>
                <TableCell>{p.elsewhere}</TableCell>
                <TableCell>{p.met ? '达标' : `差 ${p.target - p.days} 天`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <section aria-labelledby="zones-title">
        <Typography variant="h6" component="h2" id="zones-title">
          网格入户走访
        </Typography>
        <Table size="small" aria-labelledby="zones-title">
          <Head cells={['网格', '网格户数', '本月走访户数', '本月覆盖率', '本季度走访户数', '本季度覆盖率']} />
          <TableBody>
            {figures.zones.map((z) => (
              <TableRow key={z.gridId}>
                <TableCell>{z.name}</TableCell>
                <TableCell>{z.households ?? '未设置'}</TableCell>
                <TableCell>{z.month}</TableCell>
                <TableCell>{shareText(z.month, z.households)}</TableCell>
                <TableCell>{z.quarter}</TableCell>
                <TableCell>{shareText(z.quarter, z.households)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </>
  );
}

const LINK_TEXT = { 问题: '已登记问题', 来访: '已登记来访', 帮代办: '已登记帮代办' } as const;

export function VisitLogEntries({
  rows,
  onCorrect,
}: {
  rows: HomeVisitRow[];
  /** 更正 a current entry (absent: no button, e.g. the 审计员). */
  onCorrect?: (row: HomeVisitRow) => void;
}) {
  const { community } = useDesk();
  if (rows.length === 0) return <Typography>还没有走访记录。</Typography>;
  return (
    <Table size="small" aria-labelledby="entries-title">
      <Head cells={['日期', '走访人', '网格', '走访对象', '目的', '走访情况', '后续', '操作']} />
      <TableBody>
        {rows.map(({ entry, staffName, resident, corrected }) => (
          <TableRow key={entry.id} sx={corrected ? { color: 'text.secondary' } : undefined}>
            <TableCell>{entry.day}</TableCell>
            <TableCell>{staffName}</TableCell>
            <TableCell>{community.grids.find((g) => g.id === entry.gridId)?.name ?? ''}</TableCell>
            <TableCell>{resident ? maskName(resident.name) : maskAddress(entry.address ?? '')}</TableCell>
            <TableCell>{entry.purpose}</TableCell>
            <TableCell>{entry.found}</TableCell>
            <TableCell>
              {[
                entry.followUp,
                entry.link ? LINK_TEXT[entry.link.kind] : '',
                entry.corrects ? '（更正记录）' : '',
                corrected ? '（已更正）' : '',
              ]
                .filter(Boolean)
                .join(' ')}
            </TableCell>
            <TableCell>
              {onCorrect && !corrected && (
                <Button
                  size="small"
                  aria-label={`更正 ${entry.day} ${entry.purpose} 的走访记录`}
                  onClick={() => onCorrect({ entry, staffName, ...(resident ? { resident } : {}), corrected })}
                >
                  更正
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
