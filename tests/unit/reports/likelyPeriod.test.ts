/** Issue 25 item 17: the period 统计报表 opens on, by the day of the week (and of the month …). */
import { describe, expect, it } from 'vitest';
import { likelyPeriod, periodPlace } from '@shared/reports/likelyPeriod';
import { initialChoice, resolveChoice } from '../../../renderer/src/features/reports/reportPeriod';

const THIS_WEEK = { from: '2026-11-30', to: '2026-12-06' };
const LAST_WEEK = { from: '2026-11-23', to: '2026-11-29' };

describe('the week the report opens on', () => {
  it.each([
    ['2026-11-30', '周一', LAST_WEEK],
    ['2026-12-01', '周二', LAST_WEEK],
    ['2026-12-02', '周三', LAST_WEEK],
    ['2026-12-03', '周四', THIS_WEEK],
    ['2026-12-04', '周五', THIS_WEEK],
    ['2026-12-05', '周六', THIS_WEEK],
    ['2026-12-06', '周日', THIS_WEEK],
  ])('%s (%s) → %o', (today, _day, week) => {
    expect(likelyPeriod('week', today)).toEqual(week);
    expect(resolveChoice(initialChoice(today))).toMatchObject({ period: week });
  });

  it.each([
    ['month', '2026-12-03', { from: '2026-11-01', to: '2026-11-30' }],
    ['month', '2026-12-04', { from: '2026-12-01', to: '2026-12-31' }],
    ['quarter', '2026-10-02', { from: '2026-07-01', to: '2026-09-30' }],
    ['quarter', '2026-11-24', { from: '2026-10-01', to: '2026-12-31' }],
    ['year', '2027-01-01', { from: '2026-01-01', to: '2026-12-31' }],
    ['year', '2026-06-01', { from: '2026-01-01', to: '2026-12-31' }],
  ] as const)('%s on %s → %o', (kind, today, period) => {
    expect(likelyPeriod(kind, today)).toEqual(period);
  });

  it.each([
    ['week', THIS_WEEK, '本周'],
    ['week', LAST_WEEK, '上周'],
    ['week', { from: '2026-11-16', to: '2026-11-22' }, ''],
    ['month', { from: '2026-11-01', to: '2026-11-30' }, '上月'],
    ['custom', THIS_WEEK, ''],
  ] as const)('%s %o on 2026-12-03 is “%s”', (kind, period, word) => {
    expect(periodPlace(kind, period, '2026-12-03')).toBe(word);
  });
});
