/**
 * 走访记录's figures (issue 26 item 2), clock-free (the month and today are inputs):
 * - per person per month: the days spent in their own zone against the 10-day target (分片包干);
 * - per zone: the households visited this month and this quarter against the zone's households;
 * - the first day of the window a visit keeps a 重点服务对象 off the unvisited list (unvisited.ts).
 * The entries given are the current ones (entry.ts `currentEntries`).
 */
import { addDays, daysInMonth } from '../localDate';
import type { Grid, HomeVisit } from '../records';

/** Each 走访岗 person: at least 10 days a month in their zone. */
export const ZONE_DAY_TARGET = 10;

type Entry = Pick<HomeVisit, 'day' | 'staffId' | 'gridId' | 'household' | 'residentId'>;

/** The first and last day of a month 'YYYY-MM'. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}

/** The first and last day of the quarter a month 'YYYY-MM' is in. */
export function quarterRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${y}-${pad(first)}-01`, to: monthRange(`${y}-${pad(first + 2)}`).to };
}

const within = (day: string, r: { from: string; to: string }) => day >= r.from && day <= r.to;

export type StaffZoneDays = {
  staffId: string;
  /** Days of the month with a visit in one of the person's own zones. */
  days: number;
  /** Days with visits only outside their zones (shown, not counted). */
  elsewhere: number;
  target: number;
  met: boolean;
};

/** Per person: the days of `month` spent in their own zones (staff.grids) against the target. */
export function zoneDaysOfMonth(
  entries: readonly Entry[],
  staff: readonly { id: string; grids: readonly string[] }[],
  month: string,
  target = ZONE_DAY_TARGET,
): StaffZoneDays[] {
  const range = monthRange(month);
  return staff.map((s) => {
    const inZone = new Set<string>();
    const all = new Set<string>();
    for (const e of entries) {
      if (e.staffId !== s.id || !within(e.day, range)) continue;
      all.add(e.day);
      if (s.grids.includes(e.gridId)) inZone.add(e.day);
    }
    return { staffId: s.id, days: inZone.size, elsewhere: all.size - inZone.size, target, met: inZone.size >= target };
  });
}

export type ZoneHouseholds = {
  gridId: string;
  month: number;
  quarter: number;
  /** The zone's households as the 站长 set them (undefined: not set). */
  households?: number;
};

/** Per zone: distinct households visited in `month` and in its quarter, against the zone's households. */
export function zoneHouseholds(entries: readonly Entry[], grids: readonly Grid[], month: string): ZoneHouseholds[] {
  const m = monthRange(month);
  const q = quarterRange(month);
  return grids.map((g) => {
    const inMonth = new Set<string>();
    const inQuarter = new Set<string>();
    for (const e of entries) {
      if (e.gridId !== g.id) continue;
      if (within(e.day, q)) inQuarter.add(e.household);
      if (within(e.day, m)) inMonth.add(e.household);
    }
    return {
      gridId: g.id,
      month: inMonth.size,
      quarter: inQuarter.size,
      ...(g.households !== undefined ? { households: g.households } : {}),
    };
  });
}

/** A share as the screen shows it: '—' without a household count. */
export function shareText(visited: number, households: number | undefined): string {
  if (!households) return '—';
  return `${((visited / households) * 100).toFixed(1)}%`;
}

/** The oldest day a visit keeps a 重点服务对象 off the list: visited on or after it = not listed. */
export function unvisitedSince(today: string, n: number): string {
  return addDays(today, -n);
}
