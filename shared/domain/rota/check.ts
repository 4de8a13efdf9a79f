/**
 * The rota's rules over a set of cells (pure; the grid, the 工作台 and the printed rota show
 * what they find): at least N on the 值班岗 on an open day, none needed on a closed day, holiday
 * duty marked, one post per person and day, leave with its type.
 */
import { LEAVE_TYPES, ROTA_POSTS, rotaCellId, type LeaveType, type RotaPost } from '../records';
import type { DayOpening } from './openDays';
import { isHolidayDuty } from './openDays';

/** What a rule reads of a cell. */
export type RotaCell = { id?: string; day: string; staffId: string; post: RotaPost; leaveType?: LeaveType };

export type DayCheck = {
  day: string;
  open: boolean;
  onDuty: number;
  /** Open and fewer than N on the 值班岗. */
  belowMinimum: boolean;
  /** People on the 值班岗 of a 法定节假日. */
  holidayDuty: number;
};

/** Each day's count against the minimum. */
export function checkDays(openings: readonly DayOpening[], cells: readonly RotaCell[], minOnDuty: number): DayCheck[] {
  return openings.map((o) => {
    const onDuty = cells.filter((c) => c.day === o.day && c.post === '值班岗').length;
    return {
      day: o.day,
      open: o.open,
      onDuty,
      belowMinimum: o.open && onDuty < minOnDuty,
      holidayDuty: cells.filter((c) => c.day === o.day && isHolidayDuty(o, c.post)).length,
    };
  });
}

/** The days below the minimum (for the 工作台's warning). */
export const daysBelowMinimum = (checks: readonly DayCheck[]): DayCheck[] => checks.filter((c) => c.belowMinimum);

/** A cell as a person sets it: a Chinese message at its field, or null. */
export function refuseCell(cell: RotaCell): { field: 'post' | 'leaveType'; reason: string } | null {
  if (!ROTA_POSTS.includes(cell.post)) return { field: 'post', reason: '请选择岗位' };
  if (cell.post === '请假' && !(cell.leaveType && LEAVE_TYPES.includes(cell.leaveType)))
    return { field: 'leaveType', reason: '请假须选择假别' };
  if (cell.post !== '请假' && cell.leaveType !== undefined) return { field: 'leaveType', reason: '只有请假才填写假别' };
  return null;
}

/**
 * One person, one post a day: the cells that break it (two cells of one day × person, or a cell
 * not under its day × person id — e.g. a record that arrived malformed).
 */
export function doubleBooked(cells: readonly RotaCell[]): RotaCell[] {
  const seen = new Map<string, number>();
  for (const c of cells) seen.set(rotaCellId(c.day, c.staffId), (seen.get(rotaCellId(c.day, c.staffId)) ?? 0) + 1);
  return cells.filter(
    (c) => seen.get(rotaCellId(c.day, c.staffId))! > 1 || (c.id !== undefined && c.id !== rotaCellId(c.day, c.staffId)),
  );
}
