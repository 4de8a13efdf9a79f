/**
 * When the holiday calendar learns a year it did not cover (an admin enters the State Council
 * notice), promised dates that ran through that year were counted with plain weekdays. This
 * recounts them: up to the end of the last covered year both calendars agree, so the working
 * days the old deadline lay beyond that point are counted again with the new calendar.
 */
import type { WorkingCalendar } from './workingCalendar';

export type RebasedDeadline = { deadline: string; uncoveredYears: number[] };

/**
 * @param deadline the promised date computed with `before`
 * @param uncoveredYears the years it ran through that `before` did not cover
 * @param clockStart the day the time limit started counting (acceptance day)
 */
export function rebaseDeadline(
  deadline: string,
  uncoveredYears: readonly number[],
  clockStart: string,
  before: WorkingCalendar,
  after: WorkingCalendar,
): RebasedDeadline {
  if (uncoveredYears.length === 0) return { deadline, uncoveredYears: [] };
  const firstUncovered = Math.min(...uncoveredYears);
  const lastAgreed = `${firstUncovered - 1}-12-31`;
  const from = clockStart > lastAgreed ? clockStart : lastAgreed;
  if (deadline <= from) return { deadline, uncoveredYears: [...uncoveredYears] };
  const days = before.workingDaysBetween(from, deadline);
  const r = after.addWorkingDays(from, days);
  return { deadline: r.date, uncoveredYears: r.uncoveredYears };
}
