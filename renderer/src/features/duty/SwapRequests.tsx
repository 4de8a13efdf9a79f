/**
 * 换班申请 on the 值班表: the requests 待批准 (the 站长 approves, or refuses with a reason) and the
 * refused ones with their reason (everyone sees them: the asker learns why). Approving and
 * refusing are rotaChanges.ts `decideSwap` (rota.edit checked there, audited).
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { SWAP_REASON_MAX } from '@shared/domain/rota';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FormDialog } from '../../components/FormDialog';
import type { SwapRequestView } from '../../db/repositories/rota';
import { decideSwap } from '../../db/repositories/rotaChanges';
import { shortDay } from './rotaTexts';

export const swapText = (r: SwapRequestView): string =>
  r.day === r.otherDay
    ? `${shortDay(r.day)} ${r.name} 与 ${r.withName} 互换岗位`
    : `${r.name}（${shortDay(r.day)}）与 ${r.withName}（${shortDay(r.otherDay)}）换班`;

export function SwapRequests({
  requests,
  decides,
  onDone,
}: {
  requests: readonly SwapRequestView[];
  /** The 站长: approve / refuse buttons. */
  decides: boolean;
  onDone: (text: string) => void;
}) {
  const desk = useDesk();
  const action = useGuardedAction();
  const [refusing, setRefusing] = useState<SwapRequestView | null>(null);
  if (requests.length === 0) return null;
  const approve = (r: SwapRequestView) =>
    void action.run(async () => {
      await decideSwap(desk, r.cellId, { approve: true });
      onDone(`已批准：${swapText(r)}`);
    });
  return (
    <Stack component="section" aria-labelledby="swap-requests" spacing={1}>
      <Typography id="swap-requests" variant="h6" component="h3">
        换班申请
      </Typography>
      {action.error && (
        <Alert severity="error" role="alert" onClose={() => action.setError(null)}>
          {action.error}
        </Alert>
      )}
      <List dense aria-labelledby="swap-requests">
        {requests.map((r) => (
          <ListItem
            key={r.cellId}
            secondaryAction={
              decides && r.state === 'requested' ? (
                <Stack direction="row" spacing={1}>
                  <Button
                    variant="contained"
                    size="small"
                    disabled={action.busy}
                    aria-label={`批准 ${swapText(r)}`}
                    onClick={() => approve(r)}
                  >
                    批准
                  </Button>
                  <Button
                    variant="outlined"
                    size="small"
                    disabled={action.busy}
                    aria-label={`不批准 ${swapText(r)}`}
                    onClick={() => setRefusing(r)}
                  >
                    不批准
                  </Button>
                </Stack>
              ) : undefined
            }
          >
            <ListItemText
              primary={`${r.state === 'requested' ? '待批准' : '未批准'}：${swapText(r)}`}
              secondary={r.state === 'refused' ? `理由：${r.reason ?? ''}` : `申请人：${r.requestedByName}`}
              slotProps={{ primary: { sx: { fontSize: 16 } }, secondary: { sx: { fontSize: 14 } } }}
              sx={{ pr: decides && r.state === 'requested' ? 22 : 0 }}
            />
          </ListItem>
        ))}
      </List>
      {refusing && (
        <RefuseSwapDialog
          request={refusing}
          onClose={() => setRefusing(null)}
          onDone={() => onDone(`未批准：${swapText(refusing)}`)}
        />
      )}
    </Stack>
  );
}

function RefuseSwapDialog({
  request,
  onClose,
  onDone,
}: {
  request: SwapRequestView;
  onClose: () => void;
  onDone: () => void;
}) {
  const desk = useDesk();
  const [reason, setReason] = useState('');
  const { run, error, field, busy } = useGuardedAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await run(() => decideSwap(desk, request.cellId, { approve: false, reason }))) {
      onDone();
      onClose();
    }
  }
  const atReason = field === 'reason';
  return (
    <FormDialog
      title="不批准换班"
      submitLabel="不批准"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={atReason ? null : error}
    >
      <Typography>{swapText(request)}</Typography>
      <TextField
        label="不批准的理由"
        value={reason}
        autoFocus
        onChange={(e) => setReason(e.target.value)}
        error={atReason}
        helperText={atReason ? error : `最多 ${SWAP_REASON_MAX} 字，申请人可以看到`}
      />
    </FormDialog>
  );
}
