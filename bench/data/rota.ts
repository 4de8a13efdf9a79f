/**
 * Five years of 值班表 (issue 26): one cell per day × staff member from the first day to the end
 * of next week, drawn up as a 站长 would — on an open day two or three on the 值班岗 in turn
 * (now and then one short, so the warning has days to find), the rest on the 走访岗 on working
 * days and 休息 otherwise; on a 法定节假日 two on holiday duty; about 2% 请假 with a type; now
 * and then a done 换班. Its own random stream: the rest of the desk does not depend on its draws.
 * `rotaProblems` is its validator (ids, one post per person and day, leave with its type).
 */
import { DEFAULT_OPENING_HOURS } from '@shared/domain/community';
import { addDays } from '@shared/domain/localDate';
import { LEAVE_TYPES, rotaCellId, type RotaEntry, type RotaPost } from '@shared/domain/records';
import { dayOpening, doubleBooked, refuseCell } from '@shared/domain/rota';
import type { WorkingCalendar } from '@shared/domain/workingCalendar';
import { chance, pick, prng } from './random';

export type RotaInput = {
  seed: number;
  firstDay: string;
  /** The last day drawn up (inclusive). */
  lastDay: string;
  calendar: WorkingCalendar;
  staffIds: readonly string[];
  adminId: string;
  /** An instant of a day (the rota of a day is drawn up three days before). */
  instantOf: (day: string) => number;
};

export function generateRota(o: RotaInput): RotaEntry[] {
  const rand = prng(o.seed);
  const out: RotaEntry[] = [];
  let turn = 0;
  for (let day = o.firstDay, i = 0; day <= o.lastDay; day = addDays(day, 1), i++) {
    const opening = dayOpening(day, DEFAULT_OPENING_HOURS, o.calendar);
    const holiday = opening.kind === 'holiday';
    const want = holiday
      ? chance(rand, 0.5)
        ? 2
        : 0
      : opening.open
        ? chance(rand, 0.03)
          ? 1
          : chance(rand, 0.3)
            ? 3
            : 2
        : 0;
    const onDuty = new Set<string>();
    for (let k = 0; k < want; k++) onDuty.add(o.staffIds[(turn + k) % o.staffIds.length]!);
    turn += want;
    const at = o.instantOf(addDays(day, -3));
    const stamp = { createdAt: at, createdBy: o.adminId, updatedAt: at, updatedBy: o.adminId };
    for (const staffId of o.staffIds) {
      let post: RotaPost = onDuty.has(staffId)
        ? '值班岗'
        : opening.open && !holiday && opening.kind !== 'weekend'
          ? '走访岗'
          : '休息';
      const leave = post !== '值班岗' && chance(rand, 0.02);
      if (leave) post = '请假';
      const cell: RotaEntry = { id: rotaCellId(day, staffId), day, staffId, post, ...stamp };
      if (leave) cell.leaveType = pick(rand, LEAVE_TYPES);
      out.push(cell);
    }
  }
  // A few swaps carried out: the posts of two people on one day traded, both cells marked.
  for (let k = 0; k < out.length / 400; k++) {
    const a = pick(rand, out);
    const b = out.find((c) => c.day === a.day && c.staffId !== a.staffId && c.post !== a.post && c.post !== '请假');
    if (!b || a.post === '请假' || a.swap || b.swap) continue;
    [a.post, b.post] = [b.post, a.post];
    a.swap = { withStaffId: b.staffId, otherDay: a.day, state: 'done', requestedBy: a.staffId, approvedBy: o.adminId };
    b.swap = { withStaffId: a.staffId, otherDay: a.day, state: 'done', requestedBy: a.staffId, approvedBy: o.adminId };
  }
  return out;
}

/** The generated rota's problems (each naming the cell by id only). */
export function rotaProblems(cells: readonly RotaEntry[], staffIds: ReadonlySet<string>): string[] {
  const problems = doubleBooked(cells).map((c) => `rota ${c.id}: not one post per person and day`);
  for (const c of cells) {
    const refused = refuseCell(c);
    if (refused) problems.push(`rota ${c.id}: ${refused.field}`);
    if (!staffIds.has(c.staffId)) problems.push(`rota ${c.id}: unknown staff`);
    if (c.swap && c.swap.state !== 'done') problems.push(`rota ${c.id}: swap not carried out`);
  }
  return problems;
}
