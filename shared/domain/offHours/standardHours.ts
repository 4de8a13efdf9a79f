/**
 * 标准工作时间 and what lies outside it (错时). Standard hours are the community's weekday
 * opening hours on a working day of the working calendar — an ordinary Mon–Fri or a 调休
 * Saturday/Sunday (调休上班). Outside them is 错时: before opening or after closing on a working
 * day, and the whole of a rest day (an ordinary weekend, a 法定节假日). The weekend opening hours
 * are themselves 错时服务: the center opens when offices are closed.
 */
import type { OpeningHours } from '../records';
import type { WorkingCalendar } from '../workingCalendar';
import { addDays } from '../localDate';

/** Which part of the day lies outside standard hours: 早间 (before opening), 晚间 (after closing), 休息日 (all day). */
export type OffHoursPart = 'early' | 'evening' | 'restDay';

export const OFF_HOURS_PART_LABELS: Record<OffHoursPart, string> = {
  early: '早间',
  evening: '晚间',
  restDay: '休息日',
};

/** Minutes since midnight of a valid 'HH:MM'. */
export const minuteOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Minutes since local midnight of an instant (the machine's local time, as days are). */
export function localMinuteOf(at: number): number {
  const d = new Date(at);
  return d.getHours() * 60 + d.getMinutes();
}

/** The off-hours part of a moment of a day, or null within standard hours. */
export function offHoursPartAt(
  day: string,
  minute: number,
  calendar: WorkingCalendar,
  hours: OpeningHours,
): OffHoursPart | null {
  if (!calendar.isWorkingDay(day)) return 'restDay';
  if (minute < minuteOf(hours.weekday.start)) return 'early';
  if (minute >= minuteOf(hours.weekday.end)) return 'evening';
  return null;
}

/**
 * The part of a span [start, end) of one day that lies outside standard hours, or null when all
 * of it lies within: its start's part, else its end's (a span running past closing is 晚间).
 */
export function offHoursPartOfSpan(
  day: string,
  start: string,
  end: string,
  calendar: WorkingCalendar,
  hours: OpeningHours,
): OffHoursPart | null {
  return (
    offHoursPartAt(day, minuteOf(start), calendar, hours) ?? offHoursPartAt(day, minuteOf(end) - 1, calendar, hours)
  );
}

/** A span of local time, 'YYYY-MM-DDTHH:MM' at both ends, the end excluded. */
export type LocalSpan = { start: string; end: string };

/**
 * Every moment of the days [from, to] that lies outside standard hours, as few spans of local
 * time as cover them: a working day's early part [00:00, opening) and evening part [closing,
 * 24:00), a rest day whole — an evening, the rest days after it and the next working day's early
 * part make ONE span. A moment is inside a span exactly when `offHoursPartAt` gives it a part
 * (so a read by instant over these spans finds only the moments the 错时 table counts).
 */
export function offHoursSpans(from: string, to: string, calendar: WorkingCalendar, hours: OpeningHours): LocalSpan[] {
  const spans: LocalSpan[] = [];
  const add = (start: string, end: string) => {
    if (start >= end) return;
    const last = spans[spans.length - 1];
    if (last && start <= last.end) {
      if (end > last.end) last.end = end;
    } else spans.push({ start, end });
  };
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const next = `${addDays(day, 1)}T00:00`;
    if (!calendar.isWorkingDay(day)) {
      add(`${day}T00:00`, next);
      continue;
    }
    add(`${day}T00:00`, `${day}T${hours.weekday.start}`);
    add(`${day}T${hours.weekday.end}`, next);
  }
  return spans;
}
