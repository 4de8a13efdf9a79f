import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareLocalDates,
  dayOfWeek,
  daysInMonth,
  fromDayNumber,
  isValidLocalDate,
  parseLocalDate,
  toDayNumber,
  toLocalDateString,
} from '../../../shared/domain/localDate';

describe('localDate', () => {
  it('parses only strict, real YYYY-MM-DD dates', () => {
    expect(parseLocalDate('2026-11-24')).toEqual({ year: 2026, month: 11, day: 24 });
    for (const bad of [
      '2026-2-3',
      '2026/11/24',
      '20261124',
      '2026-11-31',
      '2026-02-29',
      '2026-13-01',
      '0999-01-01',
      ' 2026-11-24',
    ]) {
      expect(isValidLocalDate(bad), bad).toBe(false);
    }
    expect(isValidLocalDate('2024-02-29')).toBe(true);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('day numbers match the Unix epoch and round-trip over 300 years', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2026-11-24')).toBe(Date.UTC(2026, 10, 24) / 86_400_000);
    for (let d = toDayNumber('1900-01-01'); d <= toDayNumber('2200-12-31'); d += 37) {
      const s = fromDayNumber(d);
      expect(toDayNumber(s)).toBe(d);
      expect(s).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it('adds days across month, year and leap boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('weekday: 2026-11-24 is a Tuesday, 1970-01-01 a Thursday', () => {
    expect(dayOfWeek('2026-11-24')).toBe(2);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });

  it('toLocalDateString uses local getters, never UTC', () => {
    // 07:30 local on 24 Nov: whatever the machine zone, the local date is the 24th.
    expect(toLocalDateString(new Date(2026, 10, 24, 7, 30))).toBe('2026-11-24');
    expect(toLocalDateString(new Date(2026, 10, 24, 0, 0))).toBe('2026-11-24');
    expect(toLocalDateString(new Date(2026, 10, 24, 23, 59))).toBe('2026-11-24');
  });

  it('compares', () => {
    expect(compareLocalDates('2026-01-02', '2026-01-10')).toBeLessThan(0);
    expect(compareLocalDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(compareLocalDates('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
  });
});
