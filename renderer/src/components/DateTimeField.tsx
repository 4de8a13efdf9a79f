/**
 * A date and 24-hour time in one field ('2026-11-26 09:30'), the same in every browser
 * language (the native date-time input shows 'AM/PM' in an English one). The value handed on
 * is 'YYYY-MM-DDTHH:mm' once it is a real date and time, else what was typed (the form's own
 * check then says what is wrong).
 *
 * ↑ / ↓ move the part under the caret (year, month, day, hour or minute) by one; the calendar
 * button picks the day (the time is kept). With `latest` / `earliest` the field says at once,
 * in Chinese, when the time is after or before them (the rule's own check refuses it too).
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { IconButton, InputAdornment, Popover, TextField } from '@mui/material';
import { normalizeLocalDateTime } from '@shared/domain/localDate';
import { CalendarMonth } from './CalendarMonth';

/** A bound: the instant (epoch ms) and what it is, for the message ('当前时间', '上报时间'). */
export type TimeBound = { at: number; what: string };

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: boolean;
  helperText?: string;
  latest?: TimeBound;
  earliest?: TimeBound;
};

const shown = (v: string) => v.replace('T', ' ');
const pad = (n: number) => String(n).padStart(2, '0');
const HINT = '日期和时间（24 小时制），如 2026-11-26 09:30；↑↓ 调整光标处的数字';

/** 'YYYY-MM-DDTHH:mm' of a local Date. */
function format(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant of a normalised value, or NaN. */
function instantOf(value: string): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? new Date(value).getTime() : Number.NaN;
}

/** The value with the part at `caret` ('YYYY-MM-DD HH:mm' positions) moved by `delta`. */
export function stepDateTime(value: string, caret: number, delta: number): string {
  const at = instantOf(value);
  if (Number.isNaN(at)) return value;
  const d = new Date(at);
  if (caret <= 4) d.setFullYear(d.getFullYear() + delta);
  else if (caret <= 7) d.setMonth(d.getMonth() + delta);
  else if (caret <= 10) d.setDate(d.getDate() + delta);
  else if (caret <= 13) d.setHours(d.getHours() + delta);
  else d.setMinutes(d.getMinutes() + delta);
  return format(d);
}

/** The field's own message for a time outside its bounds, or null. */
export function boundMessage(label: string, value: string, latest?: TimeBound, earliest?: TimeBound): string | null {
  const at = instantOf(value);
  if (Number.isNaN(at)) return null;
  // Minutes are what the clerk sees: a bound is compared at the minute it falls in.
  const minute = (ms: number) => Math.floor(ms / 60_000);
  if (latest && minute(at) > minute(latest.at)) return `${label}不能晚于${latest.what}`;
  if (earliest && minute(at) < minute(earliest.at)) return `${label}不能早于${earliest.what}`;
  return null;
}

export function DateTimeField({ label, value, onChange, error, helperText, latest, earliest }: Props) {
  const [text, setText] = useState(shown(value));
  const [calendarAt, setCalendarAt] = useState<HTMLElement | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const own = boundMessage(label, value, latest, earliest);

  function put(next: string, caret?: number) {
    setText(shown(next));
    onChange(next);
    if (caret !== undefined) requestAnimationFrame(() => input.current?.setSelectionRange(caret, caret));
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const normal = normalizeLocalDateTime(text);
    if (Number.isNaN(instantOf(normal))) return;
    e.preventDefault();
    const caret = e.currentTarget.selectionStart ?? text.length;
    put(stepDateTime(normal, caret, e.key === 'ArrowUp' ? 1 : -1), caret);
  }

  const normal = normalizeLocalDateTime(text);
  const day = Number.isNaN(instantOf(normal)) ? undefined : normal.slice(0, 10);
  const time = day ? normal.slice(11) : '00:00';
  return (
    <>
      <TextField
        label={label}
        value={text}
        inputRef={input}
        placeholder="2026-11-26 09:30"
        onChange={(e) => {
          setText(e.target.value);
          onChange(normalizeLocalDateTime(e.target.value));
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setText(shown(normalizeLocalDateTime(text)))}
        error={error || own !== null}
        helperText={(error ? helperText : null) ?? own ?? helperText ?? HINT}
        slotProps={{
          input: {
            endAdornment: (
              <InputAdornment position="end">
                {/* Named without the field's label, so the label finds the field alone. */}
                <IconButton aria-label="打开日历选日期" onClick={(e) => setCalendarAt(e.currentTarget)}>
                  <span aria-hidden="true" style={{ fontSize: 14 }}>
                    日历
                  </span>
                </IconButton>
              </InputAdornment>
            ),
          },
        }}
      />
      <Popover
        open={calendarAt !== null}
        anchorEl={calendarAt}
        onClose={() => setCalendarAt(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <CalendarMonth
          label={label}
          day={day}
          latest={latest && format(new Date(latest.at)).slice(0, 10)}
          earliest={earliest && format(new Date(earliest.at)).slice(0, 10)}
          onPick={(picked) => {
            setCalendarAt(null);
            put(`${picked}T${time}`);
            input.current?.focus();
          }}
        />
      </Popover>
    </>
  );
}
