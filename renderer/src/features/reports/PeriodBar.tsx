/**
 * Which period the report covers: 周 / 月 / 季度 / 年 / 自定义, a day picked in the calendar
 * (the week, month … holding it), or the two days of a custom range; 上一期 / 下一期. The one
 * period control of the reports: 统计报表 and the street's 汇总 (which offers no custom range).
 */
import { Button, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { PERIOD_KINDS, periodOf, type PeriodKind } from '@shared/reports/periods';
import { stepChoice, type PeriodChoice } from './reportPeriod';

const NO_PRINT = { mt: 1, displayPrint: 'none' } as const;

type Props = {
  choice: PeriodChoice;
  onChange: (c: PeriodChoice) => void;
  label: string;
  error?: { field: 'from' | 'to'; message: string };
  /** The kinds offered (all, 自定义 included, unless given: the street's 汇总 offers 周/月/季度/年). */
  kinds?: readonly PeriodKind[];
};

export function PeriodBar({ choice, onChange, label, error, kinds }: Props) {
  const offered = kinds ? PERIOD_KINDS.filter((k) => kinds.includes(k.kind)) : PERIOD_KINDS;
  const pick = (kind: PeriodKind) => {
    if (kind === 'custom') return onChange({ ...choice, kind });
    onChange({ ...choice, kind, ...periodOf(kind, choice.day) });
  };
  const date = (name: 'day' | 'from' | 'to', text: string, helper: string) => (
    <TextField
      type="date"
      label={text}
      value={choice[name]}
      onChange={(e) => {
        const v = e.target.value;
        if (name !== 'day') return onChange({ ...choice, [name]: v });
        if (v && choice.kind !== 'custom') onChange({ ...choice, day: v, ...periodOf(choice.kind, v) });
      }}
      error={error?.field === name}
      helperText={error?.field === name ? error.message : helper}
      slotProps={{ inputLabel: { shrink: true } }}
      sx={{ width: 220, displayPrint: 'none' }}
    />
  );
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1 }}>
      <ToggleButtonGroup
        exclusive
        value={choice.kind}
        onChange={(_, k: PeriodKind | null) => k && pick(k)}
        aria-label="统计周期"
        size="medium"
        sx={{ displayPrint: 'none' }}
      >
        {offered.map((k) => (
          <ToggleButton key={k.kind} value={k.kind} sx={{ px: 2 }}>
            {k.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {choice.kind === 'custom' ? (
        <>
          {date('from', '开始日期', '含当天')}
          {date('to', '结束日期', '含当天，最长三年')}
        </>
      ) : (
        date('day', '统计日期', '统计所选日期所在的周期')
      )}
      <Button variant="outlined" onClick={() => onChange(stepChoice(choice, -1))} sx={NO_PRINT}>
        上一期
      </Button>
      <Button variant="outlined" onClick={() => onChange(stepChoice(choice, 1))} sx={NO_PRINT}>
        下一期
      </Button>
      <Typography role="status" sx={{ mt: 1.5, fontWeight: 600 }}>
        {label}
      </Typography>
    </Stack>
  );
}
