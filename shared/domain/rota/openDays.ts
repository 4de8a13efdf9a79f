/**
 * Whether the center is open on a day, and its hours: the working calendar decides the kind of
 * day (法定节假日 closed; a 调休 working Saturday or Sunday keeps weekday hours), the community's
 * opening hours the rest (weekend hours of equal start and end, or none: closed at weekends).
 */
import type { OpeningHours, RotaPost } from '../records';
import type { DayKind, WorkingCalendar } from '../workingCalendar';

export type DayOpening = {
  day: string;
  kind: DayKind;
  /** Open to residents: the 值班岗 minimum applies. */
  open: boolean;
  /** The hours, 'HH:mm', when open. */
  hours?: { start: string; end: string };
  /** The calendar's name of a holiday or a 调休 working day (e.g. 国庆节). */
  name?: string;
};

const hasHours = (h: { start: string; end: string } | undefined): h is { start: string; end: string } =>
  !!h && /^\d{2}:\d{2}$/.test(h.start) && /^\d{2}:\d{2}$/.test(h.end) && h.start < h.end;

export function dayOpening(day: string, hours: OpeningHours, calendar: WorkingCalendar): DayOpening {
  const info = calendar.describeDay(day);
  const base = { day, kind: info.kind, ...(info.name ? { name: info.name } : {}) };
  if (info.kind === 'holiday') return { ...base, open: false };
  const span = info.kind === 'weekend' ? hours.weekend : hours.weekday;
  return hasHours(span)
    ? { ...base, open: true, hours: { start: span.start, end: span.end } }
    : { ...base, open: false };
}

/** A 值班岗 on a 法定节假日: holiday duty, marked on the grid and on paper. */
export const isHolidayDuty = (opening: Pick<DayOpening, 'kind'>, post: RotaPost | undefined): boolean =>
  opening.kind === 'holiday' && post === '值班岗';
