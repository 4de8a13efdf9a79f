/**
 * 错时服务记录 (issue 26 item 4): the per-person table of a period, read by index (the visits, the
 * 走访 log and the added lines of the period by `day`, the rota's 值班岗 days by `[post+day]`, the
 * case events made outside standard hours by `at`), counted by the pure `offHoursTable`; and the
 * one write, a line a staff member adds for themselves (append-only, travels as an immutable
 * document, audited).
 */
import {
  checkOffHoursLine,
  DUTY_POST,
  offHoursSpans,
  offHoursTable,
  type OffHoursLineInput,
  type OffHoursRow,
  type WorkMoment,
} from '@shared/domain/offHours';
import { currentEntries } from '@shared/domain/homeVisits/entry';
import type { HomeVisit, OffHoursLine } from '@shared/domain/records';
import type { SummaryVisit } from '@shared/reports/slimRows';
import { deskNumberOf, type Desk } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx } from '../write';

/** Case events that are no one's work at a desk (the v13 upgrade's opening of older cases). */
const NOT_WORK = new Set(['升级基线']);

const middayOf = (day: string): number => new Date(`${day}T12:00:00`).getTime();
/** The instant of a local 'YYYY-MM-DDTHH:MM'. */
const instantOf = (local: string): number => new Date(`${local}:00`).getTime();

/**
 * The moments of the period's case events made outside standard hours — the only ones the table
 * counts (an event within them is no occasion): one `at` range per span of off-hours time
 * (`offHoursSpans`: about one per working day, a weekend inside one), so the events of the
 * working hours, most of them, are never read.
 */
export async function offHoursCaseEvents(desk: Desk, from: string, to: string): Promise<WorkMoment[]> {
  const spans = offHoursSpans(from, to, desk.calendar, desk.community.openingHours);
  const read = await Promise.all(
    spans.map((s) =>
      desk.db.caseEvents.where('at').between(instantOf(s.start), instantOf(s.end), true, false).toArray(),
    ),
  );
  return read.flat().flatMap((e) => {
    if (NOT_WORK.has(e.action)) return [];
    const day = desk.clock.today(e.at);
    return day >= from && day <= to ? [{ staffId: e.by, day, at: e.at }] : [];
  });
}

/**
 * The 错时服务 table of [from, to]: every active staff member who works the desk (by name), then
 * anyone else the period's records name. 走访天数 counts the days of the 走访 log (homeVisits, its
 * current entries) and of registered visits of channel 走访. A 走访 entry counts at the time it was
 * logged when that was on the visit's day; logged later, the time of the visit is unknown, so it
 * counts as midday (错时 only on a rest day).
 */
export async function readOffHoursTable(
  desk: Desk,
  from: string,
  to: string,
  /** The visits of [from, to], when the caller has read them already (a report): not read twice. */
  known?: readonly SummaryVisit[],
): Promise<OffHoursRow[]> {
  const [rows] = await readOffHoursTables(desk, [{ from, to }], known);
  return rows!;
}

/**
 * The tables of several periods (a report's period and the one it is compared with) from ONE
 * read of the span that holds them all: each table is counted from its own period's rows, so it
 * is the table `readOffHoursTable` gives for that period alone.
 */
export async function readOffHoursTables(
  desk: Desk,
  periods: readonly { from: string; to: string }[],
  /** The visits of the span, when the caller has read them already (a report): not read twice. */
  known?: readonly SummaryVisit[],
): Promise<OffHoursRow[][]> {
  const from = periods.reduce((d, p) => (p.from < d ? p.from : d), periods[0]?.from ?? '');
  const to = periods.reduce((d, p) => (p.to > d ? p.to : d), periods[0]?.to ?? '');
  const [staff, rota, visits, caseEvents, lines, logged] = await Promise.all([
    desk.db.staff.toArray(),
    desk.db.rota.where('[post+day]').between([DUTY_POST, from], [DUTY_POST, to], true, true).toArray(),
    known
      ? known.filter((v) => v.day >= from && v.day <= to)
      : desk.db.visits.where('day').between(from, to, true, true).toArray(),
    offHoursCaseEvents(desk, from, to),
    desk.db.offHoursLines.where('day').between(from, to, true, true).toArray(),
    desk.db.homeVisits.where('day').between(from, to, true, true).toArray(),
  ]);
  const homeVisit = (h: HomeVisit): WorkMoment => {
    const at = Date.parse(h.at);
    return { staffId: h.staffId, day: h.day, at: desk.clock.today(at) === h.day ? at : middayOf(h.day) };
  };
  const moment = (v: (typeof visits)[number]): WorkMoment => ({
    staffId: v.firstContactId,
    day: v.day,
    at: v.visitedAt,
  });
  const listed = staff
    .filter((s) => s.active && s.role !== '审计员')
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a.id.localeCompare(b.id));
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const registered = visits.filter((v) => v.channel !== '走访').map(moment);
  const walked = visits.filter((v) => v.channel === '走访').map(moment);
  return periods.map((p) => {
    // The 走访 log's current entries among the period's own (a correction of another period's entry is not applied here).
    const own = logged.filter((h) => h.day >= p.from && h.day <= p.to);
    const rows = offHoursTable({
      from: p.from,
      to: p.to,
      staff: listed,
      rota,
      homeVisits: [...currentEntries(own).map(homeVisit), ...walked],
      visits: registered,
      caseEvents,
      lines,
      calendar: desk.calendar,
      hours: desk.community.openingHours,
    });
    return rows.map((r) => (names.has(r.staffId) ? { ...r, name: names.get(r.staffId)! } : r));
  });
}

/** The lines of [from, to] as written (for the detail under the table), oldest day first. */
export async function listOffHoursLines(desk: Desk, from: string, to: string): Promise<OffHoursLine[]> {
  const rows = await desk.db.offHoursLines.where('day').between(from, to, true, true).toArray();
  return rows.sort((a, b) => a.day.localeCompare(b.day) || a.start.localeCompare(b.start) || a.at - b.at);
}

/** Adds the signed-in person's own line (checked by the shared rule; the refusal names its field). */
export async function addOffHoursLine(desk: Desk, input: OffHoursLineInput): Promise<OffHoursLine> {
  return writeTx(desk, ['offHoursLines'], async (tx) => {
    const check = checkOffHoursLine(input, {
      today: tx.today,
      calendar: desk.calendar,
      hours: desk.community.openingHours,
    });
    if (!check.ok) throw new DomainRefusal(check.message, check.field);
    const line = await tx.offHoursLines.add({
      id: desk.newId(),
      staffId: desk.actor.id,
      ...check.line,
      at: tx.now,
      desk: deskNumberOf(desk),
    });
    // The detail names the day and time only: the content is free text and stays out of the log.
    await tx.audit({
      action: 'offHours.line',
      entity: 'offHours',
      entityId: line.id,
      detail: `${line.day} ${line.start}–${line.end}`,
    });
    return line;
  });
}
