/** 签阅: one button that marks a hand-over note read by the signed-in staff member. */
import { Alert, Button, Stack } from '@mui/material';
import { signHandover, type HandoverView } from '../../db/repositories/handovers';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';

export function SignHandoverButton({ note, autoFocus }: { note: HandoverView; autoFocus?: boolean }) {
  const desk = useDesk();
  const { run, error, busy } = useGuardedAction();
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button
        variant="contained"
        autoFocus={autoFocus}
        disabled={busy}
        aria-label={`签阅 ${note.writerName} 的交接班记录`}
        onClick={() =>
          void run(async () => {
            await signHandover(desk, note.id);
          })
        }
      >
        签阅
      </Button>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
