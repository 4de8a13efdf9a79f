/**
 * 时限状态：a case's remaining working days and its warning level, shown wherever a case is listed.
 *
 * Rules (限时办结制, brief §5):
 * - remaining = working days in (today, deadline] (`calendar.workingDaysBetween(today, deadline)`).
 * - 即将超期 from one working day before the deadline, including the deadline day itself
 *   (remaining ≤ 1 and today ≤ deadline); 已超期 on any day after the deadline.
 * - A paused case (待补正) shows 已暂停: its deadline moves when it resumes, so counting down from
 *   today would be wrong. When the pause day is known, the working days left at the pause are
 *   shown instead — resuming preserves exactly that number.
 * Pure: today and the calendar are passed in.
 */
import type { CaseStatus } from './records';
import type { WorkingCalendar } from './workingCalendar';

export type TimeLimitKind = '正常' | '即将超期' | '已超期' | '已暂停' | '无时限';

export type TimeLimitStatus = {
  kind: TimeLimitKind;
  /** Working days from today to the deadline; negative when overdue. Absent without a deadline. */
  remainingWorkingDays?: number;
  /** Working days after the deadline up to today (≥ 0), only for 已超期. */
  overdueWorkingDays?: number;
  /** Short Chinese label, e.g. '剩 3 个工作日', '今日到期', '超期 2 个工作日'. */
  label: string;
};

/**
 * Time-limit status of a deadline on `today`.
 * @param deadline 承诺办结日期 'YYYY-MM-DD', or undefined when the case has none (yet).
 * @param paused true while the case waits for documents (待补正).
 * @param pausedFrom the day the pause began; when given with a deadline, the working days left
 *   at that day are reported (the number the case will have again when it resumes).
 */
export function timeLimitStatus(
  deadline: string | undefined,
  today: string,
  calendar: WorkingCalendar,
  paused: boolean,
  pausedFrom?: string,
): TimeLimitStatus {
  if (paused) {
    if (deadline !== undefined && pausedFrom !== undefined) {
      const left = calendar.workingDaysBetween(pausedFrom, deadline) + 0;
      if (left < 0) return { kind: '已超期', overdueWorkingDays: -left, label: `已超期 ${-left} 个工作日（待补正）` };
      return { kind: '已暂停', remainingWorkingDays: left, label: `已暂停（剩 ${left} 个工作日）` };
    }
    return { kind: '已暂停', label: '已暂停（待补正）' };
  }
  if (deadline === undefined) return { kind: '无时限', label: '无时限' };
  // `+ 0` turns the -0 that workingDaysBetween can return for "no working days back" into 0.
  const remaining = calendar.workingDaysBetween(today, deadline) + 0;
  if (today > deadline) {
    const overdue = 0 - remaining;
    return {
      kind: '已超期',
      remainingWorkingDays: remaining,
      overdueWorkingDays: overdue,
      label: overdue > 0 ? `超期 ${overdue} 个工作日` : '已超期',
    };
  }
  if (today === deadline) return { kind: '即将超期', remainingWorkingDays: 0, label: '今日到期' };
  return {
    kind: remaining <= 1 ? '即将超期' : '正常',
    remainingWorkingDays: remaining,
    label: `剩 ${remaining} 个工作日`,
  };
}

const CLOSED: readonly CaseStatus[] = ['已办结', '已归档', '不予受理'];

/**
 * Time-limit status of a case as listed: finished cases have no running limit ('无时限', label
 * '已结束'); 待补正 is paused; everything else counts down to the deadline.
 */
export function caseTimeLimitStatus(
  c: { status: CaseStatus; deadline?: string; pause?: { from: string }; acceptedDay?: string },
  today: string,
  calendar: WorkingCalendar,
): TimeLimitStatus {
  if (CLOSED.includes(c.status)) return { kind: '无时限', label: '已结束' };
  if (c.status === '待补正') {
    return timeLimitStatus(c.deadline, today, calendar, true, c.pause?.from ?? c.acceptedDay);
  }
  return timeLimitStatus(c.deadline, today, calendar, false);
}
