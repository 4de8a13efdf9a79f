/** Words the rota screens share: a day's head, a cell's label and the menu of posts. */
import { LEAVE_TYPES, type LeaveType, type RotaPost } from '@shared/domain/records';
import type { DayCheck } from '@shared/domain/rota';
import { weekdayName } from '@shared/domain/rota';

/** One choice of the cell menu: a post, or 请假 with its type. */
export type PostChoice = { post: RotaPost; leaveType?: LeaveType; label: string };

export const POST_CHOICES: readonly PostChoice[] = [
  { post: '值班岗', label: '值班岗' },
  { post: '走访岗', label: '走访岗' },
  { post: '休息', label: '休息' },
  ...LEAVE_TYPES.map((t) => ({ post: '请假' as const, leaveType: t, label: `请假（${t}）` })),
];

/** '11-28 周六'. */
export const shortDay = (day: string): string => `${day.slice(5)} ${weekdayName(day)}`;

/** The shortfall in words: '11-28 周六 值班岗 1 人，不足 2 人'. */
export const shortText = (c: DayCheck, min: number): string =>
  `${shortDay(c.day)} 值班岗 ${c.onDuty} 人，不足 ${min} 人`;

/**
 * The 工作台's warning: the first `named` short days, then how many more (the grid shows them
 * all); a rota not drawn up at all says so in one line instead of listing every day.
 */
export function shortDaysText(short: readonly DayCheck[], min: number, planned: boolean, named = 3): string {
  if (!planned) return '本周和下周还没有排班';
  const more = short.length > named ? `；另有 ${short.length - named} 天不足` : '';
  return (
    short
      .slice(0, named)
      .map((c) => shortText(c, min))
      .join('；') + more
  );
}
