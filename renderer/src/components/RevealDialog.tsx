/**
 * 查看完整: before a masked ID number or phone is shown in full, the clerk says why (查看原因,
 * a short list or 其他 with a few words). `reveal(reason)` calls the repository, which refuses a
 * missing reason at the field `reason` and logs the reveal with it; the message shows at the
 * list or at the 说明 field.
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
import { REVEAL_OTHER, REVEAL_REASONS } from '@shared/domain/texts';
import { FormDialog } from './FormDialog';
import { useGuardedAction } from '../app/useGuardedAction';

/** How long a revealed number stays on screen (a shared desk PC): then it is masked again. */
export const REMASK_AFTER_MS = 30_000;

type Props = {
  /** What is revealed: 身份证号 or 联系电话. */
  label: string;
  reveal: (reason: string) => Promise<void>;
  onClose: () => void;
};

export function RevealDialog({ label, reveal, onClose }: Props) {
  const [choice, setChoice] = useState('');
  const [other, setOther] = useState('');
  const { run, error, field, busy } = useGuardedAction();
  const isOther = choice === REVEAL_OTHER;
  const atReason = field === 'reason';

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Opened from inside another form (修改居民信息): React's events bubble through the portal,
    // and this submit must not submit that form too.
    e.stopPropagation();
    // An empty reason goes to the repository too: its refusal is the one message, at the field.
    const reason = isOther ? other : choice;
    if (await run(() => reveal(reason))) onClose();
  }

  return (
    <FormDialog
      title={`查看完整${label}`}
      submitLabel="查看"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={atReason ? null : error}
    >
      <Typography>查看完整{label}会记入操作日志（谁、何时、查看了哪位居民、原因）。</Typography>
      <FormControl error={atReason && !isOther}>
        <FormLabel id="reveal-reason-label">查看原因</FormLabel>
        <RadioGroup
          aria-labelledby="reveal-reason-label"
          aria-describedby="reveal-reason-help"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
        >
          {REVEAL_REASONS.map((r, i) => (
            <FormControlLabel
              key={r}
              value={r}
              label={r}
              control={<Radio slotProps={{ input: { autoFocus: i === 0 } }} />}
            />
          ))}
        </RadioGroup>
        <FormHelperText id="reveal-reason-help">{atReason && !isOther ? error : '请选择一项'}</FormHelperText>
      </FormControl>
      {isOther && (
        <TextField
          label="说明查看原因"
          autoFocus
          value={other}
          onChange={(e) => setOther(e.target.value)}
          error={atReason}
          helperText={atReason ? error : '简要说明，不超过 40 个字'}
          slotProps={{ htmlInput: { maxLength: 40 } }}
        />
      )}
    </FormDialog>
  );
}
