/**
 * 值班 → 交接班 (issue 26 item 3): the notes written on a day (default today), each with who
 * signed it when, printable; 写交接班记录 at any time; 签阅 for a note someone else wrote.
 */
import { useState } from 'react';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { handoversOfDay } from '../../db/repositories/handovers';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';
import { useGuardedAction } from '../../app/useGuardedAction';
import { HandoverDialog } from './handoverForm';
import { HandoverNoteView } from './handoverNoteView';
import { printHandoverNote } from './handoverPrint';
import { SignHandoverButton } from './handoverSign';
import { useLiveQuery } from '../../app/liveQuerier';

export function HandoverTab() {
  const desk = useDesk();
  const staff = useStaff();
  const [day, setDay] = useState(() => desk.clock.today());
  const [writing, setWriting] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const notes = useLiveQuery(() => (day ? handoversOfDay(desk, day) : Promise.resolve([])), [desk, day]);
  const print = useGuardedAction();
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2">
          交接班记录
        </Typography>
        <TextField
          type="date"
          label="交班日期"
          value={day}
          onChange={(e) => setDay(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          size="small"
          sx={{ width: 220 }}
        />
        <Button variant="contained" onClick={() => setWriting(true)}>
          写交接班记录
        </Button>
      </Stack>
      {done && <Alert severity="success">{done}</Alert>}
      {print.error && (
        <Alert severity="error" role="alert">
          {print.error}
        </Alert>
      )}
      <Stack spacing={2} component="section" aria-label={`${day} 的交接班记录`}>
        {notes?.length === 0 && <Typography>这一天没有交接班记录。</Typography>}
        {notes?.map((n) => (
          <HandoverNoteView
            key={n.id}
            note={n}
            actions={
              <Stack direction="row" spacing={2}>
                <Button
                  variant="outlined"
                  aria-label={`打印 ${n.writerName} 的交接班记录`}
                  onClick={() => void print.run(async () => setDone(await printHandoverNote(desk, n, staff.name)))}
                >
                  打印
                </Button>
                {n.staffId !== staff.id && !n.readers.some((r) => r.staffId === staff.id) && (
                  <SignHandoverButton note={n} />
                )}
              </Stack>
            }
          />
        ))}
      </Stack>
      {writing && (
        <HandoverDialog
          onCancel={() => setWriting(false)}
          onSaved={() => {
            setWriting(false);
            setDone('交接班记录已保存');
          }}
        />
      )}
    </Stack>
  );
}
