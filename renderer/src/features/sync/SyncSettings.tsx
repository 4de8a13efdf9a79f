/**
 * 设置 → 多窗口同步 (issue 24 items 3, 5): alone, an admin joins the center here (JoinForm);
 * joined, everyone sees the hub, since when, the status and what waits (pending, 同步冲突, 数据冲突,
 * documents the hub refused), and an admin can 退出中心 (with a confirmation: replication stops,
 * the data stays on this PC). A 值班员 sees the status only.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { can } from '@shared/domain/roles';
import { joinedCenterSince } from '../../db/repositories/centerMembership';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';
import { useGuardedAction } from '../../app/useGuardedAction';
import { HubAccountForm } from './HubAccountForm';
import { JoinForm, NO_SYNC_IN_BUILD } from './JoinForm';
import { clockTime, syncBadge } from './statusText';
import { TABLE_LABELS } from './conflictFields';
import { useSyncApi, type SyncApi } from './syncApi';
import { useSyncStatus } from './useSyncStatus';

const dayTime = (ms: number) => `${new Date(ms).toLocaleDateString('zh-CN')} ${clockTime(ms)}`;

export function SyncSettings() {
  const desk = useDesk();
  const admin = can(useStaff(), 'sync.manage');
  const api = useSyncApi();
  const since = useLiveQuery(() => joinedCenterSince(desk), [desk]);
  // The join marks the desk joined before its first exchange ends: the form (with its progress)
  // stays until the join is done.
  const [joining, setJoining] = useState(false);
  return (
    <Paper sx={{ p: 3 }}>
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          多窗口同步
        </Typography>
        {api === 'absent' && <Alert severity="info">{NO_SYNC_IN_BUILD}</Alert>}
        {since === undefined ? null : since === null || joining ? (
          admin ? (
            <JoinForm api={api} onRunning={setJoining} />
          ) : (
            <Typography>本机尚未加入中心，数据只在本机。加入中心由站长/管理员在此设置。</Typography>
          )
        ) : (
          <Joined since={since} admin={admin} api={api} />
        )}
      </Stack>
    </Paper>
  );
}

function Joined({ since, admin, api }: { since: number; admin: boolean; api: SyncApi | null | 'absent' }) {
  const desk = useDesk();
  const status = useSyncStatus();
  const badge = syncBadge(status);
  const ready = typeof api === 'object' && api !== null ? api : null;
  const rejected = useLiveQuery(() => (ready ? ready.listRejected(desk) : Promise.resolve([])), [ready, desk]);
  const [confirming, setConfirming] = useState(false);
  const { run, error, busy } = useGuardedAction();
  async function leave() {
    if (!ready) return;
    if (await run(() => ready.leaveCenter(desk).then(() => ready.saveHubConfig(null)))) setConfirming(false);
  }
  return (
    <Stack spacing={2}>
      <Typography>本机自 {dayTime(since)} 起加入中心。</Typography>
      <section aria-label="同步状态">
        <Typography sx={{ fontWeight: 'bold' }}>状态：{badge?.label ?? '未运行'}</Typography>
        {badge?.detail.map((line) => (
          <Typography key={line}>{line}</Typography>
        ))}
        {status.hub?.plainHttp && (
          <Alert severity="warning" sx={{ mt: 1 }}>
            不加密连接（仅限局域网）：居民信息在网络上以明文传输。
          </Alert>
        )}
      </section>
      {rejected && rejected.length > 0 && (
        <Table size="small" aria-label="中心拒收的数据">
          <TableHead>
            <TableRow>
              <TableCell>时间</TableCell>
              <TableCell>数据</TableCell>
              <TableCell>原因</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rejected.map((r) => (
              <TableRow key={`${r.id}:${r.at}`}>
                <TableCell>{dayTime(r.at)}</TableCell>
                <TableCell>{TABLE_LABELS[r.table] ?? r.table}</TableCell>
                <TableCell>
                  {r.reason}（{r.status}）
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {admin && ready && <HubAccountForm api={ready} refused={status.phase === 'refused'} />}
      {admin && (
        <Button variant="outlined" color="error" onClick={() => setConfirming(true)} sx={{ alignSelf: 'flex-start' }}>
          退出中心
        </Button>
      )}
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="leave-center-title">
        <DialogTitle id="leave-center-title">退出中心？</DialogTitle>
        <DialogContent>
          <DialogContentText>
            退出后本机不再与其他窗口同步：本机的数据都保留，之后在本机的登记和办理不会传到其他窗口，其他窗口的也不会传来。
          </DialogContentText>
          {error && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>取消</Button>
          <Button color="error" variant="contained" disabled={busy || !ready} onClick={() => void leave()}>
            确认退出
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
