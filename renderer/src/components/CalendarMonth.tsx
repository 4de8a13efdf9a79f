/**
 * One month of days to pick from (DateTimeField's calendar): 上个月 / 下个月, the days as
 * buttons named in full ('2026年12月3日'), days outside `earliest`…`latest` disabled. Keyboard:
 * Tab reaches the buttons, Enter or Space picks; the chosen day (or the latest) has the focus
 * when it opens.
 */
import { useState } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import { daysInMonth, dayOfWeek, formatLocalDate, parseLocalDate } from '@shared/domain/localDate';

type Props = {
  label: string;
  /** The chosen day 'YYYY-MM-DD', if any. */
  day?: string;
  latest?: string;
  earliest?: string;
  onPick: (day: string) => void;
};

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

export function CalendarMonth({ label, day, latest, earliest, onPick }: Props) {
  const start = parseLocalDate(day ?? latest ?? earliest ?? '') ?? { year: 2026, month: 1, day: 1 };
  const [month, setMonth] = useState({ year: start.year, month: start.month });
  const focusDay = day ?? latest;
  const move = (delta: number) =>
    setMonth(({ year, month: m }) => {
      const index = year * 12 + (m - 1) + delta;
      return { year: Math.floor(index / 12), month: (index % 12) + 1 };
    });
  const count = daysInMonth(month.year, month.month);
  const first = formatLocalDate({ ...month, day: 1 });
  // Monday first: blank cells before the 1st.
  const blanks = (dayOfWeek(first) + 6) % 7;
  const days = Array.from({ length: count }, (_, i) => formatLocalDate({ ...month, day: i + 1 }));
  const title = `${month.year}年${month.month}月`;
  return (
    <Box role="group" aria-label={`${label}：选择日期`} sx={{ p: 2, width: 320 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Button size="small" onClick={() => move(-1)}>
          上个月
        </Button>
        <Typography component="h2" sx={{ fontSize: '1rem', fontWeight: 600 }} aria-live="polite">
          {title}
        </Typography>
        <Button size="small" onClick={() => move(1)}>
          下个月
        </Button>
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 0.5, textAlign: 'center' }}>
        {WEEK.map((w) => (
          <Typography key={w} aria-hidden="true" sx={{ fontSize: '0.875rem', color: 'text.secondary' }}>
            {w}
          </Typography>
        ))}
        {Array.from({ length: blanks }, (_, i) => (
          <span key={`blank-${i}`} />
        ))}
        {days.map((d, i) => {
          const outside = (latest !== undefined && d > latest) || (earliest !== undefined && d < earliest);
          return (
            <Button
              key={d}
              size="small"
              variant={d === day ? 'contained' : 'text'}
              disabled={outside}
              autoFocus={d === focusDay}
              aria-label={`${title}${i + 1}日`}
              aria-pressed={d === day}
              onClick={() => onPick(d)}
              sx={{ minWidth: 0, p: 0.5, fontSize: '0.875rem' }}
            >
              {i + 1}
            </Button>
          );
        })}
      </Box>
    </Box>
  );
}
