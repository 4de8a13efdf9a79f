/**
 * 错时服务记录: the per-person table of a period (a month for the street office's attendance
 * review, a week for the 周报) — 值班天数, 走访天数, 错时服务次数 — DERIVED from the records made
 * then plus the lines people added. Pure: the repository reads the rows, this counts them.
 *
 * 错时服务次数 counts occasions, not records: one per person, day and part of the day outside
 * standard hours (早间, 晚间, a whole 休息日). A registration and the 受理 it starts, or three
 * 走访 on one Saturday, are one occasion; an added line at a time the records already show adds
 * nothing, a line at another time adds one.
 */
import type { OffHoursLine, OpeningHours } from '../records';
import type { WorkingCalendar } from '../workingCalendar';
import { localMinuteOf, offHoursPartAt, offHoursPartOfSpan, type OffHoursPart } from './standardHours';

/** Something a staff member did at a moment: a registered visit, a case event, a 走访 log entry. */
export type WorkMoment = { staffId: string; day: string; at: number };

/** What the rota says of a person on a day (only these fields: the rota's own shape may grow). */
export type RotaDay = { staffId: string; day: string; post: string };

/** Where an occasion was seen: the kind of record (shown in the detail list). */
export type OccasionSource = '来访登记' | '办件' | '走访' | '补充登记';

export type OffHoursInputs = {
  /** The period, inclusive 'YYYY-MM-DD'. */
  from: string;
  to: string;
  /** The people to list, in order (rows for others who appear in the records are added after). */
  staff: readonly { id: string; name: string }[];
  rota: readonly RotaDay[];
  /** 走访 log entries (and, until that log exists everywhere, registered visits of channel 走访). */
  homeVisits: readonly WorkMoment[];
  /** Registered visits (the 首问责任人 at the time of registration). */
  visits: readonly WorkMoment[];
  /** Case events, by who acted. */
  caseEvents: readonly WorkMoment[];
  lines: readonly OffHoursLine[];
  calendar: WorkingCalendar;
  hours: OpeningHours;
};

export type OffHoursOccasion = { day: string; part: OffHoursPart; sources: OccasionSource[] };

export type OffHoursRow = {
  staffId: string;
  name: string;
  /** Days with the 值班岗 on the rota. */
  dutyDays: number;
  /** Distinct days with a 走访 entry. */
  visitDays: number;
  /** 错时服务次数: distinct (day, part) occasions. */
  occasions: number;
  /** Of those, occasions only an added line shows. */
  lineOnly: number;
  /** The occasions, by day then part. */
  detail: OffHoursOccasion[];
};

export const DUTY_POST = '值班岗';
const PART_ORDER: Record<OffHoursPart, number> = { early: 0, evening: 1, restDay: 2 };

type PersonTally = { dutyDays: Set<string>; visitDays: Set<string>; occasions: Map<string, OffHoursOccasion> };

/** The table of a period: one row per listed person, then anyone else the records name. */
export function offHoursTable(input: OffHoursInputs): OffHoursRow[] {
  const within = (day: string) => day >= input.from && day <= input.to;
  const tallies = new Map<string, PersonTally>();
  const tally = (staffId: string): PersonTally => {
    let t = tallies.get(staffId);
    if (!t) tallies.set(staffId, (t = { dutyDays: new Set(), visitDays: new Set(), occasions: new Map() }));
    return t;
  };
  const occasion = (staffId: string, day: string, part: OffHoursPart | null, source: OccasionSource) => {
    if (!part) return;
    const key = `${day}|${part}`;
    const map = tally(staffId).occasions;
    const seen = map.get(key);
    if (!seen) map.set(key, { day, part, sources: [source] });
    else if (!seen.sources.includes(source)) seen.sources.push(source);
  };
  const at = (m: WorkMoment) => offHoursPartAt(m.day, localMinuteOf(m.at), input.calendar, input.hours);

  for (const r of input.rota) if (within(r.day) && r.post === DUTY_POST) tally(r.staffId).dutyDays.add(r.day);
  for (const v of input.homeVisits) {
    if (!within(v.day)) continue;
    tally(v.staffId).visitDays.add(v.day);
    occasion(v.staffId, v.day, at(v), '走访');
  }
  for (const v of input.visits) if (within(v.day)) occasion(v.staffId, v.day, at(v), '来访登记');
  for (const e of input.caseEvents) if (within(e.day)) occasion(e.staffId, e.day, at(e), '办件');
  for (const l of input.lines) {
    if (!within(l.day)) continue;
    occasion(l.staffId, l.day, offHoursPartOfSpan(l.day, l.start, l.end, input.calendar, input.hours), '补充登记');
  }

  const names = new Map(input.staff.map((s) => [s.id, s.name]));
  const order = [...input.staff.map((s) => s.id), ...[...tallies.keys()].filter((id) => !names.has(id)).sort()];
  return order.map((staffId) => {
    const t = tallies.get(staffId);
    const detail = [...(t?.occasions.values() ?? [])].sort(
      (a, b) => a.day.localeCompare(b.day) || PART_ORDER[a.part] - PART_ORDER[b.part],
    );
    return {
      staffId,
      name: names.get(staffId) ?? '（已停用人员）',
      dutyDays: t?.dutyDays.size ?? 0,
      visitDays: t?.visitDays.size ?? 0,
      occasions: detail.length,
      lineOnly: detail.filter((o) => o.sources.length === 1 && o.sources[0] === '补充登记').length,
      detail,
    };
  });
}

/** The whole period's figures (the 周报's 错时服务 section). */
export type OffHoursTotals = { occasions: number; people: number; restDayOccasions: number; dutyDays: number };

export function offHoursTotals(rows: readonly OffHoursRow[]): OffHoursTotals {
  return {
    occasions: rows.reduce((n, r) => n + r.occasions, 0),
    people: rows.filter((r) => r.occasions > 0).length,
    restDayOccasions: rows.reduce((n, r) => n + r.detail.filter((o) => o.part === 'restDay').length, 0),
    dutyDays: rows.reduce((n, r) => n + r.dutyDays, 0),
  };
}
