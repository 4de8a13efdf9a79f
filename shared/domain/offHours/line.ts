/** 补充登记: the rule for a line a staff member adds to their 错时服务 (checked at the form and in the write). */
import { normalizeClockTime } from '../community';
import { isValidLocalDate } from '../localDate';
import type { OpeningHours } from '../records';
import { charCount } from '../textLength';
import type { WorkingCalendar } from '../workingCalendar';
import { offHoursPartOfSpan, type OffHoursPart } from './standardHours';

export type OffHoursLineInput = { day: string; start: string; end: string; content: string };
export type OffHoursLineField = keyof OffHoursLineInput;
export type OffHoursLineCheck =
  { ok: true; line: OffHoursLineInput; part: OffHoursPart } | { ok: false; field: OffHoursLineField; message: string };

export const OFF_HOURS_CONTENT_MAX = 200;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The line as stored (times normalised, text trimmed), or the first field at fault with its message. */
export function checkOffHoursLine(
  raw: OffHoursLineInput,
  ctx: { today: string; calendar: WorkingCalendar; hours: OpeningHours },
): OffHoursLineCheck {
  const refuse = (field: OffHoursLineField, message: string): OffHoursLineCheck => ({ ok: false, field, message });
  const line = {
    day: raw.day.trim(),
    start: normalizeClockTime(raw.start),
    end: normalizeClockTime(raw.end),
    content: raw.content.trim(),
  };
  if (!isValidLocalDate(line.day)) return refuse('day', '请填写日期（YYYY-MM-DD）');
  if (line.day > ctx.today) return refuse('day', '不能登记今天以后的服务');
  if (!TIME.test(line.start)) return refuse('start', '请填写开始时间（如 19:30）');
  if (!TIME.test(line.end)) return refuse('end', '请填写结束时间（如 21:00）');
  if (line.end <= line.start) return refuse('end', '结束时间应晚于开始时间');
  if (!line.content) return refuse('content', '请写明做了什么');
  if (charCount(line.content) > OFF_HOURS_CONTENT_MAX)
    return refuse('content', `服务内容最多 ${OFF_HOURS_CONTENT_MAX} 字`);
  const part = offHoursPartOfSpan(line.day, line.start, line.end, ctx.calendar, ctx.hours);
  if (!part) {
    const { start, end } = ctx.hours.weekday;
    return refuse('start', `该时段在标准工作时间（工作日 ${start}–${end}）之内，不算错时服务`);
  }
  return { ok: true, line, part };
}
