/** Who attends a 联席会议: present and absent once held (with the summary), the list to tick before. */
import { Stack, Typography } from '@mui/material';
import { maskNumbersInText } from '@shared/domain/masking';
import type { MeetingFile } from '../../db/repositories/meetings';

export function Attendance({ file }: { file: MeetingFile }) {
  const { meeting } = file;
  const present = meeting.attendees.filter((a) => a.present);
  const absent = meeting.attendees.filter((a) => !a.present);
  const list = (l: typeof present) => l.map((a) => `${a.name}（${a.role}）`).join('、') || '无';
  return (
    <Stack spacing={0.5} sx={{ mb: 1.5 }}>
      {meeting.status === '已召开' ? (
        <>
          <Typography aria-label="出席">
            出席（{present.length}）：{list(present)}
          </Typography>
          <Typography aria-label="缺席">
            缺席（{absent.length}）：{list(absent)}
          </Typography>
          {meeting.summary && (
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>会议小结：{maskNumbersInText(meeting.summary)}</Typography>
          )}
        </>
      ) : (
        <Typography>
          参会人员（{meeting.attendees.length}）：{list(meeting.attendees)}
          {meeting.status === '筹备中' && '。会后“登记召开”时勾选出席人员。'}
        </Typography>
      )}
    </Stack>
  );
}
