/**
 * The periods a summary covers: a week (Monday–Sunday, the 周报), a month, a quarter, a year, or
 * a custom range. Days are local 'YYYY-MM-DD'; a period is inclusive at both ends.
 */
import { addDays, dayOfWeek, daysInMonth, isValidLocalDate, toDayNumber } from '../domain/localDate';

export type Period = { from: string; to: string };
export type PeriodKind = 'week' | 'month' | 'quarter' | 'year' | 'custom';

export const PERIOD_KINDS: readonly { kind: PeriodKind; label: string }[] = [
  { kind: 'week', label: '周' },
  { kind: 'month', label: '月' },
  { kind: 'quarter', label: '季度' },
  { kind: 'year', label: '年' },
  { kind: 'custom', label: '自定义' },
];

/** The longest custom range a summary is made for (a few years; the whole history is longer). */
export const MAX_CUSTOM_DAYS = 366 * 3;

const pad = (n: number) => String(n).padStart(2, '0');
const parts = (day: string) => day.split('-').map(Number) as [number, number, number];

/** Monday–Sunday around `day`. */
export function weekOf(day: string): Period {
  const from = addDays(day, -((dayOfWeek(day) + 6) % 7));
  return { from, to: addDays(from, 6) };
}

function monthSpan(year: number, month: number, months: number): Period {
  const endMonth = month + months - 1;
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(endMonth)}-${pad(daysInMonth(year, endMonth))}` };
}

/** The week, month, quarter or year that holds `day`. */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, day: string): Period {
  const [y, m] = parts(day);
  if (kind === 'week') return weekOf(day);
  if (kind === 'month') return monthSpan(y, m, 1);
  if (kind === 'quarter') return monthSpan(y, Math.floor((m - 1) / 3) * 3 + 1, 3);
  return monthSpan(y, 1, 12);
}

/** Days in the period. */
export function periodLength(p: Period): number {
  return toDayNumber(p.to) - toDayNumber(p.from) + 1;
}

/** The period of the same kind just before `p` (the previous week, month …; for a custom range the same length). */
export function previousPeriod(p: Period, kind: PeriodKind = 'custom'): Period {
  if (kind !== 'custom') return periodOf(kind, addDays(p.from, -1));
  const length = periodLength(p);
  return { from: addDays(p.from, -length), to: addDays(p.from, -1) };
}

/** ISO week number (the week with the year's first Thursday is week 1). */
export function isoWeek(day: string): { year: number; week: number } {
  const thursday = addDays(day, 3 - ((dayOfWeek(day) + 6) % 7));
  const year = parts(thursday)[0];
  return { year, week: Math.floor((toDayNumber(thursday) - toDayNumber(`${year}-01-01`)) / 7) + 1 };
}

const QUARTERS = ['一', '二', '三', '四'];

/** How the period is named on screen, in file titles and on paper. */
export function periodLabel(kind: PeriodKind, p: Period): string {
  const [y, m, d] = parts(p.from);
  const [ty, tm, td] = parts(p.to);
  if (kind === 'week') {
    const w = isoWeek(p.from);
    return `${w.year}年第${w.week}周（${m}月${d}日—${tm}月${td}日）`;
  }
  if (kind === 'month') return `${y}年${m}月`;
  if (kind === 'quarter') return `${y}年第${QUARTERS[Math.floor((m - 1) / 3)]}季度`;
  if (kind === 'year') return `${y}年`;
  return `${y}年${m}月${d}日—${ty}年${tm}月${td}日`;
}

/** A custom range typed by the clerk: a Chinese message, or null when it can be summarised. */
export function validateRange(from: string, to: string): { field: 'from' | 'to'; message: string } | null {
  if (!isValidLocalDate(from)) return { field: 'from', message: '请选择开始日期' };
  if (!isValidLocalDate(to)) return { field: 'to', message: '请选择结束日期' };
  if (to < from) return { field: 'to', message: '结束日期不能早于开始日期' };
  if (periodLength({ from, to }) > MAX_CUSTOM_DAYS) return { field: 'to', message: '自定义范围最长三年，请分段统计' };
  return null;
}

/** The Mondays of the `count` weeks ending with the week of `day`, oldest first (the trend chart). */
export function weeksEndingWith(day: string, count: number): Period[] {
  const last = weekOf(day);
  return Array.from({ length: count }, (_, i) => {
    const from = addDays(last.from, -7 * (count - 1 - i));
    return { from, to: addDays(from, 6) };
  });
}

/** The month keys 'YYYY-MM' a period touches, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let [y, m] = parts(p.from);
  const end = p.to.slice(0, 7);
  for (let key = `${y}-${pad(m)}`; key <= end; key = `${y}-${pad(m)}`) {
    out.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}
