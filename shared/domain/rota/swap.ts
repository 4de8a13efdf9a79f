/**
 * 换班: two people, both named, trade their posts. A of `dayA` and B of `dayB` (the same day:
 * they trade that day's posts; two days: each day's posts of the two are traded, so A works B's
 * day and B works A's). Refused when a cell is missing, a person is on leave, or it changes nothing.
 */
import type { RotaPost } from '../records';
import type { RotaCell } from './check';

export type SwapInput = { staffA: string; dayA: string; staffB: string; dayB: string };

/** The cells of A and B on both days (a missing one: not yet drawn up). */
export type SwapCells = (day: string, staffId: string) => RotaCell | undefined;

export type SwapResult = { ok: true; cells: RotaCell[] } | { ok: false; field: keyof SwapInput; reason: string };

export function planSwap(input: SwapInput, cellOf: SwapCells): SwapResult {
  const { staffA, dayA, staffB, dayB } = input;
  if (!staffA || !staffB) return { ok: false, field: staffA ? 'staffB' : 'staffA', reason: '换班须写明双方' };
  if (staffA === staffB) return { ok: false, field: 'staffB', reason: '换班的双方不能是同一人' };
  const days = dayA === dayB ? [dayA] : [dayA, dayB];
  const out: RotaCell[] = [];
  for (const day of days) {
    const a = cellOf(day, staffA);
    const b = cellOf(day, staffB);
    if (!a || !b) return { ok: false, field: !a ? 'staffA' : 'staffB', reason: `${day} 的值班表尚未排定，无法换班` };
    if (a.post === '请假' || b.post === '请假')
      return { ok: false, field: a.post === '请假' ? 'staffA' : 'staffB', reason: '请假的人不能换班' };
    out.push({ day, staffId: staffA, post: b.post }, { day, staffId: staffB, post: a.post });
  }
  const changes = (post: RotaPost, day: string, staffId: string) => cellOf(day, staffId)?.post !== post;
  if (!out.some((c) => changes(c.post, c.day, c.staffId)))
    return { ok: false, field: 'dayB', reason: '双方岗位相同，换班不改变任何安排' };
  return { ok: true, cells: out };
}

/** The longest reason a 站长 gives for refusing a 换班. */
export const SWAP_REASON_MAX = 100;

/** The 站长's reason for refusing: required, trimmed, at most SWAP_REASON_MAX characters. */
export function checkSwapRefusal(reason: string): { ok: true; text: string } | { ok: false; message: string } {
  const text = reason.trim();
  if (!text) return { ok: false, message: '请填写不批准的理由' };
  if ([...text].length > SWAP_REASON_MAX) return { ok: false, message: `理由最多 ${SWAP_REASON_MAX} 字` };
  return { ok: true, text };
}
