/**
 * 添加参会人员 / 修改参会人员 from the meeting itself: unit, name and role, kept for next time (the
 * same list as 设置 → 联席会议). Only while the meeting is being prepared; the rules' message is
 * shown at its field.
 */
import { useState, type FormEvent } from 'react';
import { TextField } from '@mui/material';
import { GUEST_ROLES } from '@shared/domain/meetings';
import type { MeetingGuest } from '@shared/domain/records';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FormDialog } from '../../components/FormDialog';
import { saveGuestAtMeeting } from '../../db/repositories/meetings';

export function GuestDialog({
  meetingId,
  guest,
  onClose,
}: {
  meetingId: string;
  /** The guest edited; none to add one. */
  guest?: MeetingGuest;
  onClose: () => void;
}) {
  const desk = useDesk();
  const [unit, setUnit] = useState(guest?.unit ?? '');
  const [name, setName] = useState(guest?.name ?? '');
  const [role, setRole] = useState(guest?.role ?? '');
  const { run, error, field, busy } = useGuardedAction();
  const at = (f: string, hint: string) => ({ error: field === f, helperText: field === f ? error : hint });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = { ...(guest ? { id: guest.id } : {}), unit, name, role };
    if (await run(() => saveGuestAtMeeting(desk, meetingId, input))) onClose();
  }

  return (
    <FormDialog
      title={guest ? '修改参会人员' : '添加参会人员'}
      submitLabel="保存"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={['unit', 'name', 'role'].includes(field ?? '') ? null : error}
    >
      <TextField
        label="单位"
        autoFocus
        value={unit}
        onChange={(e) => setUnit(e.target.value)}
        {...at('unit', '如：桃花岭派出所、东湖物业；居民代表可不填')}
      />
      <TextField
        label="姓名"
        value={name}
        onChange={(e) => setName(e.target.value)}
        {...at('name', '按本人职务身份记录')}
      />
      <TextField
        label="身份"
        value={role}
        onChange={(e) => setRole(e.target.value)}
        slotProps={{ htmlInput: { list: 'meeting-guest-roles' } }}
        {...at('role', '如：网格长、社区民警、物业经理')}
      />
      <datalist id="meeting-guest-roles">
        {GUEST_ROLES.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
    </FormDialog>
  );
}
