/**
 * A street office's settings (issue 27), one module: the weekly report deadline (a weekday and a
 * time in the week after the period; default Monday 12:00 for the week before), the on-time-rate
 * threshold below which a community is an outlier in 汇总 (default 90%), and the 报到 limit of
 * 吹哨事项 in days (default 2). Defaults and validation here; 周报接收 reads the deadline (逾期),
 * 汇总 the threshold, 吹哨事项 the 报到 limit. Pure: local dates and 'HH:mm' times, no clock.
 */
import { addDays, dayOfWeek } from '../localDate';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type StreetSettings = {
  /** The weekday, in the week after the period ends, by which a week's package is due. */
  deadlineWeekday: IsoWeekday;
  /** The time of day on that weekday, 'HH:mm' (24 h). */
  deadlineTime: string;
  /** A community's on-time rate below this percentage is marked (汇总). */
  onTimeThreshold: number;
  /** 吹哨事项: a department that has not 报到 within this many days is marked overdue. */
  checkInDays: number;
};

export const DEFAULT_STREET_SETTINGS: StreetSettings = {
  deadlineWeekday: 1,
  deadlineTime: '12:00',
  onTimeThreshold: 90,
  checkInDays: 2,
};

export const WEEKDAY_LABELS: Record<IsoWeekday, string> = {
  1: '周一',
  2: '周二',
  3: '周三',
  4: '周四',
  5: '周五',
  6: '周六',
  7: '周日',
};

export type StreetSettingsField = keyof StreetSettings;
export type StreetSettingsRefusal = { field: StreetSettingsField; reason: string };

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The first refusal of `s` (Chinese, with its field), or null when every value is acceptable. */
export function validateStreetSettings(s: StreetSettings): StreetSettingsRefusal | null {
  if (!Number.isInteger(s.deadlineWeekday) || s.deadlineWeekday < 1 || s.deadlineWeekday > 7)
    return { field: 'deadlineWeekday', reason: '请选择报送截止的星期' };
  if (!TIME_RE.test(s.deadlineTime)) return { field: 'deadlineTime', reason: '截止时间应为 00:00–23:59，如 12:00' };
  if (!Number.isFinite(s.onTimeThreshold) || s.onTimeThreshold < 0 || s.onTimeThreshold > 100)
    return { field: 'onTimeThreshold', reason: '按时办结率阈值应为 0–100 之间的数' };
  if (!Number.isInteger(s.checkInDays) || s.checkInDays < 1 || s.checkInDays > 30)
    return { field: 'checkInDays', reason: '报到时限应为 1–30 的整数天' };
  return null;
}

/** A time as typed ('9:30', '０９：３０', '0930') made 'HH:mm'; anything else returned trimmed. */
export function normalizeTime(raw: string): string {
  const t = raw.normalize('NFKC').trim();
  const m = /^(\d{1,2}):?(\d{2})$/.exec(t);
  if (!m) return t;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/**
 * When the package of a period ending on `to` (a local day) is due, as a local 'YYYY-MM-DDTHH:mm':
 * the first `deadlineWeekday` after `to`, at `deadlineTime` (the default: the Monday after the
 * week, 12:00).
 */
export function reportDeadline(to: string, s: Pick<StreetSettings, 'deadlineWeekday' | 'deadlineTime'>): string {
  const weekday = dayOfWeek(to) || 7; // ISO weekday of `to` (Sunday 7)
  const ahead = ((s.deadlineWeekday - weekday + 6) % 7) + 1; // 1 … 7 days after `to`
  return `${addDays(to, ahead)}T${s.deadlineTime}`;
}
