/**
 * 工作台: the clerk's to-do for today (待我签收, 今日到期, 已超期, 待回访, 整改 due today or
 * overdue — each leads to its queue), who is on duty, today's opening hours, and the day's
 * counts (live: they change as records are saved, here or arriving from another desk); for admins
 * of a joined desk, the 同步冲突 and 数据冲突 waiting.
 */
import { Card, CardActionArea, CardContent, Grid, Paper, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import type { QueueName } from '@shared/domain/caseQueues';
import { useLiveQuery } from '../../app/liveQuerier';
import { BackupNotice } from '../backup/BackupNotice';
import { hoursForDay } from '@shared/domain/community';
import { dashboardCounts, type DashboardCounts } from '../../db/repositories/dashboard';
import { longChineseDate } from '../../app/clock';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';
import { SyncConflictCounts } from '../sync/SyncConflictCounts';
import { RotaTodayCard } from '../duty/RotaTodayCard';
import { HandoverDashboardCard } from '../duty/handoverDashboardCard';

/** The clerk's to-do: each card leads to the queue where the work is. */
const TODO: { key: keyof DashboardCounts; label: string; queue: QueueName; urgent?: boolean }[] = [
  { key: 'toSignFor', label: '待我签收', queue: '待签收', urgent: true },
  { key: 'dueToday', label: '今日到期', queue: '今日到期', urgent: true },
  { key: 'overdueCases', label: '已超期', queue: '已超期', urgent: true },
  { key: 'callbacks', label: '待回访', queue: '待回访' },
  { key: 'rectificationDueToday', label: '整改今日到期', queue: '整改', urgent: true },
  { key: 'rectificationOverdue', label: '整改已超期', queue: '整改', urgent: true },
];

const COUNT_LABELS: { key: keyof DashboardCounts; label: string }[] = [
  { key: 'visitsToday', label: '今日来访' },
  { key: 'openCases', label: '在办办件' },
  { key: 'dueSoon', label: '即将超期' },
  { key: 'residents', label: '登记居民' },
  { key: 'activeMatters', label: '可办事项' },
  { key: 'staff', label: '工作人员' },
  { key: 'documentsOut', label: '居民材料在外' },
  { key: 'documentsOutLong', label: '材料在外超期' },
  { key: 'homeVisitsToday', label: '今日上门' },
  { key: 'proxyToDeliver', label: '代办待送达' },
];

export function DashboardPage() {
  const desk = useDesk();
  const { community } = desk;
  const staff = useStaff();
  const t = desk.clock.now();
  const today = desk.clock.today();
  const counts = useLiveQuery(() => dashboardCounts(desk), [desk]);
  const hours = hoursForDay(today, community.openingHours);
  return (
    <Stack spacing={3}>
      <Paper sx={{ p: 3 }}>
        <Typography variant="h4" component="h1">
          工作台
        </Typography>
        <Typography variant="h5" component="p" sx={{ mt: 1 }} aria-label="今天">
          {longChineseDate(t)}
        </Typography>
        <Typography sx={{ mt: 1 }}>
          {community.name}（{community.communityClass}） · 值班人员：<strong>{staff.name}</strong>
        </Typography>
        <Typography sx={{ mt: 1 }} aria-label="今日开放时间">
          今日开放时间（{hours.label}）：{hours.start}–{hours.end}
        </Typography>
        <BackupNotice />
      </Paper>
      <RotaTodayCard />
      <HandoverDashboardCard />
      <Grid container spacing={2} component="section" aria-label="今日待办">
        {TODO.map(({ key, label, queue, urgent }) => {
          const n = counts?.[key];
          return (
            <Grid key={key} size={{ xs: 6, md: 4, lg: 2 }}>
              <Card variant={urgent && n ? 'elevation' : 'outlined'}>
                <CardActionArea component={RouterLink} to={`/cases?queue=${encodeURIComponent(queue)}`}>
                  <CardContent>
                    <Typography color={urgent && n ? 'error' : 'text.secondary'}>{label}</Typography>
                    <Typography variant="h3" component="p" aria-label={label}>
                      {n ?? '…'}
                    </Typography>
                  </CardContent>
                </CardActionArea>
              </Card>
            </Grid>
          );
        })}
      </Grid>
      <SyncConflictCounts />
      <Grid container spacing={2} component="section" aria-label="今日概况">
        {COUNT_LABELS.map(({ key, label }) => (
          <Grid key={key} size={{ xs: 6, md: 4, lg: 2 }}>
            <Card>
              <CardContent>
                <Typography color="text.secondary">{label}</Typography>
                <Typography variant="h3" component="p" aria-label={label}>
                  {counts ? counts[key] : '…'}
                </Typography>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
    </Stack>
  );
}
