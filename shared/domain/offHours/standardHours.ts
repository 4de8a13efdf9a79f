/**
 * 标准工作时间 and what lies outside it (错时). Standard hours are the community's weekday
 * opening hours on a working day of the working calendar — an ordinary Mon–Fri or a 调休
 * Saturday/Sunday (调休上班). Outside them is 错时: before opening or after closing on a working
 * day, and the whole of a rest day (an ordinary weekend, a 法定节假日). The weekend opening hours
 * are themselves 错时服务: the center opens when offices are closed.
 */
import type { OpeningHours } from '../records';
import type { WorkingCalendar } from '../workingCalendar';

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
