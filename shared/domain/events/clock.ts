/**
 * The event clock: a hybrid logical clock (HLC) as one sortable string
 * `wallMs(13 digits)-counter(4)-desk(2)`, e.g. `1764748800000-0003-02`.
 *
 * Why an HLC and not desk + per-desk sequence + time: every desk's events must merge into ONE
 * order that respects what each desk saw. A per-desk sequence orders a desk's own events but
 * says nothing between desks (desk 2's 签收 could sort before desk 1's 转办 it answers); wall
 * time alone breaks when PCs disagree (a clock set back sorts new events before old ones). The
 * HLC takes the larger of the PC's clock and the last stamp this desk issued or saw, plus a
 * counter, so it never runs backwards on one desk, stays close to real time, and after an
 * exchange (issue 24: `observed`) sorts every later event after what it answers. The desk number
 * breaks the remaining ties, so two desks never issue the same stamp. Plain string comparison
 * is the order (fixed widths), so it can be an index and a document id part.
 *
 * The last stamp issued is desk-local (never shared): the counters table keeps it.
 */

export type ClockParts = { wall: number; counter: number; desk: number };

const WALL_DIGITS = 13;
const COUNTER_MAX = 9999;
const CLOCK_PATTERN = /^(\d{13})-(\d{4})-(\d{2})$/;

export function formatClock(p: ClockParts): string {
  if (!Number.isInteger(p.wall) || p.wall < 0 || p.wall >= 10 ** WALL_DIGITS)
    throw new Error('clock: wall out of range');
  if (!Number.isInteger(p.counter) || p.counter < 0 || p.counter > COUNTER_MAX)
    throw new Error('clock: counter out of range');
  if (!Number.isInteger(p.desk) || p.desk < 1 || p.desk > 99) throw new Error('clock: desk out of range');
  return `${String(p.wall).padStart(WALL_DIGITS, '0')}-${String(p.counter).padStart(4, '0')}-${String(p.desk).padStart(2, '0')}`;
}

export function parseClock(s: string): ClockParts | null {
  const m = CLOCK_PATTERN.exec(s);
  return m ? { wall: Number(m[1]), counter: Number(m[2]), desk: Number(m[3]) } : null;
}

/**
 * The next stamp of `desk` at wall time `nowMs`, after `last` (the last stamp this desk issued
 * or observed, any desk's). Strictly greater than `last`; equal walls bump the counter, a full
 * counter moves the wall on by one millisecond.
 */
export function nextClock(last: string | undefined, nowMs: number, desk: number): string {
  const prev = last ? parseClock(last) : null;
  const now = Math.max(0, Math.floor(nowMs));
  if (!prev || now > prev.wall) return formatClock({ wall: now, counter: 0, desk });
  if (prev.counter < COUNTER_MAX) return formatClock({ wall: prev.wall, counter: prev.counter + 1, desk });
  return formatClock({ wall: prev.wall + 1, counter: 0, desk });
}

/** The later of two stamps (what a desk keeps as `last` after seeing another desk's event). */
export function observed(last: string | undefined, seen: string): string {
  return last === undefined || seen > last ? seen : last;
}

/** The order of stamps: plain string order (fixed widths). */
export const compareClocks = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
