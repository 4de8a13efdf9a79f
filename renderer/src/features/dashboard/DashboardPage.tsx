/**
 * 工作台: today's date, who is on duty, today's opening hours, and real counts from the
 * database (live: they change as records are saved).
 */
import { Card, CardContent, Grid, Paper, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { hoursForDay } from '@shared/domain/community';
import { dashboardCounts, type DashboardCounts } from '../../db/repositories/dashboard';
import { longChineseDate } from '../../app/clock';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';

const COUNT_LABELS: { key: keyof DashboardCounts; label: string }[] = [
  { key: 'visitsToday', label: '今日来访' },
  { key: 'openCases', label: '在办办件' },
  { key: 'dueToday', label: '今日到期' },
  { key: 'dueSoon', label: '即将超期（含今日）' },
  { key: 'overdueCases', label: '已超期' },
  { key: 'residents', label: '登记居民' },
  { key: 'activeMatters', label: '可办事项' },
  { key: 'staff', label: '工作人员' },
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
      </Paper>
      <Grid container spacing={2} component="section" aria-label="今日概况">
        {COUNT_LABELS.map(({ key, label }) => (
          <Grid key={key} size={{ xs: 6, md: 3 }}>
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
