/**
 * Who attends a 联席会议: present and absent once held (with when it was held and the summary);
 * while it is being prepared, the list — guests added and edited here (GuestDialog.tsx), kept
 * for next time. Attendance is this meeting's own.
 */
import { useState } from 'react';
import { Button, Stack, Typography } from '@mui/material';
import { attendeeText, guestOf } from '@shared/domain/meetings';
import { maskNumbersInText } from '@shared/domain/masking';
import type { Attendee, MeetingGuest } from '@shared/domain/records';
import type { MeetingFile } from '../../db/repositories/meetings';
import { localDateTime } from '../../app/clock';
import { GuestDialog } from './GuestDialog';

const list = (l: Attendee[]) => l.map(attendeeText).join('、') || '无';
const guestOfAttendee = (a: Attendee): MeetingGuest =>
  guestOf({ id: a.key.slice('guest:'.length), unit: a.unit, name: a.name, role: a.role });

export function Attendance({ file }: { file: MeetingFile }) {
  const { meeting } = file;
  const [editing, setEditing] = useState<MeetingGuest | 'new' | null>(null);
  const present = meeting.attendees.filter((a) => a.present);
  const absent = meeting.attendees.filter((a) => !a.present);
  if (meeting.status === '已召开')
    return (
      <Stack spacing={0.5} sx={{ mb: 1.5 }}>
        {meeting.heldAt !== undefined && (
          <Typography aria-label="召开时间">召开时间：{localDateTime(meeting.heldAt)}</Typography>
        )}
        <Typography aria-label="出席">
          出席（{present.length}）：{list(present)}
        </Typography>
        <Typography aria-label="缺席">
          缺席（{absent.length}）：{list(absent)}
        </Typography>
        {meeting.summary && (
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>会议小结：{maskNumbersInText(meeting.summary)}</Typography>
        )}
      </Stack>
    );
  const guests = meeting.attendees.filter((a) => a.key.startsWith('guest:'));
  const staff = meeting.attendees.filter((a) => !a.key.startsWith('guest:'));
  const preparing = meeting.status === '筹备中';
  return (
    <Stack spacing={1} sx={{ mb: 1.5 }} component="section" aria-label="参会人员">
      <Typography>
        参会人员（{meeting.attendees.length}）：{list(staff)}
        {preparing && '。会后“登记召开”时勾选出席人员。'}
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
        <Typography>列席人员（{guests.length}）：</Typography>
        {guests.length === 0 && <Typography>无</Typography>}
        {guests.map((a) =>
          preparing ? (
            <Button
              key={a.key}
              size="medium"
              variant="outlined"
              onClick={() => setEditing(guestOfAttendee(a))}
              aria-label={`修改参会人员：${attendeeText(a)}`}
            >
              {attendeeText(a)}
            </Button>
          ) : (
            <Typography key={a.key}>{attendeeText(a)}</Typography>
          ),
        )}
        {preparing && (
          <Button variant="outlined" onClick={() => setEditing('new')}>
            添加参会人员
          </Button>
        )}
      </Stack>
      {editing && (
        <GuestDialog
          meetingId={meeting.id}
          {...(editing === 'new' ? {} : { guest: editing })}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
