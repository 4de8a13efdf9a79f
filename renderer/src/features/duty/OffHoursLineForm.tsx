/** 补充登记: a line for work outside standard hours that no record shows, added for oneself. */
import { useState } from 'react';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { OFF_HOURS_CONTENT_MAX, type OffHoursLineInput } from '@shared/domain/offHours';
import { addOffHoursLine } from '../../db/repositories/offHours';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';

export function OffHoursLineForm() {
  const desk = useDesk();
  const today = desk.clock.today();
  const empty: OffHoursLineInput = { day: today, start: '', end: '', content: '' };
  const [form, setForm] = useState<OffHoursLineInput>(empty);
  const [done, setDone] = useState<string | null>(null);
  const guard = useGuardedAction();
  const set = (key: keyof OffHoursLineInput) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const fieldError = (key: keyof OffHoursLineInput) => (guard.field === key ? guard.error : null);
  const submit = async () => {
    setDone(null);
    let added: { day: string; start: string; end: string } | undefined;
    if ((await guard.run(async () => (added = await addOffHoursLine(desk, form)))) && added) {
      setDone(`已登记 ${added.day} ${added.start}–${added.end}`);
      setForm(empty);
    }
  };
  return (
    <Stack
      component="form"
      spacing={1}
      aria-label="补充登记错时服务"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Typography variant="h6" component="h2">
        补充登记
      </Typography>
      <Typography color="text.secondary">记录没有体现的错时服务（如晚间接听居民电话），登记后不能修改。</Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1 }}>
        <TextField
          label="日期"
          value={form.day}
          onChange={set('day')}
          error={!!fieldError('day')}
          helperText={fieldError('day') ?? 'YYYY-MM-DD'}
          sx={{ width: 150 }}
        />
        <TextField
          label="开始时间"
          value={form.start}
          onChange={set('start')}
          error={!!fieldError('start')}
          helperText={fieldError('start') ?? '如 19:00'}
          sx={{ width: fieldError('start') ? 320 : 130 }}
        />
        <TextField
          label="结束时间"
          value={form.end}
          onChange={set('end')}
          error={!!fieldError('end')}
          helperText={fieldError('end') ?? '如 20:30'}
          sx={{ width: 130 }}
        />
        <TextField
          label="服务内容"
          value={form.content}
          onChange={set('content')}
          error={!!fieldError('content')}
          helperText={fieldError('content') ?? `最多 ${OFF_HOURS_CONTENT_MAX} 字`}
          sx={{ flexGrow: 1, minWidth: 240 }}
        />
        <Button type="submit" variant="contained" disabled={guard.busy} sx={{ mt: 1 }}>
          添加
        </Button>
      </Stack>
      {guard.error && !guard.field && <Alert severity="error">{guard.error}</Alert>}
      {done && (
        <Alert severity="success" role="status">
          {done}
        </Alert>
      )}
    </Stack>
  );
}
