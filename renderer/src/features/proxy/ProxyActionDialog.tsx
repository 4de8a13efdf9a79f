/**
 * The dialog of one proxy action (预约上门, 上门完成, 办理完毕, 送达, 取消, 委托书回收): its fields,
 * the rule's Chinese message at the field it names. Booking: the day, the slot and the staff
 * going — the signed-in clerk ticked, a second one expected (one alone gives a reason).
 * 登记已上门: the booked day (today if it is still ahead); another day asks why. 登记送达: the
 * originals still out are named, with 随结果一并归还 to return them in the same step.
 */
import { useState, type FormEvent } from 'react';
import {
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  TextField,
} from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { unsettledOriginals } from '@shared/domain/custody';
import { proxySettings, type ProxyAction, type ProxyActionType } from '@shared/domain/proxy';
import {
  DELIVERY_METHODS,
  PROXY_CANCEL_REASONS,
  VISIT_SLOTS,
  type ProxyTask,
  type Staff,
} from '@shared/domain/records';
import { localDateTime } from '../../app/clock';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { DateTimeField } from '../../components/DateTimeField';
import { FilterSelect, plainOptions, StaffSelect } from '../../components/FilterSelect';
import { FormDialog } from '../../components/FormDialog';
import { custodyOfCase } from '../../db/repositories/custody';
import { performProxyAction } from '../../db/repositories/proxy';

export type ProxyDialogType = Exclude<ProxyActionType, '受理'>;

type Props = { type: ProxyDialogType; task: ProxyTask; staff: readonly Staff[]; onClose: () => void };

const TITLES: Record<ProxyDialogType, string> = {
  预约上门: '预约上门',
  上门完成: '登记已上门',
  办理完毕: '登记办理完毕',
  送达: '登记送达',
  取消: '取消代办',
  委托书回收: '登记委托书收回',
};

export const proxyActionLabel = (t: ProxyDialogType) => TITLES[t];

export function ProxyActionDialog({ type, task, staff, onClose }: Props) {
  const desk = useDesk();
  const today = desk.clock.today();
  const settings = proxySettings(desk.community);
  const active = staff.filter((s) => s.active);
  const booked = task.visit?.day;
  const visitDay = booked && booked <= today ? booked : today;
  const [day, setDay] = useState(type === '预约上门' ? (booked ?? today) : type === '上门完成' ? visitDay : today);
  const [why, setWhy] = useState('');
  const [giveBack, setGiveBack] = useState(false);
  const caseId = task.caseId;
  const items = useLiveQuery(
    () => (type === '送达' && caseId ? custodyOfCase(desk, caseId) : []),
    [desk, type, caseId],
  );
  const out = unsettledOriginals(items ?? []).map((i) => i.document);
  const [slot, setSlot] = useState<string>(task.visit?.slot ?? '上午');
  const [going, setGoing] = useState<string[]>(task.visit?.staffIds ?? [desk.actor.id]);
  const [soloReason, setSoloReason] = useState('');
  const [method, setMethod] = useState('上门送达');
  const [by, setBy] = useState(desk.actor.id);
  const [at, setAt] = useState(localDateTime(desk.clock.now()).replace(' ', 'T'));
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [keptAt, setKeptAt] = useState('');
  const { run, error, field, busy } = useGuardedAction();
  const at_ = (f: string) => (field === f ? error : null);

  const action = (): ProxyAction => {
    switch (type) {
      case '预约上门':
        return { type, day, slot: slot as never, staffIds: going, soloReason };
      case '上门完成':
        return { type, day, ...(day !== booked ? { reason: why } : {}) };
      case '送达':
        return {
          type,
          method: method as never,
          by,
          at: at ? new Date(at).getTime() : Number.NaN,
          note,
          ...(giveBack ? { returnOriginals: true } : {}),
        };
      case '取消':
        return { type, reason: reason as never, note };
      case '委托书回收':
        return { type, day, keptAt };
      default:
        return { type };
    }
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await run(() => performProxyAction(desk, task.id, action()))) onClose();
  }
  const fieldError = field ? null : error;
  return (
    <FormDialog
      title={TITLES[type]}
      submitLabel={`确定${TITLES[type].replace(/^登记/, '')}`}
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={fieldError}
    >
      {type === '上门完成' && (
        <span>
          预约上门日期：{booked ?? '—'}；代办目标为上门后 {settings.targetWorkingDays} 个工作日内办好。
        </span>
      )}
      {type === '办理完毕' && <span>登记事项已办好，结果待送达居民。</span>}
      {(type === '预约上门' || type === '委托书回收' || type === '上门完成') && (
        <TextField
          type="date"
          label={type === '委托书回收' ? '收回日期' : type === '上门完成' ? '实际上门日期' : '上门日期'}
          value={day}
          onChange={(e) => setDay(e.target.value)}
          error={!!at_('day')}
          helperText={at_('day') ?? ' '}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      )}
      {type === '上门完成' && day !== booked && (
        <TextField
          label="未按预约日期上门的原因"
          value={why}
          onChange={(e) => setWhy(e.target.value)}
          error={!!at_('reason')}
          helperText={at_('reason') ?? `预约的是 ${booked ?? '—'}；登记其他日期须说明原因`}
        />
      )}
      {type === '预约上门' && (
        <>
          <FilterSelect
            label="时段"
            value={slot}
            emptyLabel="请选择"
            options={plainOptions(VISIT_SLOTS)}
            onChange={setSlot}
          />
          <FormControl error={!!at_('staffIds')} component="fieldset">
            <FormLabel component="legend">上门人员{settings.twoStaff ? '（应两人同去）' : ''}</FormLabel>
            <FormGroup row>
              {active.map((s) => (
                <FormControlLabel
                  key={s.id}
                  label={s.name}
                  control={
                    <Checkbox
                      checked={going.includes(s.id)}
                      onChange={(e) => setGoing(e.target.checked ? [...going, s.id] : going.filter((x) => x !== s.id))}
                    />
                  }
                />
              ))}
            </FormGroup>
            {at_('staffIds') && <FormHelperText>{at_('staffIds')}</FormHelperText>}
          </FormControl>
          {going.length === 1 && (
            <TextField
              label="一人上门的原因"
              value={soloReason}
              onChange={(e) => setSoloReason(e.target.value)}
              error={!!at_('soloReason')}
              helperText={at_('soloReason') ?? (settings.twoStaff ? '本中心规定两人上门；一人上门须说明原因' : ' ')}
            />
          )}
        </>
      )}
      {type === '送达' && (
        <>
          <FilterSelect
            label="送达方式"
            value={method}
            emptyLabel="请选择"
            options={plainOptions(DELIVERY_METHODS)}
            onChange={setMethod}
          />
          <StaffSelect label="送达人" value={by} emptyLabel="请选择" staff={active} onChange={setBy} />
          <DateTimeField
            label="送达时间"
            value={at}
            onChange={setAt}
            error={!!at_('at')}
            helperText={at_('at') ?? undefined}
            latest={{ at: desk.clock.now(), what: '当前时间' }}
            earliest={{ at: Date.parse(`${task.requestedDay}T00:00:00+08:00`), what: '申请日期' }}
          />
          {out.length > 0 && (
            <FormControl error={!!at_('returnOriginals')} component="fieldset">
              <FormLabel component="legend">以下原件仍在外：{out.join('、')}</FormLabel>
              <FormControlLabel
                label="随结果一并归还（登记为已归还居民）"
                control={<Checkbox checked={giveBack} onChange={(e) => setGiveBack(e.target.checked)} />}
              />
              <FormHelperText>{at_('returnOriginals') ?? '原件须先归还居民，才能登记送达'}</FormHelperText>
            </FormControl>
          )}
        </>
      )}
      {type === '取消' && (
        <FilterSelect
          label="取消原因"
          value={reason}
          emptyLabel="请选择"
          options={plainOptions(PROXY_CANCEL_REASONS)}
          onChange={setReason}
        />
      )}
      {type === '委托书回收' && (
        <TextField
          label="存放位置"
          value={keptAt}
          onChange={(e) => setKeptAt(e.target.value)}
          error={!!at_('keptAt')}
          helperText={at_('keptAt') ?? '如：档案柜 2 号'}
        />
      )}
      {(type === '送达' || type === '取消') && (
        <TextField
          label={type === '取消' ? '说明' : '备注'}
          multiline
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={!!at_('note')}
          helperText={at_('note') ?? ' '}
        />
      )}
      {(at_('method') || at_('by') || (type === '取消' && at_('reason')) || at_('slot')) && (
        <FormHelperText error>{error}</FormHelperText>
      )}
    </FormDialog>
  );
}
