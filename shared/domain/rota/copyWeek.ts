/**
 * 复制上周: last week's cells moved seven days on. Leave and swaps belong to their week and are
 * not copied; a person no longer active is left out; a cell already set this week to 请假 stays
 * (leave entered in advance wins).
 */
import { addDays } from '../localDate';
import type { RotaCell } from './check';

export function copyWeek(
  lastWeek: readonly RotaCell[],
  thisWeek: readonly RotaCell[],
  activeStaff: ReadonlySet<string>,
): RotaCell[] {
  const onLeave = new Set(thisWeek.filter((c) => c.post === '请假').map((c) => `${c.day}|${c.staffId}`));
  return lastWeek
    .filter((c) => c.post !== '请假' && activeStaff.has(c.staffId))
    .map((c) => ({ day: addDays(c.day, 7), staffId: c.staffId, post: c.post }))
    .filter((c) => !onLeave.has(`${c.day}|${c.staffId}`));
}
