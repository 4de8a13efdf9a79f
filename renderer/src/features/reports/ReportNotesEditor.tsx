/**
 * 本周重点工作 and 问题与建议: written here before the export, kept per period (saved with
 * 保存说明 or Ctrl+S, and by every export), printed and exported with the figures.
 */
import { Button, Stack, TextField, Typography } from '@mui/material';
import { MAX_NOTE_CHARS, noteLabels, type ReportNotes } from '@shared/reports/notes';
import type { PeriodKind } from '@shared/reports/periods';

type Props = {
  kind: PeriodKind;
  notes: ReportNotes;
  onChange: (n: ReportNotes) => void;
  onSave: () => void;
  dirty: boolean;
  busy: boolean;
  error: string | null;
  field?: string;
};

const HINTS: Record<keyof ReportNotes, string> = {
  focus: '本期完成的重点工作、专项活动',
  issues: '需要街道协调解决的问题、工作建议',
};

export function ReportNotesEditor({ kind, notes, onChange, onSave, dirty, busy, error, field }: Props) {
  const labels = noteLabels(kind);
  return (
    <Stack spacing={2}>
      <Stack sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
        {(Object.keys(labels) as (keyof ReportNotes)[]).map((k) => (
          <TextField
            key={k}
            label={labels[k]}
            multiline
            minRows={3}
            value={notes[k]}
            onChange={(e) => onChange({ ...notes, [k]: e.target.value })}
            error={field === k || notes[k].length > MAX_NOTE_CHARS}
            helperText={field === k && error ? error : `${HINTS[k]}（${notes[k].length} / ${MAX_NOTE_CHARS} 字）`}
          />
        ))}
      </Stack>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', displayPrint: 'none' }}>
        <Button variant="outlined" onClick={onSave} disabled={busy || !dirty}>
          保存说明（Ctrl+S）
        </Button>
        <Typography color="text.secondary">{dirty ? '有未保存的修改，导出时会先保存' : '已保存'}</Typography>
        {error && !field && (
          <Typography color="error" role="alert">
            {error}
          </Typography>
        )}
      </Stack>
    </Stack>
  );
}
