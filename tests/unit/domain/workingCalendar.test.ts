import { describe, expect, it } from 'vitest';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { isWorkday as libIsWorkday } from 'chinese-days';
import {
  MAX_WORKING_DAYS,
  OFFICIAL_COVERED_YEARS,
  createCalendar,
  validateOverrides,
} from '../../../shared/domain/workingCalendar';
import type { CalendarOverride } from '../../../shared/domain/workingCalendar';
import { addDays, dayOfWeek, fromDayNumber, toDayNumber } from '../../../shared/domain/localDate';
import { hasChinese, prng, randInt } from './helpers';

const data = chineseDaysData as { holidays: Record<string, string>; workdays: Record<string, string> };
const cal = createCalendar();

/** Independent expectation straight from the chinese-days data table. */
function dataIsWorking(date: string): boolean {
  if (date in data.workdays) return true;
  if (date in data.holidays) return false;
  const w = dayOfWeek(date);
  return w !== 0 && w !== 6;
}

/** Reference implementation: walk forward day by day using the raw data. */
function expectedDeadline(start: string, n: number): string {
  let d = start;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (dataIsWorking(d)) left--;
  }
  return d;
}

describe('coverage detected from chinese-days data', () => {
  const eastOfUtc = new Date(2026, 0, 1).getTimezoneOffset() <= 0;
  const dataYears = [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);

  it('covers exactly the years that have holiday entries in the package data', () => {
    expect(OFFICIAL_COVERED_YEARS).toEqual(dataYears);
    expect(cal.coveredYears).toEqual(dataYears);
  });

  it('chinese-days 1.5.7 covers 2004–2026 contiguously, and not 2027', () => {
    expect(OFFICIAL_COVERED_YEARS[0]).toBe(2004);
    expect(OFFICIAL_COVERED_YEARS[OFFICIAL_COVERED_YEARS.length - 1]).toBe(2026);
    expect(OFFICIAL_COVERED_YEARS).toHaveLength(2026 - 2004 + 1);
    expect(cal.isYearCovered(2026)).toBe(true);
    expect(cal.isYearCovered(2027)).toBe(false);
    expect(cal.isYearCovered(2003)).toBe(false);
  });

  it('documents the library pitfall: chinese-days itself calls 2027-01-01 a workday', () => {
    if (eastOfUtc) expect(libIsWorkday(new Date(2027, 0, 1))).toBe(true);
    expect(cal.describeDay('2027-01-01')).toMatchObject({
      isWorkingDay: true,
      yearCovered: false,
      source: 'weekday-rule',
    });
  });

  // chinese-days' own date handling mixes UTC and local time: west of UTC its public
  // isWorkday() is off by one day (one reason we read its data table instead). The
  // cross-check is therefore only meaningful at UTC or east of it (China is UTC+8).
  it.runIf(eastOfUtc)('agrees with the chinese-days public isWorkday for every day of 2024–2026', () => {
    for (let d = toDayNumber('2024-01-01'); d <= toDayNumber('2026-12-31'); d++) {
      const date = fromDayNumber(d);
      const [y, m, day] = date.split('-').map(Number) as [number, number, number];
      expect(cal.isWorkingDay(date), date).toBe(libIsWorkday(new Date(y, m - 1, day)));
    }
  });
});

describe('known facts of 2026 (verified in the chinese-days data)', () => {
  it('National Day: 1–7 Oct off; Sun 20 Sep and Sat 10 Oct are make-up working days', () => {
    for (let d = 1; d <= 7; d++) {
      const date = `2026-10-0${d}`;
      expect(date in data.holidays).toBe(true);
      expect(cal.isWorkingDay(date)).toBe(false);
    }
    expect(dayOfWeek('2026-09-20')).toBe(0);
    expect(dayOfWeek('2026-10-10')).toBe(6);
    expect('2026-09-20' in data.workdays && '2026-10-10' in data.workdays).toBe(true);
    expect(cal.isWorkingDay('2026-09-20')).toBe(true);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(cal.describeDay('2026-10-10')).toMatchObject({ kind: 'makeupWorkday', source: 'official', name: '国庆节' });
    expect(cal.describeDay('2026-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节', isWorkingDay: false });
  });

  it('承诺件 accepted 2026-09-30 with 3 working days is due 2026-10-10 (a make-up Saturday)', () => {
    const r = cal.addWorkingDays('2026-09-30', 3);
    expect(r).toEqual({ date: expectedDeadline('2026-09-30', 3), uncoveredYears: [] });
    expect(r.date).toBe('2026-10-10'); // 10-08 Thu, 10-09 Fri, 10-10 Sat (补班)
    expect(cal.addWorkingDays('2026-09-30', 1).date).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-09-30', 4).date).toBe('2026-10-12');
  });

  it('accepting on a holiday or weekend: the start day never counts', () => {
    expect(cal.addWorkingDays('2026-10-03', 1).date).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-10-10', 1).date).toBe('2026-10-12'); // start is a working Saturday
    expect(cal.addWorkingDays('2026-11-21', 1).date).toBe('2026-11-23'); // ordinary Saturday
    expect(cal.addWorkingDays('2026-11-24', 0).date).toBe('2026-11-24');
  });

  it('make-up Sunday 2026-09-20 counts as a working day', () => {
    expect(cal.addWorkingDays('2026-09-19', 1).date).toBe('2026-09-20');
    expect(cal.workingDaysBetween('2026-09-18', '2026-09-21')).toBe(2);
  });

  it('Spring Festival 2026: 15–23 Feb off; Sat 14 Feb and Sat 28 Feb are working days', () => {
    for (let d = 15; d <= 23; d++) expect(cal.isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.describeDay('2026-02-17')).toMatchObject({ kind: 'holiday', name: '春节' });
    // Accepted Fri 13 Feb with 5 working days: 14 (Sat, 补班), 24, 25, 26, 27 → 27 Feb.
    expect(cal.addWorkingDays('2026-02-13', 5).date).toBe(expectedDeadline('2026-02-13', 5));
    expect(cal.addWorkingDays('2026-02-13', 5).date).toBe('2026-02-27');
    expect(cal.addWorkingDays('2026-02-13', 6).date).toBe('2026-02-28');
  });

  it('ordinary weekends and weekdays', () => {
    expect(cal.describeDay('2026-11-24')).toMatchObject({
      isWorkingDay: true,
      kind: 'workday',
      source: 'weekday-rule',
    });
    expect(cal.describeDay('2026-11-22')).toMatchObject({ isWorkingDay: false, kind: 'weekend' });
    expect(cal.addWorkingDays('2026-11-20', 1).date).toBe('2026-11-23');
  });
});

describe('uncovered years', () => {
  it('flags every uncovered year passed through', () => {
    const r = cal.addWorkingDays('2026-12-25', 10);
    expect(r.uncoveredYears).toEqual([2027]);
    expect(r.date).toBe(expectedDeadline('2026-12-25', 10));
    expect(cal.addWorkingDays('2026-12-25', 3).uncoveredYears).toEqual([]);
    expect(cal.addWorkingDays('2026-12-30', 600).uncoveredYears).toEqual([2027, 2028, 2029]);
    expect(cal.addWorkingDays('2003-12-30', 2).uncoveredYears).toEqual([2003]);
  });

  it('does not flag the start year when only the start lies in it', () => {
    expect(cal.addWorkingDays('2003-12-31', 1)).toEqual({ date: '2004-01-02', uncoveredYears: [] });
  });
});

describe('overrides', () => {
  const overrides2027: CalendarOverride[] = [
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-01-02', kind: 'holiday', name: '元旦' },
    { date: '2027-01-03', kind: 'holiday', name: '元旦' },
    { date: '2027-01-09', kind: 'workday', name: '元旦补班' },
  ];
  const c = createCalendar({ overrides: overrides2027 });

  it('holiday entries alone do not make a year covered; the admin statement does', () => {
    expect(c.isYearCovered(2027)).toBe(false);
    expect(c.coveredYears).not.toContain(2027);
    expect(c.addWorkingDays('2026-12-25', 10).uncoveredYears).toEqual([2027]);
    expect(c.describeDay('2027-06-01').yearCovered).toBe(false);

    const done = createCalendar({ overrides: overrides2027, completeYears: [2027] });
    expect(done.isYearCovered(2027)).toBe(true);
    expect(done.coveredYears).toContain(2027);
    expect(done.addWorkingDays('2026-12-25', 10).uncoveredYears).toEqual([]);
    expect(done.describeDay('2027-06-01').yearCovered).toBe(true);
    // The statement covers only the years it names.
    expect(done.isYearCovered(2028)).toBe(false);
    expect(done.addWorkingDays('2027-12-24', 10).uncoveredYears).toEqual([2028]);
  });

  it('a single 元旦 entry leaves 2027 uncovered (Spring Festival is flagged) until the year is marked complete', () => {
    const only = createCalendar({ overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    expect(only.isYearCovered(2027)).toBe(false);
    // A deadline counted from late January runs through 春节 2027 (not entered): it must be flagged.
    const r = only.addWorkingDays('2027-01-25', 15);
    expect(r.uncoveredYears).toEqual([2027]);
    expect(only.describeDay('2027-02-08')).toMatchObject({
      isWorkingDay: true,
      source: 'weekday-rule',
      yearCovered: false,
    });
    // The entered day still counts as a holiday.
    expect(only.isWorkingDay('2027-01-01')).toBe(false);

    const marked = createCalendar({
      overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
      completeYears: [2027],
    });
    expect(marked.addWorkingDays('2027-01-25', 15).uncoveredYears).toEqual([]);
  });

  it('ignores implausible complete years and needs no statement for the official years', () => {
    const o = createCalendar({ completeYears: [2027.5, Number.NaN, -1, 12345] as number[] });
    expect(o.coveredYears).toEqual(OFFICIAL_COVERED_YEARS);
    expect(createCalendar({ completeYears: [OFFICIAL_COVERED_YEARS[0]!] }).coveredYears).toEqual(
      OFFICIAL_COVERED_YEARS,
    );
  });

  it('workday-only entries do not make a year covered', () => {
    const w = createCalendar({ overrides: [{ date: '2028-01-08', kind: 'workday' }] });
    expect(w.isYearCovered(2028)).toBe(false);
    expect(w.isWorkingDay('2028-01-08')).toBe(true);
  });

  it('turn days into holidays and working days', () => {
    expect(cal.isWorkingDay('2027-01-01')).toBe(true);
    expect(c.isWorkingDay('2027-01-01')).toBe(false);
    expect(c.describeDay('2027-01-01')).toMatchObject({ kind: 'holiday', source: 'override', name: '元旦' });
    expect(cal.isWorkingDay('2027-01-09')).toBe(false); // Saturday
    expect(c.isWorkingDay('2027-01-09')).toBe(true);
    expect(c.describeDay('2027-01-09')).toMatchObject({ kind: 'makeupWorkday', source: 'override' });
    // 2026-12-31 (Thu) + 2: 2027-01-01 off, 01-02/03 weekend+holiday, 01-04 Mon, 01-05 Tue.
    expect(c.addWorkingDays('2026-12-31', 2).date).toBe('2027-01-05');
    expect(cal.addWorkingDays('2026-12-31', 2).date).toBe('2027-01-04');
  });

  it('win over the official data', () => {
    const o = createCalendar({
      overrides: [
        { date: '2026-10-08', kind: 'holiday', name: '本地调整' },
        { date: '2026-10-03', kind: 'workday' },
      ],
    });
    expect(o.isWorkingDay('2026-10-08')).toBe(false);
    expect(o.isWorkingDay('2026-10-03')).toBe(true);
    expect(o.addWorkingDays('2026-09-30', 1).date).toBe('2026-10-03');
    expect(o.addWorkingDays('2026-09-30', 2).date).toBe('2026-10-09');
  });

  it('invalid entries are ignored and reported in Chinese; the last duplicate wins', () => {
    const bad = [
      { date: '2027-02-30', kind: 'holiday' },
      { date: '2027/02/01', kind: 'holiday' },
      { date: '2027-02-01', kind: 'vacation' },
      { date: '2027-02-02', kind: 'holiday' },
      { date: '2027-02-02', kind: 'workday' },
    ] as unknown as CalendarOverride[];
    const problems = validateOverrides(bad);
    expect(problems).toHaveLength(4);
    for (const p of problems) expect(hasChinese(p)).toBe(true);
    const o = createCalendar({ overrides: bad });
    expect(o.overrideProblems).toEqual(problems);
    expect(o.isWorkingDay('2027-02-02')).toBe(true);
    expect(o.isYearCovered(2027)).toBe(false);
    expect(validateOverrides(overrides2027)).toEqual([]);
  });
});

describe('argument checks', () => {
  it('throws RangeError (Chinese message) on invalid dates and n', () => {
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026/10/01')).toThrow(/YYYY-MM-DD/);
    expect(() => cal.addWorkingDays('2026-10-01', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-10-01', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-10-01', MAX_WORKING_DAYS + 1)).toThrow(RangeError);
    expect(() => cal.workingDaysBetween('2026-10-01', 'tomorrow')).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days in (a, b], negative when b is before a', () => {
    expect(cal.workingDaysBetween('2026-11-24', '2026-11-24')).toBe(0);
    expect(cal.workingDaysBetween('2026-11-23', '2026-11-24')).toBe(1);
    expect(cal.workingDaysBetween('2026-11-20', '2026-11-23')).toBe(1);
    expect(cal.workingDaysBetween('2026-11-21', '2026-11-22')).toBe(0);
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(cal.workingDaysBetween('2026-10-10', '2026-09-30')).toBe(-3);
  });
});

describe('property: addWorkingDays / workingDaysBetween over many starts and N', () => {
  const rand = prng(2026);
  const base = toDayNumber('2025-11-01');
  const span = toDayNumber('2027-03-31') - base;
  const cases = Array.from({ length: 1500 }, () => ({
    start: fromDayNumber(base + randInt(rand, 0, span)),
    n: randInt(rand, 1, 40),
  }));

  it('result is a working day strictly after start, and exactly N working days away', () => {
    for (const { start, n } of cases) {
      const { date, uncoveredYears } = cal.addWorkingDays(start, n);
      const label = `${start} + ${n}`;
      expect(date > start, label).toBe(true);
      expect(cal.isWorkingDay(date), label).toBe(true);
      expect(cal.workingDaysBetween(start, date), label).toBe(n);
      expect(cal.workingDaysBetween(date, start), label).toBe(-n);
      // The day before the result is at N-1 working days: the result is the earliest such day.
      expect(cal.workingDaysBetween(start, addDays(date, -1)), label).toBe(n - 1);
      expect(date, label).toBe(expectedDeadline(start, n));
      expect(uncoveredYears, label).toEqual(date >= '2027-01-01' ? [2027] : []);
    }
  });

  it('is additive: (start + a) + b === start + (a + b)', () => {
    for (const { start, n } of cases.slice(0, 300)) {
      const a = Math.floor(n / 2);
      const mid = cal.addWorkingDays(start, a).date;
      expect(cal.addWorkingDays(mid, n - a).date).toBe(cal.addWorkingDays(start, n).date);
    }
  });
});
