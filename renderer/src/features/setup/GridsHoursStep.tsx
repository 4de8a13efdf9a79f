import { Stack, TextField, Typography } from '@mui/material';
import { TimeField } from '../../components/TimeField';
import type { OpeningHours } from '@shared/domain/records';
import { fieldState, type StepProps } from './stepProps';

type Span = keyof OpeningHours;
type End = 'start' | 'end';

const TIME_FIELDS: { span: Span; end: End; label: string }[] = [
  { span: 'weekday', end: 'start', label: '工作日开始' },
  { span: 'weekday', end: 'end', label: '工作日结束' },
  { span: 'weekend', end: 'start', label: '周末开始' },
  { span: 'weekend', end: 'end', label: '周末结束' },
];

export function GridsHoursStep({ form, errors, update }: StepProps) {
  const setTime = (span: Span, end: End, value: string) =>
    update({ openingHours: { ...form.openingHours, [span]: { ...form.openingHours[span], [end]: value } } });
  const hours = fieldState(errors, 'openingHours', '错时工作制：默认工作日 08:00–18:00，周末 09:00–12:00');
  return (
    <Stack spacing={2}>
      <TextField
        label="网格名称（每行一个）"
        autoFocus
        multiline
        minRows={4}
        value={form.grids}
        onChange={(e) => update({ grids: e.target.value })}
        onKeyDown={(e) => {
          // Enter adds a line here; Ctrl+Enter goes on to the next step.
          if (e.key === 'Enter' && e.ctrlKey) (e.target as HTMLElement).closest('form')?.requestSubmit();
        }}
        {...fieldState(errors, 'grids', '如：第一网格、第二网格……（Ctrl+Enter 下一步）')}
      />
      <Typography component="h2" variant="h6">
        开放时间
      </Typography>
      <Stack direction="row" spacing={2}>
        {TIME_FIELDS.map(({ span, end, label }) => (
          <TimeField
            key={label}
            label={label}
            value={form.openingHours[span][end]}
            onChange={(v) => setTime(span, end, v)}
            error={hours.error}
          />
        ))}
      </Stack>
      <Typography color={hours.error ? 'error' : 'text.secondary'} role={hours.error ? 'alert' : undefined}>
        {hours.helperText}
      </Typography>
    </Stack>
  );
}
