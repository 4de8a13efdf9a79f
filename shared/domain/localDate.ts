/**
 * 本地日历日期工具（纯函数）。
 *
 * All dates in the domain layer are local calendar strings 'YYYY-MM-DD'. They are never
 * produced with `toISOString()` (which shifts entries made before 08:00 in UTC+8 to the
 * previous day). Arithmetic is done on integer day numbers (days since 1970-01-01 in the
 * proleptic Gregorian calendar), so results do not depend on the machine's time zone.
 */

/** A local calendar date split into its parts (month 1–12, day 1–31). */
export type LocalDateParts = { year: number; month: number; day: number };

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True if year/month/day form a real calendar date (year 1000–9999). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1000 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Parses a strict 'YYYY-MM-DD' string; returns null for any other shape or an impossible date. */
export function parseLocalDate(value: string): LocalDateParts | null {
  const m = LOCAL_DATE_RE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

/** True if `value` is a strict, real 'YYYY-MM-DD' date. */
export function isValidLocalDate(value: string): boolean {
  return parseLocalDate(value) !== null;
}

/** Formats parts as 'YYYY-MM-DD'. */
export function formatLocalDate(parts: LocalDateParts): string {
  const y = String(parts.year).padStart(4, '0');
  const mo = String(parts.month).padStart(2, '0');
  const d = String(parts.day).padStart(2, '0');
  return `${y}-${mo}-${d}`;
}

/**
 * Converts a JS Date to its *local* calendar date 'YYYY-MM-DD' (uses the Date's local
 * getters, never toISOString). The caller supplies the Date, e.g. its `now`.
 */
export function toLocalDateString(date: Date): string {
  return formatLocalDate({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });
}

function requireDate(value: string): LocalDateParts {
  const parts = parseLocalDate(value);
  if (!parts) throw new RangeError('日期格式应为 YYYY-MM-DD，且必须是真实存在的日期');
  return parts;
}

/** Days since 1970-01-01 for a 'YYYY-MM-DD' string. Throws RangeError on an invalid date. */
export function toDayNumber(value: string): number {
  const { year, month, day } = requireDate(value);
  // Howard Hinnant's days_from_civil.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link toDayNumber}. */
export function fromDayNumber(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatLocalDate({ year, month, day });
}

/** Adds `days` (may be negative) calendar days to a 'YYYY-MM-DD' date. */
export function addDays(value: string, days: number): string {
  return fromDayNumber(toDayNumber(value) + days);
}

/** Day of week: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(value: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(value) + 4) % 7) + 7) % 7;
}

/** Negative if a < b, 0 if equal, positive if a > b (valid 'YYYY-MM-DD' strings compare lexically). */
export function compareLocalDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A local date and time as typed into a 24-hour field, made 'YYYY-MM-DDTHH:mm':
 * '2026-11-26 9:30', '2026/11/26 09:30', '20261126 0930', full-width digits. Anything that is
 * not a real date and time is returned trimmed, for the form's validator to refuse.
 */
export function normalizeLocalDateTime(raw: string): string {
  const t = raw.normalize('NFKC').trim();
  const m = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})[ T]+(\d{1,2}):?(\d{2})$/.exec(t);
  if (!m) return t;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59) return t;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${y}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}`;
}
