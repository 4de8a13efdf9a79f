/** Issue 9 item 9: opening hours are typed as 24-hour times, whatever the browser's language. */
import { describe, expect, it } from 'vitest';
import { normalizeClockTime, validateOpeningHours } from '../../../shared/domain/community';
import { normalizeLocalDateTime } from '../../../shared/domain/localDate';

describe('normalizeClockTime', () => {
  it.each([
    ['8:00', '08:00'],
    ['0830', '08:30'],
    ['830', '08:30'],
    ['18:30', '18:30'],
    ['１８：３０', '18:30'],
    [' 9:05 ', '09:05'],
  ])('%s → %s', (raw, time) => expect(normalizeClockTime(raw)).toBe(time));

  it('leaves what is not a time for the validator to refuse', () => {
    expect(normalizeClockTime('25:00')).toBe('25:00');
    expect(normalizeClockTime('8 AM')).toBe('8 AM');
    const h = {
      weekday: { start: normalizeClockTime('8 AM'), end: '18:00' },
      weekend: { start: '09:00', end: '12:00' },
    };
    expect(validateOpeningHours(h)).toBe('工作日开放时间格式应为 时:分，如 08:00');
  });
});

describe('normalizeLocalDateTime (预约时间, 报到时间)', () => {
  it.each([
    ['2026-11-26 09:30', '2026-11-26T09:30'],
    ['2026-11-26T09:30', '2026-11-26T09:30'],
    ['2026/11/26 9:30', '2026-11-26T09:30'],
    ['20261126 0930', '2026-11-26T09:30'],
    ['２０２６-１１-２６ １８：０５', '2026-11-26T18:05'],
  ])('%s → %s', (raw, value) => expect(normalizeLocalDateTime(raw)).toBe(value));

  it('leaves what is not a real date and time for the form to refuse', () => {
    for (const raw of ['2026-02-30 09:00', '2026-11-26 24:00', '11/26 9:30 AM', ''])
      expect(normalizeLocalDateTime(raw)).toBe(raw.trim());
  });
});
