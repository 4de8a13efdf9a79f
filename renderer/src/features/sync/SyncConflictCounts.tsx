/**
 * 工作台, for admins of a joined desk: 同步冲突 and 数据冲突 waiting (live from the sync status the
 * engine keeps), each leading to its page in 设置, until resolved. Nothing while alone.
 */
import { Card, CardActionArea, CardContent, Grid, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { can } from '@shared/domain/roles';
import { useStaff } from '../../app/session';
import { useSyncStatus } from './useSyncStatus';

export function SyncConflictCounts() {
  const status = useSyncStatus();
  const admin = can(useStaff(), 'sync.manage');
  if (!admin || status.phase === 'off') return null;
  const cards = [
    { label: '同步冲突', n: status.caseConflicts },
    { label: '数据冲突', n: status.recordConflicts },
  ];
  return (
    <Grid container spacing={2} component="section" aria-label="多窗口同步待处理">
      {cards.map(({ label, n }) => (
        <Grid key={label} size={{ xs: 6, md: 4, lg: 2 }}>
          <Card variant={n ? 'elevation' : 'outlined'}>
            <CardActionArea component={RouterLink} to={`/settings?tab=${encodeURIComponent(label)}`}>
              <CardContent>
                <Typography color={n ? 'error' : 'text.secondary'}>{label}</Typography>
                <Typography variant="h3" component="p" aria-label={label}>
                  {n}
                </Typography>
              </CardContent>
            </CardActionArea>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
}
