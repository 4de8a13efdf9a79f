/**
 * A 24-hour time field ('HH:mm'), the same in every browser language: the native time input
 * follows the browser's locale and shows '08:00 AM' in an English one. Typing '0830' or '8:30'
 * becomes '08:30' on leaving the field.
 */
import { TextField } from '@mui/material';
import { normalizeClockTime } from '@shared/domain/community';

type Props = { label: string; value: string; onChange: (value: string) => void; error?: boolean };

export function TimeField({ label, value, onChange, error }: Props) {
  return (
    <TextField
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={() => onChange(normalizeClockTime(value))}
      placeholder="08:00"
      error={error}
      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 5 } }}
      sx={{ maxWidth: '10em' }}
    />
  );
}
