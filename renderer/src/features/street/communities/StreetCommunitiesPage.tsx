/**
 * 社区名单 of a street office (issue 27): each community with its code, the office's contact and
 * phone, and last week's 周报 status (未报送 / 逾期 / 已报送 …, from 周报接收). 街道管理员 adds
 * (checked at the field, code unique), edits, 停用s; a community is deleted only while none of its
 * packages was imported.
 */
import { useState } from 'react';
import { useLiveQuery } from '../../../app/liveQuerier';
import {
  Alert,
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { StreetCommunity } from '@shared/domain/records';
import { can } from '@shared/domain/roles';
import { weekStatusText } from '@shared/domain/street/weekStatus';
import { useDesk } from '../../../app/desk';
import { useStaff } from '../../../app/session';
import { useGuardedAction } from '../../../app/useGuardedAction';
import { deleteStreetCommunity, setStreetCommunityActive } from '../../../db/repositories/street/communities';
import { weekTable } from '../../../db/repositories/street/packages';
import { CommunityDialog } from './CommunityDialog';

export function StreetCommunitiesPage() {
  const desk = useDesk();
  const staff = useStaff();
  const canEdit = can(staff, 'street.manage');
  // Last week's column of 周报接收's table, every community of the list (停用 ones too).
  const table = useLiveQuery(() => weekTable(desk, 1, { all: true }), [desk]);
  const [dialog, setDialog] = useState<{ target: StreetCommunity | null } | null>(null);
  const { run, error } = useGuardedAction();
  const week = table?.weeks[0];
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        社区名单
      </Typography>
      <Paper sx={{ p: 2 }}>
        <Stack spacing={2}>
          {canEdit && (
            <Button variant="contained" sx={{ alignSelf: 'flex-start' }} onClick={() => setDialog({ target: null })}>
              添加社区
            </Button>
          )}
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          {table && table.rows.length === 0 && (
            <Typography>名单中还没有社区。可以手工添加，或导入社区周报时添加。</Typography>
          )}
          {table && table.rows.length > 0 && (
            <Table aria-label="社区名单">
              <TableHead>
                <TableRow>
                  <TableCell>社区</TableCell>
                  <TableCell>代码</TableCell>
                  <TableCell>联系人</TableCell>
                  <TableCell>办公电话</TableCell>
                  <TableCell>{week ? `上周周报（${week.from.slice(5)}–${week.to.slice(5)}）` : '上周周报'}</TableCell>
                  <TableCell>状态</TableCell>
                  {canEdit && <TableCell>操作</TableCell>}
                </TableRow>
              </TableHead>
              <TableBody>
                {table.rows.map(({ community: c, cells }) => (
                  <TableRow key={c.code}>
                    <TableCell>{c.name}</TableCell>
                    <TableCell>{c.code}</TableCell>
                    <TableCell>{c.contact || '待补充'}</TableCell>
                    <TableCell>{c.phone || '待补充'}</TableCell>
                    <TableCell>{cells[0] ? weekStatusText(cells[0]) : '—'}</TableCell>
                    <TableCell>{c.active ? '在用' : <Chip label="已停用" />}</TableCell>
                    {canEdit && (
                      <TableCell>
                        <Stack direction="row" spacing={1}>
                          <Button onClick={() => setDialog({ target: c })} aria-label={`修改：${c.name}`}>
                            修改
                          </Button>
                          <Button
                            onClick={() => void run(() => setStreetCommunityActive(desk, c.code, !c.active))}
                            aria-label={`${c.active ? '停用' : '启用'}：${c.name}`}
                          >
                            {c.active ? '停用' : '启用'}
                          </Button>
                          <Button
                            color="error"
                            onClick={() => void run(() => deleteStreetCommunity(desk, c.code))}
                            aria-label={`删除：${c.name}`}
                          >
                            删除
                          </Button>
                        </Stack>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Stack>
      </Paper>
      {dialog && <CommunityDialog target={dialog.target} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
