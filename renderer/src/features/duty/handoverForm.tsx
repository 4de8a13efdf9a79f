/**
 * 写交接班记录: what the desk knows now (counted when saved), the writer's notes and one item to
 * watch a line. Opened from 值班 → 交接班 at any time, and by a duty person's sign-out near the
 * shift's end (then with 不写交接，直接退出).
 */
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { factLine, MAX_NOTE_CHARS, watchLines } from '@shared/domain/handover';
import { prepareHandover, writeHandover } from '../../db/repositories/handovers';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { useLiveQuery } from '../../app/liveQuerier';

export type HandoverDialogProps = {
  /** After the note is saved. */
  onSaved: () => void;
  onCancel: () => void;
  /** At sign-out: 不写交接，直接退出. */
  onSkip?: () => void;
};

export function HandoverDialog({ onSaved, onCancel, onSkip }: HandoverDialogProps) {
  const desk = useDesk();
  const draft = useLiveQuery(() => prepareHandover(desk), [desk]);
  const [text, setText] = useState('');
  const [watch, setWatch] = useState('');
  const { run, error, field, busy } = useGuardedAction();
  const save = () =>
    void run(async () => {
      await writeHandover(desk, { text, watch: watchLines(watch) });
      onSaved();
    });
  return (
    <Dialog open onClose={onCancel} aria-labelledby="handover-form-title" maxWidth="md" fullWidth>
      <DialogTitle id="handover-form-title">{onSkip ? '下班交接：写交接班记录' : '写交接班记录'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography>交给 {draft ? `${draft.forDay} 的值班人员` : '…'}（值班表上的下一个值班日）</Typography>
          <Box component="section" aria-label="值班台情况">
            <Typography component="h3" sx={{ fontWeight: 700 }}>
              值班台情况（保存时统计）
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 3 }}>
              {draft?.facts.map((f) => (
                <li key={f.kind}>{factLine(f)}</li>
              ))}
            </Box>
          </Box>
          <TextField
            label="交接内容"
            multiline
            minRows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={field === 'text'}
            helperText={field === 'text' ? error : `最多 ${MAX_NOTE_CHARS} 字；身份证号、手机号会自动隐去`}
            autoFocus
          />
          <TextField
            label="需关注事项（每行一条）"
            multiline
            minRows={3}
            value={watch}
            onChange={(e) => setWatch(e.target.value)}
            error={field === 'watch'}
            helperText={field === 'watch' ? error : '例如：街道九点回电'}
          />
          {error && !field && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          取消
        </Button>
        {onSkip && (
          <Button onClick={onSkip} disabled={busy}>
            不写交接，直接退出
          </Button>
        )}
        <Button variant="contained" onClick={save} disabled={busy || !draft}>
          {onSkip ? '保存交接并退出' : '保存交接'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
