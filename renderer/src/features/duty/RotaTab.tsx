/**
 * 值班表 (issue 26 item 1): the week grid (days × staff), week by week; the 站长 sets each cell,
 * copies last week in one action and prints the A4 rota for the notice board; days below the
 * minimum on the 值班岗 are flagged above and under the grid. 申请换班 (SwapDialog) and the
 * 换班申请 to approve or refuse (SwapRequests) sit above the grid; the rota's rules below it.
 */
import { useState } from 'react';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { can } from '@shared/domain/roles';
import { addDays } from '@shared/domain/localDate';
import { daysBelowMinimum, weekStart } from '@shared/domain/rota';
import { renderRotaWeek } from '@shared/receipts/rotaWeek';
import { localDateTime } from '../../app/clock';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';
import { useGuardedAction } from '../../app/useGuardedAction';
import { getRotaWeek, listSwapRequests } from '../../db/repositories/rota';
import { copyLastWeek, setRotaCell } from '../../db/repositories/rotaChanges';
import { platform } from '../../platform';
import { RotaGrid } from './RotaGrid';
import { RotaSettingsForm } from './RotaSettingsForm';
import { SwapDialog } from './SwapDialog';
import { SwapRequests } from './SwapRequests';
import { shortText, type PostChoice } from './rotaTexts';
import { useLiveQuery } from '../../app/liveQuerier';

export function RotaTab() {
  const desk = useDesk();
  const staff = useStaff();
  const [monday, setMonday] = useState(() => weekStart(desk.clock.today()));
  const week = useLiveQuery(() => getRotaWeek(desk, monday), [desk, monday]);
  const swaps = useLiveQuery(() => listSwapRequests(desk), [desk]);
  const action = useGuardedAction();
  const [done, setDone] = useState<string | null>(null);
  const [swapping, setSwapping] = useState(false);
  const editable = can(staff, 'rota.edit');
  const short = week ? daysBelowMinimum(week.checks) : [];

  const choose = (day: string, staffId: string, c: PostChoice) =>
    void action.run(async () => {
      await setRotaCell(desk, { day, staffId, post: c.post, ...(c.leaveType ? { leaveType: c.leaveType } : {}) });
      setDone(null);
    });
  const copy = () =>
    void action.run(async () => {
      const n = await copyLastWeek(desk, monday);
      setDone(`已复制上周值班表（${n} 格）`);
    });
  const print = () =>
    void action.run(async () => {
      if (!week) return;
      const html = renderRotaWeek({
        communityName: desk.community.name,
        days: week.days,
        staff: week.staff,
        cells: week.cells,
        checks: week.checks,
        minOnDuty: week.settings.minOnDuty,
        printed: { by: staff.name, at: localDateTime(desk.clock.now()) },
      });
      const r = await platform.printHtml({ html, pageSize: { widthMm: 297, heightMm: 210 } });
      setDone(r.printed ? '值班表已送打印' : null);
    });

  return (
    <Stack spacing={2} component="section" aria-labelledby="rota-heading">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography id="rota-heading" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          值班表 {monday} 至 {addDays(monday, 6)}
        </Typography>
        <Button variant="outlined" onClick={() => setMonday(addDays(monday, -7))}>
          上一周
        </Button>
        <Button variant="outlined" onClick={() => setMonday(weekStart(desk.clock.today()))}>
          本周
        </Button>
        <Button variant="outlined" onClick={() => setMonday(addDays(monday, 7))}>
          下一周
        </Button>
        {editable && (
          <Button variant="contained" onClick={copy} disabled={action.busy}>
            复制上周
          </Button>
        )}
        {can(staff, 'desk.work') && (
          <Button variant="outlined" onClick={() => setSwapping(true)} disabled={!week}>
            申请换班
          </Button>
        )}
        <Button variant="outlined" onClick={print} disabled={!week || action.busy}>
          打印值班表
        </Button>
      </Stack>
      {action.error && (
        <Alert severity="error" role="alert" onClose={() => action.setError(null)}>
          {action.error}
        </Alert>
      )}
      {done && (
        <Alert severity="success" role="status" onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      {week && short.length > 0 && (
        <Alert severity="warning" aria-label="值班岗不足">
          {short.map((c) => shortText(c, week.settings.minOnDuty)).join('；')}
        </Alert>
      )}
      {swaps && <SwapRequests requests={swaps} decides={editable} onDone={setDone} />}
      {week && <RotaGrid week={week} editable={editable} onChoose={choose} />}
      {week && week.staff.length === 0 && <Typography>还没有工作人员，请先在 设置 → 工作人员 中添加。</Typography>}
      {editable && week && <RotaSettingsForm settings={week.settings} />}
      {swapping && week && (
        <SwapDialog week={week} askerOnly={!editable} onClose={() => setSwapping(false)} onDone={setDone} />
      )}
    </Stack>
  );
}
