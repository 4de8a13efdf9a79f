/** The 工作台's 今日值班: who is on the 值班岗, who is out on the 走访岗, and days ahead below the minimum. */
import { Alert, Link, Paper, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useDesk } from '../../app/desk';
import { can } from '@shared/domain/roles';
import { useStaff } from '../../app/session';
import { getRotaToday, listSwapRequests } from '../../db/repositories/rota';
import { shortDaysText } from './rotaTexts';
import { useLiveQuery } from '../../app/liveQuerier';

const names = (people: { name: string }[]) => (people.length ? people.map((p) => p.name).join('、') : '未排');

export function RotaTodayCard() {
  const desk = useDesk();
  const staff = useStaff();
  const decides = can(staff, 'rota.edit');
  const today = useLiveQuery(() => getRotaToday(desk), [desk]);
  const swaps = useLiveQuery(() => (decides ? listSwapRequests(desk) : []), [desk, decides]);
  if (!today) return null;
  const pending = (swaps ?? []).filter((s) => s.state === 'requested').length;
  return (
    <Paper component="section" aria-labelledby="rota-today" sx={{ p: 2 }}>
      <Stack spacing={1}>
        <Typography id="rota-today" variant="h6" component="h2">
          今日值班
        </Typography>
        <Typography>
          值班岗：<strong>{today.open || today.onDuty.length ? names(today.onDuty) : '今日不开放'}</strong>
        </Typography>
        <Typography>走访岗（外出走访）：{names(today.visiting)}</Typography>
        {today.short.length > 0 && (
          <Alert severity="warning" aria-label="值班岗不足">
            {shortDaysText(today.short, today.minOnDuty, today.planned)}。
            <Link component={RouterLink} to="/rota" underline="always">
              去排班
            </Link>
          </Alert>
        )}
        {pending > 0 && (
          <Alert severity="info" aria-label="待批准的换班">
            待批准的换班 {pending} 个。
            <Link component={RouterLink} to="/rota" underline="always">
              去批准
            </Link>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
