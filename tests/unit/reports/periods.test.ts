import { describe, expect, it } from 'vitest';
import {
  isoWeek,
  monthsOf,
  periodLabel,
  periodOf,
  previousPeriod,
  validateRange,
  weeksEndingWith,
} from '@shared/reports/periods';
import { reportMonthsOf } from '@shared/reports/reportIndex';
import { initialChoice, resolveChoice, stepChoice } from '../../../renderer/src/features/reports/reportPeriod';
import { oldCase } from '../../db/shippedSchemas';

describe('report periods', () => {
  it('a week is Monday–Sunday; months, quarters and years are calendar ones', () => {
    expect(periodOf('week', '2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22' }); // a Sunday
    expect(periodOf('week', '2026-11-16')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(periodOf('month', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodOf('quarter', '2026-11-24')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('year', '2026-03-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('the previous period is of the same kind; a custom one of the same length', () => {
    expect(previousPeriod({ from: '2026-11-16', to: '2026-11-22' }, 'week')).toEqual({
      from: '2026-11-09',
      to: '2026-11-15',
    });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' }, 'month')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-03-31' }, 'quarter')).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(previousPeriod({ from: '2026-11-01', to: '2026-11-10' })).toEqual({ from: '2026-10-22', to: '2026-10-31' });
  });

  it('names weeks by ISO number, across the year end', () => {
    expect(isoWeek('2026-11-16')).toEqual({ year: 2026, week: 47 });
    expect(isoWeek('2026-12-28')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(periodLabel('week', periodOf('week', '2026-11-18'))).toBe('2026年第47周（11月16日—11月22日）');
    expect(periodLabel('quarter', periodOf('quarter', '2026-11-18'))).toBe('2026年第四季度');
  });

  it('checks a custom range at its field', () => {
    expect(validateRange('', '2026-11-01')).toEqual({ field: 'from', message: '请选择开始日期' });
    expect(validateRange('2026-11-10', '2026-11-01')).toEqual({ field: 'to', message: '结束日期不能早于开始日期' });
    expect(validateRange('2020-01-01', '2026-11-01')?.message).toBe('自定义范围最长三年，请分段统计');
    expect(validateRange('2026-11-01', '2026-11-01')).toBeNull();
  });

  it('the trend weeks and the months a period touches', () => {
    expect(weeksEndingWith('2026-11-24', 3).map((w) => w.from)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
    expect(monthsOf({ from: '2025-11-20', to: '2026-02-03' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('a case counts in the months from acceptance to its last reportable day', () => {
    const c = oldCase('1', {
      acceptedDay: '2026-08-30',
      completedDay: '2026-09-02',
      rating: '不满意',
      ratedAt: Date.parse('2026-09-30T23:30:00+08:00'),
      rectification: { status: '已完成', openedDay: '2026-09-30', dueDay: '2026-10-28', closedDay: '2026-10-20' },
    });
    expect(reportMonthsOf(c)).toEqual(['2026-08', '2026-09', '2026-10']);
  });

  it('the page opens on last week and steps by periods', () => {
    const c = initialChoice('2026-11-24');
    expect(resolveChoice(c)).toMatchObject({ period: { from: '2026-11-16', to: '2026-11-22' } });
    expect(stepChoice(c, -1)).toMatchObject({ from: '2026-11-09', to: '2026-11-15' });
    expect(stepChoice(stepChoice(c, 1), 1)).toMatchObject({ from: '2026-11-30', to: '2026-12-06' });
    const month = { ...c, kind: 'month' as const, day: '2026-01-15' };
    expect(stepChoice(month, -1)).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
    const custom = { kind: 'custom' as const, day: '', from: '2026-11-01', to: '2026-11-10' };
    expect(stepChoice(custom, 1)).toMatchObject({ from: '2026-11-11', to: '2026-11-20' });
    expect(resolveChoice({ ...custom, to: '2026-10-01' })).toEqual({
      error: { field: 'to', message: '结束日期不能早于开始日期' },
    });
  });
});
