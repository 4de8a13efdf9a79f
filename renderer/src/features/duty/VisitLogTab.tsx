/**
 * 走访记录 (issue 26 item 2): the 走访岗's home-visit log — 登记走访, the month's figures (days in
 * the zone per person against the 10-day target, households visited per zone this month and
 * quarter), the 重点服务对象 not visited for more than N days (one 网格 a page at a time:
 * UnvisitedList.tsx), and the latest entries.
 * 更正 on an entry opens it as a correction (a new entry naming it); 打印本月走访记录 prints the
 * month's current entries on A4 (shared/receipts/homeVisitList.ts).
 * Personal data masked: names by maskName, addresses with the room masked.
 */
import { useState } from 'react';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { can } from '@shared/domain/roles';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';
import { renderHomeVisitList } from '@shared/receipts/homeVisitList';
import { localDateTime } from '../../app/clock';
import { useGuardedAction } from '../../app/useGuardedAction';
import {
  homeVisitListOfMonth,
  homeVisitMonth,
  recentHomeVisits,
  unvisitedDaysOf,
  type HomeVisitRow,
} from '../../db/repositories/homeVisits';
import { printA4Sheet } from './handoverPrint';
import { VisitLogDialog } from './VisitLogDialog';
import { VisitLogSettings } from './VisitLogSettings';
import { VisitLogEntries, VisitLogMonthTables } from './VisitLogTables';
import { UnvisitedList } from './UnvisitedList';
import { useLiveQuery } from '../../app/liveQuerier';

export function VisitLogTab() {
  const desk = useDesk();
  const staff = useStaff();
  const [month, setMonth] = useState(desk.clock.today().slice(0, 7));
  const [dialog, setDialog] = useState<'log' | 'settings' | null>(null);
  const [correcting, setCorrecting] = useState<HomeVisitRow | null>(null);
  const print = useGuardedAction();
  const [saved, setSaved] = useState<string | null>(null);
  const figures = useLiveQuery(
    () => (/^\d{4}-\d{2}$/.test(month) ? homeVisitMonth(desk, month) : undefined),
    [desk, month],
  );
  const entries = useLiveQuery(() => recentHomeVisits(desk), [desk]);
  const works = can(staff, 'desk.work');
  const monthValid = /^\d{4}-\d{2}$/.test(month);
  const printList = () =>
    void print.run(async () => {
      const html = renderHomeVisitList({
        communityName: desk.community.name,
        month,
        lines: await homeVisitListOfMonth(desk, month),
        printed: { by: staff.name, at: localDateTime(desk.clock.now()) },
      });
      setSaved(await printA4Sheet(html, '走访记录'));
    });
  return (
    <Stack spacing={3}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="contained" onClick={() => setDialog('log')} disabled={!works}>
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
        <Button variant="outlined" onClick={printList} disabled={!monthValid || print.busy}>
          打印本月走访记录
        </Button>
        {can(staff, 'community.edit') && <Button onClick={() => setDialog('settings')}>走访设置</Button>}
      </Stack>
      {print.error && (
        <Alert severity="error" role="alert" onClose={() => print.setError(null)}>
          {print.error}
        </Alert>
      )}
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
        <UnvisitedList />
      </section>
      <section aria-labelledby="entries-title">
        <Typography variant="h6" component="h2" id="entries-title">
          最近走访记录
        </Typography>
        {entries && <VisitLogEntries rows={entries} {...(works ? { onCorrect: setCorrecting } : {})} />}
      </section>
      {dialog === 'log' && <VisitLogDialog onClose={() => setDialog(null)} onSaved={setSaved} />}
      {dialog === 'settings' && <VisitLogSettings onClose={() => setDialog(null)} />}
      {correcting && <VisitLogDialog correcting={correcting} onClose={() => setCorrecting(null)} onSaved={setSaved} />}
    </Stack>
  );
}
