/**
 * 作出决定 on one agenda entry: the meeting's decision and its fields — 社区处置 (an owner and the
 * working days; the due day becomes the case's deadline, the case accepted first if the problem
 * has none), 上报街道 (the case's escalation: level, office, request), 继续跟踪 (what to watch;
 * carried to the next meeting), 已解决 (how it was solved). The rules' message is shown at its
 * field (`failureMessage`'s field).
 */
import { useState, type FormEvent } from 'react';
import {
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { maskNumbersInText } from '@shared/domain/masking';
import type { DecisionInput } from '@shared/domain/meetings';
import {
  DECISION_TYPES,
  ESCALATION_LEVELS,
  type DecisionType,
  type EscalationLevel,
  type Meeting,
} from '@shared/domain/records';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FormDialog } from '../../components/FormDialog';
import { recordDecision } from '../../db/repositories/meetingDecisions';
import { listActiveStaff } from '../../db/repositories/staff';
import type { EntryView } from './meetingText';

const FIELDS = ['type', 'ownerId', 'workingDays', 'level', 'office', 'request', 'note'];

const MEANING: Record<DecisionType, string> = {
  社区处置: '社区自己办：指定责任人和办理时限',
  上报街道: '社区解决不了，上报街道协调',
  继续跟踪: '暂不决定，下次会议继续研究',
  已解决: '问题已解决，写明如何解决',
};

export function DecisionDialog({
  entry,
  meeting,
  onClose,
}: {
  entry: EntryView;
  meeting: Meeting;
  onClose: () => void;
}) {
  const desk = useDesk();
  const staff = useLiveQuery(() => listActiveStaff(desk), [desk]);
  const [type, setType] = useState<DecisionType | ''>('');
  const [ownerId, setOwnerId] = useState('');
  const [workingDays, setWorkingDays] = useState('');
  const [level, setLevel] = useState<EscalationLevel | ''>('');
  const [office, setOffice] = useState('');
  const [request, setRequest] = useState('');
  const [note, setNote] = useState('');
  const { run, error, field, busy } = useGuardedAction();
  const at = (name: string, hint = ' ') => ({ error: field === name, helperText: field === name ? error : hint });
  const { item, record } = entry;
  const days = Number(workingDays);
  const dueDay =
    type === '社区处置' && Number.isInteger(days) && days >= 1 && days <= 60
      ? desk.calendar.addWorkingDays(meeting.day, days).date
      : null;

  function input(): DecisionInput {
    const n = note.trim() ? { note } : {};
    switch (type) {
      case '社区处置':
        return { type, ownerId, workingDays: workingDays.trim() === '' ? Number.NaN : days, ...n };
      case '上报街道':
        return { type, level: level as EscalationLevel, office, request, ...n };
      default:
        // An empty choice reaches the rules, which name it at the 会议决定 field.
        return { type: type as '继续跟踪', note };
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await run(() => recordDecision(desk, item.id, input()))) onClose();
  }

  const caseNote = record
    ? `办件 ${record.trackingNumber}（${record.status}）`
    : '该问题还没有办件：确定后按“投诉建议”受理一件';
  return (
    <FormDialog
      title="作出决定"
      submitLabel="确定决定"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={FIELDS.includes(field ?? '') ? null : error}
      maxWidth="md"
    >
      <Typography sx={{ fontWeight: 'bold' }}>议题：{maskNumbersInText(item.title)}</Typography>
      <FormControl error={field === 'type'}>
        <FormLabel id="decision-type">会议决定</FormLabel>
        <RadioGroup
          aria-labelledby="decision-type"
          value={type}
          onChange={(e) => setType(e.target.value as DecisionType)}
        >
          {DECISION_TYPES.map((t) => (
            <FormControlLabel key={t} value={t} control={<Radio />} label={`${t}（${MEANING[t]}）`} />
          ))}
        </RadioGroup>
        {field === 'type' && <FormHelperText>{error}</FormHelperText>}
      </FormControl>
      {type === '社区处置' && (
        <>
          <TextField
            select
            label="责任人"
            value={ownerId}
            onChange={(e) => setOwnerId(e.target.value)}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            {...at('ownerId')}
          >
            <option value="">请选择</option>
            {staff?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}（{s.role}）
              </option>
            ))}
          </TextField>
          <TextField
            label="办理时限（工作日）"
            value={workingDays}
            onChange={(e) => setWorkingDays(e.target.value.replace(/\D/g, ''))}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 2 } }}
            {...at(
              'workingDays',
              dueDay
                ? `${dueDay} 前办结（会议日起 ${days} 个工作日），即办件的承诺办结日期`
                : '1–60 个工作日，从会议日期算起',
            )}
          />
          <Typography>{caseNote}，交责任人办理。</Typography>
        </>
      )}
      {type === '上报街道' && (
        <>
          <FormControl error={field === 'level'}>
            <FormLabel id="decision-level">上报类别</FormLabel>
            <RadioGroup
              row
              aria-labelledby="decision-level"
              value={level}
              onChange={(e) => setLevel(e.target.value as EscalationLevel)}
            >
              {ESCALATION_LEVELS.map((l) => (
                <FormControlLabel key={l} value={l} control={<Radio />} label={l} />
              ))}
            </RadioGroup>
            {field === 'level' && <FormHelperText>{error}</FormHelperText>}
          </FormControl>
          <TextField
            label="上报至（科室或部门）"
            value={office}
            onChange={(e) => setOffice(e.target.value)}
            {...at('office', '如：街道城管办')}
          />
          <TextField
            label="请求事项"
            multiline
            minRows={2}
            value={request}
            onChange={(e) => setRequest(e.target.value)}
            {...at('request', '请求街道解决什么')}
          />
          <Typography>{caseNote}，上报街道后在“办件 → 已上报街道”中跟进。</Typography>
        </>
      )}
      {(type === '继续跟踪' || type === '已解决') && (
        <TextField
          label={type === '继续跟踪' ? '继续跟踪什么' : '如何解决的'}
          multiline
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...at('note', type === '继续跟踪' ? '下次会议议程上列为“上次结转”' : ' ')}
        />
      )}
      {type === '已解决' && record && !['已办结', '已归档', '不予受理'].includes(record.status) && (
        <Typography>
          办件 {record.trackingNumber} 仍为“{record.status}”：请在办件页面办结。
        </Typography>
      )}
      {(type === '社区处置' || type === '上报街道') && (
        <TextField label="说明（可不填）" value={note} onChange={(e) => setNote(e.target.value)} {...at('note')} />
      )}
    </FormDialog>
  );
}
