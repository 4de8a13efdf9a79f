/** One community's 报送记录: every package file imported, who imported it when, which one counts. */
import { useLiveQuery } from '../../../app/liveQuerier';
import { Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useDesk } from '../../../app/desk';
import { useStaffNames } from '../../../app/useStaffNames';
import { communityHistory } from '../../../db/repositories/street/packages';
import { getStreetCommunity } from '../../../db/repositories/street/communities';

const time = (local: string) => local.replace('T', ' ');

export function CommunityHistory({ code, onClose }: { code: string; onClose: () => void }) {
  const desk = useDesk();
  const names = useStaffNames();
  const history = useLiveQuery(() => communityHistory(desk, code), [desk, code]);
  const community = useLiveQuery(() => getStreetCommunity(desk, code), [desk, code]);
  const title = `报送记录：${community?.name ?? code}`;
  return (
    <Paper sx={{ p: 2 }} component="section" aria-label={title}>
      <Stack spacing={1}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography variant="h5" component="h2">
            {title}
          </Typography>
          <Button onClick={onClose}>关闭报送记录</Button>
        </Stack>
        {history?.length === 0 && <Typography>该社区还没有导入过周报。</Typography>}
        {history && history.length > 0 && (
          <Table size="small" aria-label={title}>
            <TableHead>
              <TableRow>
                <TableCell>周期</TableCell>
                <TableCell>生成时间</TableCell>
                <TableCell>第几次报送</TableCell>
                <TableCell>文件</TableCell>
                <TableCell>导入人</TableCell>
                <TableCell>导入时间</TableCell>
                <TableCell>采用情况</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {history.map((h) => (
                <TableRow key={h.id}>
                  <TableCell>{h.periodLabel}</TableCell>
                  <TableCell>{time(h.generatedAt)}</TableCell>
                  <TableCell>{h.correctionN}</TableCell>
                  <TableCell sx={{ wordBreak: 'break-all' }}>{h.fileName}</TableCell>
                  <TableCell>{names.get(h.importedBy) ?? '—'}</TableCell>
                  <TableCell>{time(h.importedAt)}</TableCell>
                  <TableCell>{h.state}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
