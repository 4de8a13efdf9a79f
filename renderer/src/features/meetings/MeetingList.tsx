/**
 * The meetings, the latest first: the day (a moved meeting shows its earlier day), its status
 * (筹备中, 已召开, 已取消 with the reason) and attendance; 安排会议 plans the next one (by
 * default the coming Friday) and builds its agenda.
 */
import { useState, type FormEvent } from 'react';
import {
  Button,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { Link as RouterLink, useNavigate } from 'react-router';
import { maskNumbersInText } from '@shared/domain/masking';
import type { Meeting } from '@shared/domain/records';
import { dayWithWeekday } from '@shared/receipts/meetingAgenda';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FormDialog } from '../../components/FormDialog';
import { listMeetings, planMeeting } from '../../db/repositories/meetings';
import { nextFriday } from './meetingText';

function noteOf(m: Meeting): string {
  const parts: string[] = [];
  if (m.movedFrom?.length) parts.push(`由 ${m.movedFrom.join('、')} 改期`);
  if (m.status === '已取消') parts.push(`取消原因：${m.cancelReason ? maskNumbersInText(m.cancelReason) : '—'}`);
  if (m.status === '已召开') {
    const present = m.attendees.filter((a) => a.present).length;
    parts.push(`出席 ${present} 人，缺席 ${m.attendees.length - present} 人`);
  }
  return parts.join('；') || '—';
}

export function MeetingList() {
  const desk = useDesk();
  const meetings = useLiveQuery(() => listMeetings(desk), [desk]);
  const [planning, setPlanning] = useState(false);
  return (
    <Stack spacing={2} component="section" aria-labelledby="meetings-heading">
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography id="meetings-heading" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          会议（{meetings?.length ?? 0}）
        </Typography>
        <Button variant="contained" onClick={() => setPlanning(true)}>
          安排会议
        </Button>
      </Stack>
      <Table size="small" aria-label="会议列表">
        <TableHead>
          <TableRow>
            {['会议日期', '状态', '说明'].map((h) => (
              <TableCell key={h}>{h}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {meetings?.length === 0 && (
            <TableRow>
              <TableCell colSpan={3}>还没有安排联席会议</TableCell>
            </TableRow>
          )}
          {meetings?.map((m) => (
            <TableRow key={m.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Link component={RouterLink} to={`/meetings/${m.id}`}>
                  {dayWithWeekday(m.day)}
                </Link>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{m.status}</TableCell>
              <TableCell>{noteOf(m)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {planning && <PlanMeetingDialog onClose={() => setPlanning(false)} />}
    </Stack>
  );
}

function PlanMeetingDialog({ onClose }: { onClose: () => void }) {
  const desk = useDesk();
  const navigate = useNavigate();
  const [day, setDay] = useState(() => nextFriday(desk.clock.today()));
  const { run, error, field, busy } = useGuardedAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    let id = '';
    if (await run(async () => (id = (await planMeeting(desk, day)).id))) navigate(`/meetings/${id}`);
  }
  return (
    <FormDialog
      title="安排会议"
      submitLabel="安排会议并生成议程"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={field === 'day' ? null : error}
    >
      <TextField
        type="date"
        label="会议日期"
        autoFocus
        value={day}
        onChange={(e) => setDay(e.target.value)}
        error={field === 'day'}
        helperText={field === 'day' ? error : '默认本周五；议程包括上次会议以来的新问题、结转事项、超期和待街道的办件'}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </FormDialog>
  );
}
