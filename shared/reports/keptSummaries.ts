/**
 * Kept summaries of closed periods (issue 28 item 2): a report of a period that is over (the
 * period and the one it is compared with both end before today) keeps its two summaries and the
 * cases each desk accepted in it, desk-local, so asking again reads one row — until a write
 * touches a record the period's read could return. Pure rules here; the table, the middleware
 * that drops what a write makes stale and the reads are in renderer/src/db/keptSummaries/.
 *
 * A kept row is keyed by the LAST day the report reads (`to`, then the rest of the request), so
 * "every report reading a day on or after D" is one key range. A written record is stale from the
 * first day a report can read it on (`staleFrom`): what the report reads by a day index — a visit
 * by `day`, a case by its months (a case counts from its acceptance on, read by `reportMonths`
 * from its first month, or as open or under 整改 once accepted), a 帮代办 request by
 * `requestedDay` (its home visit, delivery or cancellation come after), a document by the day it
 * was collected, a case event by its day (a day earlier: `dayOfMs` is Beijing time, the 错时 read the
 * machine's local day), the rota, the 走访 log and the 错时 lines by `day`. Any other table a report reads
 * (residents: their 网格 and tags — an edit of neither keeps the rows, `residentEditKeepsSummaries`;
 * the catalog; staff; meetings, agenda items and problems, read by rules that reach before and
 * after the period) makes every kept row stale. The settings a
 * report depends on (the community's profile, the working calendar) and the build are the row's
 * `basis`: a row of another basis is not used.
 */
import type { Period, PeriodKind } from './periods';
import type { PeriodSummary } from './summary';

/** The row holding the token every write to a read table changes (a worker keeps a row only if it is unchanged). */
export const WRITE_TOKEN_KEY = '#token';

export type KeptSummary = {
  /** `<to>|<kind>|<period.from>|<period.to>|<previous.from>|<previous.to>` (keptKey). */
  key: string;
  /** The community profile, the working calendar and the build the summaries were made with. */
  basis: string;
  now: PeriodSummary;
  before: PeriodSummary;
  /** Cases accepted in the period per desk number (coveredDesks adds the desks known now). */
  desks: Record<number, number>;
};
export type WriteToken = { key: typeof WRITE_TOKEN_KEY; token: string };
export type KeptSummaryRow = KeptSummary | WriteToken;

export const keptKey = (kind: PeriodKind, period: Period, previous: Period): string => {
  const to = period.to > previous.to ? period.to : previous.to;
  return [to, kind, period.from, period.to, previous.from, previous.to].join('|');
};

/** Whether a report of these periods may be kept on `today`: both are over. */
export const keepable = (period: Period, previous: Period, today: string): boolean =>
  period.to < today && previous.to < today;

/** The tables a kept row can go stale by, and the first day each record can be read on. */
const DAY_OF: Record<string, (r: Record<string, unknown>) => string | undefined> = {
  visits: (r) => str(r.day),
  cases: (r) => monthStart(str(r.acceptedDay)),
  proxyTasks: (r) => str(r.requestedDay),
  custodyItems: (r) => dayOfMs(r.collectedAt),
  caseEvents: (r) => dayBefore(dayOfMs(r.at)),
  rota: (r) => str(r.day),
  homeVisits: (r) => str(r.day),
  offHoursLines: (r) => str(r.day),
};
/** Read by a report with no day to tell: any write to them makes every kept row stale. */
const EVERY_ROW = new Set(['residents', 'matterTypes', 'staff', 'meetings', 'agendaItems', 'problems']);

/**
 * Whether a resident's edit leaves every kept summary as it is: a summary reads a resident only
 * through its 网格 and tags (the per-网格 rows, the special groups) and whether the record is live
 * (a tombstone, a merge) — so an edit of anything else (a phone, an address, a care profile, a
 * status) keeps them. A new record, a removed one, a tombstone on either side: not kept (a record
 * the summaries could not read before may be read now).
 */
export function residentEditKeepsSummaries(before: unknown, after: unknown): boolean {
  const b = before as { gridId?: unknown; tags?: unknown; deleted?: unknown } | undefined;
  const a = after as { gridId?: unknown; tags?: unknown; deleted?: unknown } | undefined;
  if (!b || !a || b.deleted !== undefined || a.deleted !== undefined) return false;
  return b.gridId === a.gridId && sameTags(b.tags, a.tags);
}
const sameTags = (x: unknown, y: unknown): boolean =>
  Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((t, i) => t === y[i]);

/** Whether writes to `table` can make a kept summary stale. */
export const keptStaleBy = (table: string): boolean => table in DAY_OF || EVERY_ROW.has(table);

/**
 * The first day a report reading it could have read this record (kept rows reading that day or
 * later are stale), or '' when every kept row is (a table without a day, a record without one).
 */
export function staleFrom(table: string, record: unknown): string {
  const day = DAY_OF[table]?.((record ?? {}) as Record<string, unknown>);
  return day ?? '';
}

/** The earliest of the records' days ('' reaches every row). */
export function earliestStale(table: string, records: readonly unknown[]): string | undefined {
  let first: string | undefined;
  for (const r of records) {
    if (r === undefined) continue;
    const d = staleFrom(table, r);
    if (first === undefined || d < first) first = d;
  }
  return first;
}

/** The desks' case counts of a period, as kept (a plain record: desk number → cases). */
export const deskCounts = (counts: ReadonlyMap<number, number>): Record<number, number> => Object.fromEntries(counts);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length >= 10 ? v.slice(0, 10) : undefined);
const monthStart = (day: string | undefined): string | undefined => (day ? `${day.slice(0, 7)}-01` : undefined);
/** The local day (Beijing time) of an epoch ms or ISO time. */
function dayOfMs(v: unknown): string | undefined {
  const ms = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(ms) ? new Date(ms + 8 * 3600_000).toISOString().slice(0, 10) : undefined;
}
function dayBefore(day: string | undefined): string | undefined {
  if (!day) return undefined;
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
