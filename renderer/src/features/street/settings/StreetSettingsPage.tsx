/**
 * 设置 of a street office (issue 27): the street's settings (周报截止, 按时办结率阈值, 报到时限 —
 * shared/domain/street/settings.ts; 街道管理员 edits, 街道工作人员 reads) and its accounts
 * (工作人员, the community's StaffManager offering street roles only).
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, MenuItem, Paper, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { can } from '@shared/domain/roles';
import {
  normalizeTime,
  validateStreetSettings,
  WEEKDAY_LABELS,
  type IsoWeekday,
  type StreetSettings,
} from '@shared/domain/street/settings';
import { useDesk } from '../../../app/desk';
import { useStaff } from '../../../app/session';
import { useGuardedAction } from '../../../app/useGuardedAction';
import { updateStreetSettings } from '../../../db/repositories/street/install';
import { StaffManager } from '../../settings/StaffManager';

const TABS = ['街道设置', '工作人员'] as const;

export function StreetSettingsPage() {
  const staff = useStaff();
  const [tab, setTab] = useState<(typeof TABS)[number]>('街道设置');
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        设置
      </Typography>
      <Paper>
        <Tabs value={tab} onChange={(_, v: (typeof TABS)[number]) => setTab(v)} aria-label="设置分类">
          {TABS.map((t) => (
            <Tab key={t} value={t} label={t} />
          ))}
        </Tabs>
      </Paper>
      {tab === '街道设置' && <StreetSettingsForm canEdit={can(staff, 'street.manage')} />}
      {tab === '工作人员' && <StaffManager canEdit={can(staff, 'staff.manage')} />}
    </Stack>
  );
}

type Form = { deadlineWeekday: IsoWeekday; deadlineTime: string; onTimeThreshold: string; checkInDays: string };

const formOf = (s: StreetSettings): Form => ({
  deadlineWeekday: s.deadlineWeekday,
  deadlineTime: s.deadlineTime,
  onTimeThreshold: String(s.onTimeThreshold),
  checkInDays: String(s.checkInDays),
});

/** The typed form as settings (numbers as typed: a wrong one is refused at its field). */
const settingsOf = (f: Form): StreetSettings => ({
  deadlineWeekday: f.deadlineWeekday,
  deadlineTime: normalizeTime(f.deadlineTime),
  onTimeThreshold: f.onTimeThreshold.trim() === '' ? NaN : Number(f.onTimeThreshold.normalize('NFKC')),
  checkInDays: f.checkInDays.trim() === '' ? NaN : Number(f.checkInDays.normalize('NFKC')),
});

function StreetSettingsForm({ canEdit }: { canEdit: boolean }) {
  const desk = useDesk();
  const saved = desk.street?.settings;
  const [form, setForm] = useState<Form | null>(saved ? formOf(saved) : null);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [done, setDone] = useState(false);
  const { run, error, field } = useGuardedAction();
  if (!form) return null;
  const shown = fieldError ?? (error && field ? { field, message: error } : null);
  const at = (name: keyof Form) => (shown?.field === name ? shown.message : undefined);
  const set = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setFieldError(null);
    setDone(false);
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    const settings = settingsOf(form);
    const refused = validateStreetSettings(settings);
    if (refused) return setFieldError({ field: refused.field, message: refused.reason });
    if (await run(() => updateStreetSettings(desk, settings))) setDone(true);
  }

  return (
    <Paper sx={{ p: 2 }}>
      <Stack component="form" spacing={2} onSubmit={(e) => void save(e)} aria-label="街道设置" sx={{ maxWidth: 560 }}>
        <Typography>各社区每周周报的报送截止时间（上一周的周报），以及汇总和吹哨事项使用的标准。</Typography>
        <Stack direction="row" spacing={2}>
          <TextField
            select
            label="报送截止（星期）"
            value={form.deadlineWeekday}
            onChange={(e) => set({ deadlineWeekday: Number(e.target.value) as IsoWeekday })}
            disabled={!canEdit}
            sx={{ minWidth: 180 }}
            error={Boolean(at('deadlineWeekday'))}
            helperText={at('deadlineWeekday') ?? '周报所属周之后的这一天'}
          >
            {([1, 2, 3, 4, 5, 6, 7] as const).map((d) => (
              <MenuItem key={d} value={d}>
                {WEEKDAY_LABELS[d]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="报送截止（时间）"
            value={form.deadlineTime}
            onChange={(e) => set({ deadlineTime: e.target.value })}
            disabled={!canEdit}
            error={Boolean(at('deadlineTime'))}
            helperText={at('deadlineTime') ?? '24 小时制，如 12:00'}
          />
        </Stack>
        <TextField
          label="按时办结率阈值（%）"
          value={form.onTimeThreshold}
          onChange={(e) => set({ onTimeThreshold: e.target.value })}
          disabled={!canEdit}
          error={Boolean(at('onTimeThreshold'))}
          helperText={at('onTimeThreshold') ?? '低于此值的社区在汇总中标出'}
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        />
        <TextField
          label="报到时限（天）"
          value={form.checkInDays}
          onChange={(e) => set({ checkInDays: e.target.value })}
          disabled={!canEdit}
          error={Boolean(at('checkInDays'))}
          helperText={at('checkInDays') ?? '上报事项超过此天数未报到的，在吹哨事项中标出'}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        {error && !field && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        {done && (
          <Alert severity="success" role="status">
            已保存街道设置
          </Alert>
        )}
        {canEdit ? (
          <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
            保存街道设置
          </Button>
        ) : (
          <Typography>只有街道管理员可以修改这些设置。</Typography>
        )}
      </Stack>
    </Paper>
  );
}
