/** Time-limit status (正常 / 即将超期 / 已超期 / 已暂停 / 无时限) and archive numbers. */
import { describe, expect, it } from 'vitest';
import { caseTimeLimitStatus, timeLimitStatus } from '../../../shared/domain/timeLimit';
import {
  ARCHIVE_MESSAGES,
  archiveCounterKeyFor,
  archiveYearOf,
  formatArchiveNumber,
  isValidArchiveNumber,
  parseArchiveNumber,
} from '../../../shared/domain/caseNumbers';
import { createCalendar } from '../../../shared/domain/workingCalendar';
import { addDays } from '../../../shared/domain/localDate';
import { hasChinese, prng, randInt, toFullWidth } from './helpers';

const cal = createCalendar();

describe('timeLimitStatus', () => {
  // Deadline Mon 2026-11-30.
  const rows: [string, string, string, number, string][] = [
    ['2026-11-23', '正常', '剩 5 个工作日', 5, 'acceptance day'],
    ['2026-11-24', '正常', '剩 4 个工作日', 4, ''],
    ['2026-11-26', '正常', '剩 2 个工作日', 2, ''],
    ['2026-11-27', '即将超期', '剩 1 个工作日', 1, 'one working day before'],
    ['2026-11-28', '即将超期', '剩 1 个工作日', 1, 'weekend before the deadline'],
    ['2026-11-29', '即将超期', '剩 1 个工作日', 1, 'weekend before the deadline'],
    ['2026-11-30', '即将超期', '今日到期', 0, 'deadline day'],
    ['2026-12-01', '已超期', '超期 1 个工作日', -1, ''],
    ['2026-12-03', '已超期', '超期 3 个工作日', -3, ''],
    ['2026-12-06', '已超期', '超期 4 个工作日', -4, 'Sunday after Tue–Fri overdue'],
  ];
  for (const [today, kind, label, remaining, why] of rows) {
    it(`${today} → ${label} ${why}`, () => {
      const r = timeLimitStatus('2026-11-30', today, cal, false);
      expect(r).toMatchObject({ kind, label, remainingWorkingDays: remaining });
      if (kind === '已超期') expect(r.overdueWorkingDays).toBe(-remaining);
      else expect(r.overdueWorkingDays).toBeUndefined();
    });
  }

  it('the day after a Friday deadline is overdue even with 0 working days past', () => {
    expect(timeLimitStatus('2026-11-27', '2026-11-28', cal, false)).toEqual({
      kind: '已超期',
      remainingWorkingDays: 0,
      overdueWorkingDays: 0,
      label: '已超期',
    });
    expect(timeLimitStatus('2026-11-27', '2026-11-30', cal, false).label).toBe('超期 1 个工作日');
  });

  it('holidays do not count: eight calendar days before a post-National-Day deadline is 即将超期', () => {
    expect(timeLimitStatus('2026-10-08', '2026-09-30', cal, false)).toMatchObject({
      kind: '即将超期',
      remainingWorkingDays: 1,
    });
    expect(timeLimitStatus('2026-10-08', '2026-09-29', cal, false)).toMatchObject({
      kind: '正常',
      remainingWorkingDays: 2,
    });
    // 调休 Saturday 2026-10-10 counts as a working day.
    expect(timeLimitStatus('2026-10-12', '2026-10-09', cal, false)).toMatchObject({
      kind: '正常',
      remainingWorkingDays: 2,
    });
  });

  it('no deadline → 无时限; paused → 已暂停 (with the days left at the pause when known)', () => {
    expect(timeLimitStatus(undefined, '2026-11-24', cal, false)).toEqual({ kind: '无时限', label: '无时限' });
    expect(timeLimitStatus(undefined, '2026-11-24', cal, true)).toEqual({ kind: '已暂停', label: '已暂停（待补正）' });
    expect(timeLimitStatus('2026-11-30', '2026-12-20', cal, true)).toEqual({
      kind: '已暂停',
      label: '已暂停（待补正）',
    });
    expect(timeLimitStatus('2026-11-30', '2026-12-20', cal, true, '2026-11-24')).toEqual({
      kind: '已暂停',
      remainingWorkingDays: 4,
      label: '已暂停（剩 4 个工作日）',
    });
  });

  it('property: kind and numbers agree with a day-by-day count (seeded)', () => {
    const rand = prng(99);
    for (let i = 0; i < 3000; i++) {
      const deadline = addDays('2025-12-01', randInt(rand, 0, 420));
      const today = addDays(deadline, randInt(rand, -25, 25));
      const r = timeLimitStatus(deadline, today, cal, false);
      let left = 0;
      for (let d = addDays(today, 1); d <= deadline; d = addDays(d, 1)) if (cal.isWorkingDay(d)) left++;
      let over = 0;
      for (let d = addDays(deadline, 1); d <= today; d = addDays(d, 1)) if (cal.isWorkingDay(d)) over++;
      const ctx = `${deadline} @ ${today}`;
      expect(hasChinese(r.label), ctx).toBe(true);
      if (today > deadline) {
        expect(r.kind, ctx).toBe('已超期');
        expect(r.overdueWorkingDays, ctx).toBe(over);
      } else {
        expect(r.remainingWorkingDays, ctx).toBe(left);
        expect(r.kind, ctx).toBe(left <= 1 ? '即将超期' : '正常');
      }
    }
  });
});

describe('caseTimeLimitStatus', () => {
  it('finished cases have no running limit', () => {
    for (const status of ['已办结', '已归档', '不予受理'] as const) {
      expect(caseTimeLimitStatus({ status, deadline: '2026-11-30' }, '2026-12-20', cal)).toEqual({
        kind: '无时限',
        label: '已结束',
      });
    }
  });
  it('待补正 is paused; its remaining days are those at the pause day', () => {
    expect(caseTimeLimitStatus({ status: '待补正', acceptedDay: '2026-11-23' }, '2026-11-25', cal).kind).toBe('已暂停');
    expect(
      caseTimeLimitStatus(
        { status: '待补正', deadline: '2026-11-30', pause: { from: '2026-11-26' } },
        '2026-12-10',
        cal,
      ),
    ).toMatchObject({ kind: '已暂停', remainingWorkingDays: 2 });
  });
  it('open cases count down to the deadline', () => {
    for (const status of ['已受理', '办理中', '待签收', '已上报街道'] as const) {
      expect(caseTimeLimitStatus({ status, deadline: '2026-11-30' }, '2026-11-30', cal).label).toBe('今日到期');
    }
  });
});

describe('archive numbers', () => {
  it('formats and parses', () => {
    expect(formatArchiveNumber({ communityCode: 'YLQ', year: 2026, seq: 42 })).toBe('YLQ-GD-2026-00042');
    expect(formatArchiveNumber({ communityCode: 'YLQ', year: 2026, seq: 123456 })).toBe('YLQ-GD-2026-123456');
    expect(archiveCounterKeyFor('YLQ', 2026)).toBe('YLQ-GD-2026');
    expect(archiveYearOf('2026-12-31')).toBe(2026);
    expect(parseArchiveNumber('YLQ-GD-2026-00042')).toEqual({ ok: true, communityCode: 'YLQ', year: 2026, seq: 42 });
    expect(parseArchiveNumber(toFullWidth(' ylq-gd-2026-00042 '))).toMatchObject({ ok: true, seq: 42 });
  });

  it('rejects malformed numbers with Chinese messages', () => {
    expect(parseArchiveNumber('YLQ-2026-00042')).toEqual({ ok: false, message: ARCHIVE_MESSAGES.format });
    expect(parseArchiveNumber('YLQ-GD-2026-0042')).toEqual({ ok: false, message: ARCHIVE_MESSAGES.format });
    expect(parseArchiveNumber('YLQ-GD-2026-00000')).toEqual({ ok: false, message: ARCHIVE_MESSAGES.seq });
    expect(parseArchiveNumber('YLQ-GD-2026-012345')).toEqual({ ok: false, message: ARCHIVE_MESSAGES.seq });
    expect(parseArchiveNumber('YLQ-GD-0999-00001')).toEqual({ ok: false, message: ARCHIVE_MESSAGES.year });
    expect(() => formatArchiveNumber({ communityCode: 'ylq', year: 2026, seq: 1 })).toThrow(RangeError);
    expect(() => formatArchiveNumber({ communityCode: 'YLQ', year: 2026, seq: 0 })).toThrow(RangeError);
    expect(() => archiveYearOf('2026-02-30')).toThrow(RangeError);
  });

  it('isValidArchiveNumber accepts only the canonical form', () => {
    expect(isValidArchiveNumber('YLQ-GD-2026-00042')).toBe(true);
    expect(isValidArchiveNumber('ylq-gd-2026-00042')).toBe(false);
    expect(isValidArchiveNumber(' YLQ-GD-2026-00042')).toBe(false);
    expect(isValidArchiveNumber('')).toBe(false);
  });
});
