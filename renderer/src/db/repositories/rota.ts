/**
 * 值班表 reads (issue 26 item 1): a week is ONE range of the `day` index (seven days × the staff:
 * a few dozen records whatever the years held), checked by the pure rules of shared/domain/rota.
 */
import type { RotaEntry, RotaSettings, StaffRole } from '@shared/domain/records';
import {
  checkDays,
  dayOpening,
  daysBelowMinimum,
  rotaSettings,
  weekDays,
  weekStart,
  type DayCheck,
  type DayOpening,
} from '@shared/domain/rota';
import { addDays } from '@shared/domain/localDate';
import type { Desk } from '../desk';
import { readTx } from '../readTx';

/** Who is drawn up on the rota: the accounts that do the desk's work (not the 审计员). */
const ON_ROTA: readonly StaffRole[] = ['值班员', '站长/管理员'];

export type RotaPerson = { id: string; name: string; active: boolean };

export type RotaWeek = {
  monday: string;
  days: DayOpening[];
  /** Active people on the rota, then anyone inactive who still has a cell this week. */
  staff: RotaPerson[];
  cells: RotaEntry[];
  checks: DayCheck[];
  settings: RotaSettings;
};

/** The cells of the days [from, to) — one index range. */
export const rotaCellsBetween = (desk: Pick<Desk, 'db'>, from: string, to: string): Promise<RotaEntry[]> =>
  desk.db.rota.where('day').between(from, to, true, false).toArray();

/** Names in the order of the zh-CN collation: ONE collator (a locale argument to localeCompare builds one per call). */
const byName = new Intl.Collator('zh-CN');

/**
 * The week of `anyDay`: its cells (one `day` range) and the staff, read in ONE read transaction
 * (two reads outside one open a transaction each, which on a busy PC costs more than the rows).
 */
export async function getRotaWeek(desk: Desk, anyDay: string): Promise<RotaWeek> {
  const monday = weekStart(anyDay);
  const [cells, staffRows] = await readTx(desk.db, ['rota', 'staff'], () =>
    Promise.all([rotaCellsBetween(desk, monday, addDays(monday, 7)), desk.db.staff.toArray()]),
  );
  const withCells = new Set(cells.map((c) => c.staffId));
  const staff = staffRows
    .filter((s) => ON_ROTA.includes(s.role) && (s.active || withCells.has(s.id)))
    .sort((a, b) => Number(b.active) - Number(a.active) || byName.compare(a.name, b.name))
    .map((s) => ({ id: s.id, name: s.name, active: s.active }));
  const days = weekDays(monday).map((d) => dayOpening(d, desk.community.openingHours, desk.calendar));
  const settings = rotaSettings(desk.community);
  return { monday, days, staff, cells, checks: checkDays(days, cells, settings.minOnDuty), settings };
}

export type RotaToday = {
  today: string;
  open: boolean;
  onDuty: RotaPerson[];
  visiting: RotaPerson[];
  /** Days of this week and next (from today) with fewer than N on the 值班岗. */
  short: DayCheck[];
  minOnDuty: number;
  /** Whether any cell is drawn up from today to the end of next week (none: the rota is not in use yet). */
  planned: boolean;
};

/** The 工作台: today's team, who is out on the 走访岗, the days ahead below the minimum. */
export async function getRotaToday(desk: Desk): Promise<RotaToday> {
  const today = desk.clock.today();
  const monday = weekStart(today);
  const end = addDays(monday, 14);
  const [cells, staffRows] = await Promise.all([rotaCellsBetween(desk, today, end), desk.db.staff.toArray()]);
  const names = new Map(staffRows.map((s) => [s.id, { id: s.id, name: s.name, active: s.active }]));
  const days: DayOpening[] = [];
  for (let d = today; d < end; d = addDays(d, 1)) days.push(dayOpening(d, desk.community.openingHours, desk.calendar));
  const settings = rotaSettings(desk.community);
  const checks = checkDays(days, cells, settings.minOnDuty);
  const todays = (post: RotaEntry['post']) =>
    cells.filter((c) => c.day === today && c.post === post).flatMap((c) => names.get(c.staffId) ?? []);
  return {
    today,
    open: days[0]!.open,
    onDuty: todays('值班岗'),
    visiting: todays('走访岗'),
    short: daysBelowMinimum(checks),
    minOnDuty: settings.minOnDuty,
    planned: cells.length > 0,
  };
}

/** How far back a 换班 request (or its refusal) is still listed: the days from four weeks ago on. */
export const SWAP_LIST_DAYS = 28;

/** A 换班 asked for and not carried out: 待批准, or refused with the 站长's reason. */
export type SwapRequestView = {
  cellId: string;
  day: string;
  name: string;
  otherDay: string;
  withName: string;
  state: 'requested' | 'refused';
  requestedByName: string;
  reason?: string;
};

/**
 * The 换班 requests kept on cells from SWAP_LIST_DAYS ago on (one range of the `day` index: a few
 * weeks × the staff, whatever the years held), 待批准 first, then refused, each by day.
 */
export async function listSwapRequests(desk: Desk): Promise<SwapRequestView[]> {
  const from = addDays(desk.clock.today(), -SWAP_LIST_DAYS);
  const [cells, staffRows] = await Promise.all([
    desk.db.rota.where('day').above(addDays(from, -1)).toArray(),
    desk.db.staff.toArray(),
  ]);
  const names = new Map(staffRows.map((s) => [s.id, s.name]));
  const name = (id: string) => names.get(id) ?? '（已停用人员）';
  const rank = { requested: 0, refused: 1 } as const;
  return cells
    .flatMap((c) => {
      const s = c.swap;
      if (!s || s.state === 'done') return [];
      const view: SwapRequestView = {
        cellId: c.id,
        day: c.day,
        name: name(c.staffId),
        otherDay: s.otherDay,
        withName: name(s.withStaffId),
        state: s.state,
        requestedByName: name(s.requestedBy),
        ...(s.reason ? { reason: s.reason } : {}),
      };
      return [view];
    })
    .sort((a, b) => rank[a.state] - rank[b.state] || a.day.localeCompare(b.day) || a.cellId.localeCompare(b.cellId));
}
