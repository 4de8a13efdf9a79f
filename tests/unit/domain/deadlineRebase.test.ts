import { describe, expect, it } from 'vitest';
import { rebaseDeadline } from '@shared/domain/deadlineRebase';
import { createCalendar } from '@shared/domain/workingCalendar';

describe('recounting promised dates when a year is entered', () => {
  const before = createCalendar();
  // The 2027 notice as an admin might enter it: 元旦 1–3 January, Spring Festival 6–12 February
  // with make-up working days on Sunday 31 January and Saturday 20 February.
  const overrides = [
    { date: '2027-01-01', kind: 'holiday' as const },
    ...['06', '07', '08', '09', '10', '11', '12'].map((d) => ({ date: `2027-02-${d}`, kind: 'holiday' as const })),
    { date: '2027-01-31', kind: 'workday' as const },
    { date: '2027-02-20', kind: 'workday' as const },
  ];
  const after = createCalendar({ overrides, completeYears: [2027] });

  it('a 10-working-day case accepted 2026-12-28 moves past 元旦 and is no longer flagged', () => {
    const old = before.addWorkingDays('2026-12-28', 10);
    expect(old.uncoveredYears).toEqual([2027]);
    const r = rebaseDeadline(old.date, old.uncoveredYears, '2026-12-28', before, after);
    expect(r).toEqual({ deadline: after.addWorkingDays('2026-12-28', 10).date, uncoveredYears: [] });
    expect(r.deadline > old.date).toBe(true);
    expect(after.isWorkingDay(r.deadline)).toBe(true);
  });

  it('a case counted across Spring Festival 2027 lands where the new calendar says', () => {
    const start = '2027-02-01';
    const old = before.addWorkingDays(start, 15);
    const r = rebaseDeadline(old.date, old.uncoveredYears, start, before, after);
    expect(r.deadline).toBe(after.addWorkingDays(start, 15).date);
  });

  it('leaves covered deadlines alone', () => {
    expect(rebaseDeadline('2026-11-27', [], '2026-11-24', before, after)).toEqual({
      deadline: '2026-11-27',
      uncoveredYears: [],
    });
  });
});
