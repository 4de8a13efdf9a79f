/**
 * 工作日历：法定节假日、调休补班与管理员录入的节假日安排。
 *
 * Wraps the data of `chinese-days` (official holidays and 调休 make-up working days, as
 * published by the State Council) and an override table maintained by an admin for years
 * the package does not cover yet (e.g. 2027), or for local corrections. Overrides win.
 *
 * Why the raw data and not `isWorkday()`: chinese-days treats any year it has no data for
 * as plain Mon–Fri workdays without telling anyone, and its date parsing mixes UTC and
 * local time. We read its shipped data table (`dist/chinese-days.json`) and do our own
 * time-zone-free weekday arithmetic on 'YYYY-MM-DD' strings.
 *
 * Coverage: a year is covered if chinese-days has holiday entries for it, or an admin has
 * stated that the year's arrangement is completely entered (`completeYears`). Override
 * entries alone never cover a year: a table holding only 元旦 says nothing about 春节, so
 * deadlines running through that year must still be flagged. Counting through an uncovered
 * year still works (overrides apply, otherwise weekends off, Mon–Fri on) but
 * `addWorkingDays` reports those years so the UI can show "节假日安排未录入".
 *
 * Deadline rule for a 承诺件 accepted on day D with a limit of N working days: the deadline
 * is the N-th working day strictly after D (D itself never counts, whatever D is).
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { dayOfWeek, fromDayNumber, isValidLocalDate, toDayNumber } from './localDate';

export type CalendarOverride = {
  /** 'YYYY-MM-DD' local date. */
  date: string;
  kind: 'holiday' | 'workday';
  /** e.g. '春节' or '春节调休补班'. */
  name?: string;
};

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeupWorkday';

export type DayInfo = {
  date: string;
  isWorkingDay: boolean;
  /** workday = ordinary Mon–Fri; weekend = ordinary Sat/Sun; holiday = 放假; makeupWorkday = 调休上班. */
  kind: DayKind;
  /** Where the answer came from. */
  source: 'override' | 'official' | 'weekday-rule';
  /** Chinese holiday name when known, e.g. '国庆节'. */
  name?: string;
  yearCovered: boolean;
};

export type AddWorkingDaysResult = {
  date: string;
  /** Uncovered years among the days counted (strictly after start, up to the result), ascending. */
  uncoveredYears: number[];
};

export type WorkingCalendar = {
  /** Covered years, ascending (official data ∪ years an admin marked as completely entered). */
  readonly coveredYears: readonly number[];
  /** Problems found in the override table (invalid entries are ignored), in Chinese. */
  readonly overrideProblems: readonly string[];
  isYearCovered(year: number): boolean;
  isWorkingDay(date: string): boolean;
  describeDay(date: string): DayInfo;
  /** The n-th working day strictly after `start` (n = 0 returns `start`). */
  addWorkingDays(start: string, n: number): AddWorkingDaysResult;
  /**
   * Working days in (a, b] when a < b; 0 when equal; minus the working days in (b, a] when
   * a > b. So `workingDaysBetween(today, deadline)` is the working days left (negative when
   * overdue) and `workingDaysBetween(start, addWorkingDays(start, n).date) === n`.
   */
  workingDaysBetween(a: string, b: string): number;
};

export type CreateCalendarOptions = {
  overrides?: readonly CalendarOverride[];
  /**
   * Years not in the bundled data whose 放假/调休 arrangement an admin has declared completely
   * entered in `overrides`. Only these (and the official years) count as covered. Values
   * that are not a plausible year (see `isCalendarYear`) are ignored.
   */
  completeYears?: readonly number[];
};

type RawData = {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

type OfficialEntry = { working: boolean; name: string };

/** Upper bound for `addWorkingDays` n (about 40 years) — guards against runaway loops. */
export const MAX_WORKING_DAYS = 10_000;

function chineseName(raw: string): string {
  // Format in chinese-days: "English name,中文名,天数".
  const parts = raw.split(',');
  return (parts.length >= 2 ? parts[1] : parts[0])?.trim() ?? '';
}

function buildOfficial(data: RawData): { days: Map<string, OfficialEntry>; years: Set<number> } {
  const days = new Map<string, OfficialEntry>();
  const years = new Set<number>();
  for (const [date, raw] of Object.entries(data.holidays)) {
    if (!isValidLocalDate(date)) continue;
    days.set(date, { working: false, name: chineseName(raw) });
    years.add(Number(date.slice(0, 4)));
  }
  for (const [date, raw] of Object.entries(data.workdays)) {
    if (!isValidLocalDate(date)) continue;
    days.set(date, { working: true, name: chineseName(raw) });
  }
  return { days, years };
}

const OFFICIAL = buildOfficial(chineseDaysData as RawData);

/** Years for which chinese-days (the installed version) has holiday data, ascending. */
export const OFFICIAL_COVERED_YEARS: readonly number[] = Object.freeze([...OFFICIAL.years].sort((a, b) => a - b));

/** A year the calendar can be told about: an integer 1900–9999 ('YYYY' dates only). */
export function isCalendarYear(year: unknown): year is number {
  return typeof year === 'number' && Number.isInteger(year) && year >= 1900 && year <= 9999;
}

/** Whether the bundled chinese-days data has the holiday arrangement of `year`. */
export function isOfficialYear(year: number): boolean {
  return OFFICIAL.years.has(year);
}

function requireDate(date: string): void {
  if (!isValidLocalDate(date)) throw new RangeError('日期格式应为 YYYY-MM-DD，且必须是真实存在的日期');
}

/**
 * Checks an override table and returns problems in Chinese (empty array = fine):
 * invalid dates, unknown kinds, and the same date entered twice with different kinds.
 */
export function validateOverrides(overrides: readonly CalendarOverride[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, CalendarOverride['kind']>();
  overrides.forEach((o, i) => {
    const row = i + 1;
    if (typeof o?.date !== 'string' || !isValidLocalDate(o.date)) {
      problems.push(`第 ${row} 条：日期无效，应为 YYYY-MM-DD`);
      return;
    }
    if (o.kind !== 'holiday' && o.kind !== 'workday') {
      problems.push(`第 ${row} 条：类型应为“放假”或“上班”`);
      return;
    }
    const prev = seen.get(o.date);
    if (prev !== undefined && prev !== o.kind) problems.push(`第 ${row} 条：${o.date} 重复录入且类型矛盾`);
    seen.set(o.date, o.kind);
  });
  return problems;
}

/**
 * Creates a working-day calendar from chinese-days data plus an admin override table and the
 * admin's list of completely entered years. Invalid override entries are ignored and listed
 * in `overrideProblems`; for duplicate dates the last entry wins.
 */
export function createCalendar(options: CreateCalendarOptions = {}): WorkingCalendar {
  const overrides = options.overrides ?? [];
  const overrideProblems = validateOverrides(overrides);
  const overrideMap = new Map<string, CalendarOverride>();
  for (const o of overrides) {
    if (typeof o?.date !== 'string' || !isValidLocalDate(o.date)) continue;
    if (o.kind !== 'holiday' && o.kind !== 'workday') continue;
    overrideMap.set(o.date, o);
  }
  const declaredComplete = (options.completeYears ?? []).filter(isCalendarYear);
  const coveredSet = new Set<number>([...OFFICIAL.years, ...declaredComplete]);
  const coveredYears = Object.freeze([...coveredSet].sort((a, b) => a - b));

  const isYearCovered = (year: number): boolean => coveredSet.has(year);

  const describeDay = (date: string): DayInfo => {
    requireDate(date);
    const weekday = dayOfWeek(date);
    const isWeekend = weekday === 0 || weekday === 6;
    const yearCovered = isYearCovered(Number(date.slice(0, 4)));
    const base = { date, yearCovered };
    const o = overrideMap.get(date);
    if (o) {
      const working = o.kind === 'workday';
      const kind: DayKind = working ? (isWeekend ? 'makeupWorkday' : 'workday') : 'holiday';
      const info: DayInfo = { ...base, isWorkingDay: working, kind, source: 'override' };
      if (o.name) info.name = o.name;
      return info;
    }
    const official = OFFICIAL.days.get(date);
    if (official) {
      return {
        ...base,
        isWorkingDay: official.working,
        kind: official.working ? 'makeupWorkday' : 'holiday',
        source: 'official',
        name: official.name,
      };
    }
    return { ...base, isWorkingDay: !isWeekend, kind: isWeekend ? 'weekend' : 'workday', source: 'weekday-rule' };
  };

  const isWorkingDayByNumber = (dayNumber: number, date: string): boolean => {
    const o = overrideMap.get(date);
    if (o) return o.kind === 'workday';
    const official = OFFICIAL.days.get(date);
    if (official) return official.working;
    const weekday = (((dayNumber + 4) % 7) + 7) % 7;
    return weekday !== 0 && weekday !== 6;
  };

  const isWorkingDay = (date: string): boolean => isWorkingDayByNumber(toDayNumber(date), date);

  const addWorkingDays = (start: string, n: number): AddWorkingDaysResult => {
    requireDate(start);
    if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
      throw new RangeError(`工作日天数应为 0～${MAX_WORKING_DAYS} 的整数`);
    }
    let dayNumber = toDayNumber(start);
    let date = start;
    let remaining = n;
    const uncovered = new Set<number>();
    while (remaining > 0) {
      dayNumber += 1;
      date = fromDayNumber(dayNumber);
      const year = Number(date.slice(0, 4));
      if (!coveredSet.has(year)) uncovered.add(year);
      if (isWorkingDayByNumber(dayNumber, date)) remaining -= 1;
    }
    return { date, uncoveredYears: [...uncovered].sort((a, b) => a - b) };
  };

  const countAfterUpTo = (from: number, to: number): number => {
    let count = 0;
    for (let d = from + 1; d <= to; d++) if (isWorkingDayByNumber(d, fromDayNumber(d))) count += 1;
    return count;
  };

  const workingDaysBetween = (a: string, b: string): number => {
    const da = toDayNumber(a);
    const db = toDayNumber(b);
    if (da === db) return 0;
    return da < db ? countAfterUpTo(da, db) : -countAfterUpTo(db, da);
  };

  return {
    coveredYears,
    overrideProblems: Object.freeze(overrideProblems),
    isYearCovered,
    isWorkingDay,
    describeDay,
    addWorkingDays,
    workingDaysBetween,
  };
}
