/**
 * A meeting's own steps, one dialog each: 改期 (the new day), 取消会议 (the reason; its entries go
 * to the next meeting), 登记召开 (when it was actually held — now unless changed —, who was
 * present — every attendee a checkbox — and the meeting's summary for the minutes) and 会前已议定
 * (confirmed). The rules' message is shown at its field.
 */
import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { attendeeText, type MeetingAction, type MeetingActionType } from '@shared/domain/meetings';
import type { Meeting } from '@shared/domain/records';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FormDialog } from '../../components/FormDialog';
import { DateTimeField } from '../../components/DateTimeField';
import { localDateTime } from '../../app/clock';
import { performMeetingAction } from '../../db/repositories/meetings';

const TITLE: Record<MeetingActionType, string> = {
  改期: '会议改期',
  取消: '取消会议',
  召开: '登记召开',
  会前议定: '标记会前已议定',
};
const FIELDS: Record<MeetingActionType, string[]> = {
  改期: ['day'],
  取消: ['reason'],
  召开: ['heldAt', 'attendees', 'summary'],
  会前议定: [],
};

/** 'YYYY-MM-DDTHH:mm' as a local time; NaN for anything else (the rule then asks for it). */
function localTime(v: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(v);
  if (!m) return NaN;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return new Date(y, mo - 1, d, h, mi).getTime();
}

export function MeetingActionDialog({
  type,
  meeting,
  onClose,
}: {
  type: MeetingActionType;
  meeting: Meeting;
  onClose: () => void;
}) {
  const desk = useDesk();
  const [day, setDay] = useState('');
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState(meeting.summary ?? '');
  const [heldAt, setHeldAt] = useState(() => localDateTime(desk.clock.now()).replace(' ', 'T'));
  const [present, setPresent] = useState<Set<string>>(
    () => new Set(meeting.attendees.filter((a) => a.present).map((a) => a.key)),
  );
  const { run, error, field, busy } = useGuardedAction();
  const at = (name: string, hint = ' ') => ({ error: field === name, helperText: field === name ? error : hint });

  const toAction = (): MeetingAction =>
    type === '改期'
      ? { type, day }
      : type === '取消'
        ? { type, reason }
        : type === '召开'
          ? {
              type,
              heldAt: localTime(heldAt),
              attendees: meeting.attendees.map((a) => ({ ...a, present: present.has(a.key) })),
              summary,
            }
          : { type };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await run(() => performMeetingAction(desk, meeting.id, toAction()))) onClose();
  }
  const toggle = (key: string, on: boolean) =>
    setPresent((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <FormDialog
      title={TITLE[type]}
      submitLabel={type === '召开' ? '确定登记召开' : `确定${TITLE[type]}`}
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={FIELDS[type].includes(field ?? '') ? null : error}
      maxWidth={type === '召开' ? 'md' : 'sm'}
    >
      {type === '改期' && (
        <TextField
          type="date"
          label="新的会议日期"
          autoFocus
          value={day}
          onChange={(e) => setDay(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          {...at('day', `原定 ${meeting.day}；原日期会记在会议上`)}
        />
      )}
      {type === '取消' && (
        <>
          <Typography>取消后，本次议程上的问题转入下次会议（上次结转）。</Typography>
          <TextField
            label="取消原因"
            autoFocus
            multiline
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            {...at('reason', '如：街道集中培训，本周会议取消')}
          />
        </>
      )}
      {type === '会前议定' && (
        <Typography>
          本次会议的部分决定已在会前议定（如紧急事项经站长与相关单位商定）。标记后，可在会议召开前记录这些决定；会后仍需登记召开。
        </Typography>
      )}
      {type === '召开' && (
        <>
          <DateTimeField
            label="实际召开时间"
            value={heldAt}
            onChange={setHeldAt}
            error={field === 'heldAt'}
            helperText={
              field === 'heldAt' ? (error ?? undefined) : `会议原定 ${meeting.day}；按实际召开的日期和时间填写`
            }
          />
          <FormControl component="fieldset" error={field === 'attendees'}>
            <FormLabel component="legend">出席人员（勾选到会的人）</FormLabel>
            <FormGroup sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))' }}>
              {meeting.attendees.map((a) => (
                <FormControlLabel
                  key={a.key}
                  label={attendeeText(a)}
                  control={<Checkbox checked={present.has(a.key)} onChange={(e) => toggle(a.key, e.target.checked)} />}
                />
              ))}
            </FormGroup>
            <FormHelperText>
              {field === 'attendees' ? error : '名单中没有的人员，请先在会议页“添加参会人员”（保留到下次会议）'}
            </FormHelperText>
          </FormControl>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Typography aria-live="polite" sx={{ flexGrow: 1 }}>
              出席 {present.size} 人，缺席 {meeting.attendees.length - present.size} 人
            </Typography>
            <Button onClick={() => setPresent(new Set(meeting.attendees.map((a) => a.key)))}>全部出席</Button>
          </Stack>
          <TextField
            label="会议小结"
            multiline
            minRows={3}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            {...at('summary', '写入会议纪要，如：本周议题四项，均已作出决定')}
          />
        </>
      )}
    </FormDialog>
  );
}
