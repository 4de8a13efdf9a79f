/**
 * 申请换班: two people, both named, and their days (of the week shown). The data layer decides
 * (rotaChanges.ts `requestSwap`): carried out at once where the center allows swaps without
 * approval or the 站长 asks, else 待批准 until the 站长 decides. A 值班员 asks only for themselves.
 */
import { useState, type FormEvent } from 'react';
import { TextField, Typography } from '@mui/material';
import { rotaCellId } from '@shared/domain/records';
import { cellText } from '@shared/receipts/rotaWeek';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FormDialog } from '../../components/FormDialog';
import type { RotaWeek } from '../../db/repositories/rota';
import { requestSwap } from '../../db/repositories/rotaChanges';
import { shortDay } from './rotaTexts';

type Field = 'staffA' | 'dayA' | 'staffB' | 'dayB';

export function SwapDialog({
  week,
  askerOnly,
  onClose,
  onDone,
}: {
  week: RotaWeek;
  /** A 值班员: the asker is themselves (the 站长 may name anyone). */
  askerOnly: boolean;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const desk = useDesk();
  const people = week.staff.filter((p) => p.active);
  const [staffA, setStaffA] = useState(askerOnly ? desk.actor.id : '');
  const [dayA, setDayA] = useState(week.days[0]!.day);
  const [staffB, setStaffB] = useState('');
  const [dayB, setDayB] = useState(week.days[0]!.day);
  const { run, error, field, busy } = useGuardedAction();
  const byId = new Map(week.cells.map((c) => [c.id, c]));
  const postOf = (day: string, staffId: string) => {
    const opening = week.days.find((o) => o.day === day);
    return staffId && opening ? cellText(byId.get(rotaCellId(day, staffId)), opening) : '';
  };
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(async () => {
      const r = await requestSwap(desk, { staffA, dayA, staffB, dayB });
      onDone(r === 'done' ? '换班已生效，值班表已更新' : '换班申请已提交，等待站长批准');
    });
    if (ok) onClose();
  }

  const at = (f: Field) => (field === f ? { error: true, helperText: error } : { helperText: ' ' });
  const person = (label: string, f: 'staffA' | 'staffB', value: string, set: (v: string) => void, locked = false) => (
    <TextField
      select
      label={label}
      value={value}
      disabled={locked}
      onChange={(e) => set(e.target.value)}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      {...at(f)}
    >
      <option value="">请选择</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </TextField>
  );
  const dayField = (label: string, f: 'dayA' | 'dayB', value: string, set: (v: string) => void, staffId: string) => (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => set(e.target.value)}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      {...at(f)}
    >
      {week.days.map((o) => (
        <option key={o.day} value={o.day}>
          {shortDay(o.day)}
          {staffId ? `（${postOf(o.day, staffId)}）` : ''}
        </option>
      ))}
    </TextField>
  );
  const unplaced = field && !(['staffA', 'dayA', 'staffB', 'dayB'] as string[]).includes(field);
  return (
    <FormDialog
      title="申请换班"
      submitLabel={week.settings.swapsNeedApproval && askerOnly ? '提交换班申请' : '换班'}
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={unplaced || !field ? error : null}
    >
      {person('申请人', 'staffA', staffA, setStaffA, askerOnly)}
      {dayField('申请人换出的日期', 'dayA', dayA, setDayA, staffA)}
      {person('换班对象', 'staffB', staffB, setStaffB)}
      {dayField('换班对象换出的日期', 'dayB', dayB, setDayB, staffB)}
      {staffA && staffB && (
        <Typography aria-live="polite">
          {dayA === dayB
            ? `${shortDay(dayA)}：${nameOf(staffA)}（${postOf(dayA, staffA)}）与 ${nameOf(staffB)}（${postOf(dayA, staffB)}）互换岗位`
            : `${nameOf(staffA)} 上 ${nameOf(staffB)} 的 ${shortDay(dayB)}，${nameOf(staffB)} 上 ${nameOf(staffA)} 的 ${shortDay(dayA)}`}
        </Typography>
      )}
      <Typography sx={{ fontSize: 14 }}>
        {week.settings.swapsNeedApproval ? '本中心换班须经站长批准。' : '本中心换班无需批准，提交后立即生效。'}
      </Typography>
    </FormDialog>
  );
}
