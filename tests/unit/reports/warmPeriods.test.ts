/** The closed periods a 站长's sign-in warms (shared/reports/warmPeriods.ts): last week, month, year. */
import { describe, expect, it } from 'vitest';
import { periodsToWarm } from '@shared/reports/warmPeriods';
import { keepable } from '@shared/reports/keptSummaries';
import { addDays } from '@shared/domain/localDate';

describe('periodsToWarm', () => {
  it('last week, last month and last year, each compared with the one before', () => {
    expect(periodsToWarm('2026-11-24')).toEqual([
      {
        kind: 'week',
        period: { from: '2026-11-16', to: '2026-11-22' },
        previous: { from: '2026-11-09', to: '2026-11-15' },
      },
      {
        kind: 'month',
        period: { from: '2026-10-01', to: '2026-10-31' },
        previous: { from: '2026-09-01', to: '2026-09-30' },
      },
      {
        kind: 'year',
        period: { from: '2025-01-01', to: '2025-12-31' },
        previous: { from: '2024-01-01', to: '2024-12-31' },
      },
    ]);
  });

  it.each(['2026-01-01', '2026-03-01', '2026-11-23', '2026-11-29', '2028-02-29'])(
    'on %s each is the last one over (so it is kept), not an older one',
    (today) => {
      const [week, month, year] = periodsToWarm(today);
      for (const r of [week!, month!, year!]) expect(keepable(r.period, r.previous, today)).toBe(true);
      // The period after each holds today.
      expect(addDays(week!.period.to, 1) <= today && today <= addDays(week!.period.to, 7)).toBe(true);
      expect(addDays(month!.period.to, 1)).toBe(`${today.slice(0, 7)}-01`);
      expect(addDays(year!.period.to, 1)).toBe(`${today.slice(0, 4)}-01-01`);
    },
  );
});
