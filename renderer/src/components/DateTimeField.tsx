/**
 * A date and 24-hour time in one field ('2026-11-26 09:30'), the same in every browser
 * language (the native date-time input shows 'AM/PM' in an English one). The value handed on
 * is 'YYYY-MM-DDTHH:mm' once it is a real date and time, else what was typed (the form's own
 * check then says what is wrong).
 */
import { useState } from 'react';
import { TextField } from '@mui/material';
import { normalizeLocalDateTime } from '@shared/domain/localDate';

type Props = { label: string; value: string; onChange: (value: string) => void; error?: boolean; helperText?: string };

const shown = (v: string) => v.replace('T', ' ');

export function DateTimeField({ label, value, onChange, error, helperText }: Props) {
  const [text, setText] = useState(shown(value));
  return (
    <TextField
      label={label}
      value={text}
      placeholder="2026-11-26 09:30"
      onChange={(e) => {
        setText(e.target.value);
        onChange(normalizeLocalDateTime(e.target.value));
      }}
      onBlur={() => setText(shown(normalizeLocalDateTime(text)))}
      error={error}
      helperText={helperText ?? '日期和时间（24 小时制），如 2026-11-26 09:30'}
    />
  );
}
