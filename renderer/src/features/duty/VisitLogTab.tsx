/**
 * 走访记录 (issue 26 item 2): the 走访岗's home-visit log — 登记走访, the month's figures (days in
 * the zone per person against the 10-day target, households visited per zone this month and
 * quarter), the 重点服务对象 not visited for more than N days by zone, and the latest entries.
 * Personal data masked: names by maskName, addresses with the room masked.
 */
import { useState } from 'react';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { can } from '@shared/domain/roles';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';
import { homeVisitMonth, recentHomeVisits, unvisitedCareList, unvisitedDaysOf } from '../../db/repositories/homeVisits';
import { VisitLogDialog } from './VisitLogDialog';
import { VisitLogSettings } from './VisitLogSettings';
import { VisitLogEntries, VisitLogMonthTables, VisitLogUnvisited } from './VisitLogTables';
import { useLiveRead } from '../../app/liveQuerier';

export function VisitLogTab() {
  const desk = useDesk();
  const staff = useStaff();
  const [month, setMonth] = useState(desk.clock.today().slice(0, 7));
  const [dialog, setDialog] = useState<'log' | 'settings' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const figures = useLiveRead(
    () => (/^\d{4}-\d{2}$/.test(month) ? homeVisitMonth(desk, month) : undefined),
    [desk, month],
  );
  const unvisited = useLiveRead(() => unvisitedCareList(desk), [desk]);
  const entries = useLiveRead(() => recentHomeVisits(desk), [desk]);
  return (
    <Stack spacing={3}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="contained" onClick={() => setDialog('log')} disabled={!can(staff, 'desk.work')}>
          登记走访
        </Button>
        <TextField
          label="统计月份"
          type="month"
          size="small"
          value={month}
          sx={{ width: 200 }}
          onChange={(e) => setMonth(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {can(staff, 'community.edit') && <Button onClick={() => setDialog('settings')}>走访设置</Button>}
      </Stack>
      {saved && (
        <Alert severity="success" onClose={() => setSaved(null)}>
          {saved}
        </Alert>
      )}
      {figures && <VisitLogMonthTables figures={figures} />}
      <section aria-labelledby="unvisited-title">
        <Typography variant="h6" component="h2" id="unvisited-title">
          超过 {unvisitedDaysOf(desk)} 天未走访的重点服务对象
        </Typography>
        {unvisited && <VisitLogUnvisited zones={unvisited} />}
      </section>
      <section aria-labelledby="entries-title">
        <Typography variant="h6" component="h2" id="entries-title">
          最近走访记录
        </Typography>
        {entries && <VisitLogEntries rows={entries} />}
      </section>
      {dialog === 'log' && <VisitLogDialog onClose={() => setDialog(null)} onSaved={setSaved} />}
      {dialog === 'settings' && <VisitLogSettings onClose={() => setDialog(null)} />}
    </Stack>
  );
}
