/**
 * 工作台: the hand-over notes the signed-in duty person has not signed (those that arrived after
 * sign-in, or from a colleague's sign-out the same day), each with 签阅. Nothing when there are none.
 */
import { Paper, Stack, Typography } from '@mui/material';
import { pendingHandovers } from '../../db/repositories/handovers';
import { useDesk } from '../../app/desk';
import { HandoverNoteView } from './handoverNoteView';
import { SignHandoverButton } from './handoverSign';
import { useLiveQuery } from '../../app/liveQuerier';

export function HandoverDashboardCard() {
  const desk = useDesk();
  const pending = useLiveQuery(() => pendingHandovers(desk), [desk]);
  if (!pending || pending.length === 0) return null;
  return (
    <Paper component="section" aria-labelledby="handover-card-title" sx={{ p: 3 }}>
      <Stack spacing={2}>
        <Typography id="handover-card-title" variant="h5" component="h2" color="error">
          未签阅的交接班记录（{pending.length}）
        </Typography>
        {pending.map((n) => (
          <HandoverNoteView key={n.id} note={n} actions={<SignHandoverButton note={n} />} />
        ))}
      </Stack>
    </Paper>
  );
}
