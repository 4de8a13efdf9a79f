/**
 * Reports (统计报表, 周报): a period's records read in steps (`readReport`), the names a report
 * shows, the weekly counts. Which records a period touches: reportRecords.ts; the notes of a
 * period: reportNotes.ts; the audit of every export: reportExports.ts.
 */
import { offHoursTotals } from '@shared/domain/offHours';
import { readOffHoursTables } from './offHours';
import { custodyAlertDays } from '@shared/domain/custody';
import type { CaseRecord, Visit } from '@shared/domain/records';
import { monthsOf, periodLabel, type Period, type PeriodKind } from '@shared/reports/periods';
import type { ReportNotes } from '@shared/reports/notes';
import type { ReportData, SummaryData } from '@shared/reports/reportData';
import { slimCaseOf, slimRange, type SummaryCase, type SummaryVisit } from '@shared/reports/slimRows';
import type { Desk } from '../desk';
import type { ReadableDB } from '../entities';
import { readTx } from '../readTx';
import { knownDesks } from './centerDesks';
import { writeToken } from '../keptSummaries/read';
import { residentsByIds } from './residents';
import { distinctResidents, pointToKept } from '@shared/reports/keptResidents';
import { casesAround, casesOf, meetingsFor, monthEnd, proxyFor } from './reportRecords';

/** Everything a report of `period` (compared with `previous`) is made from. */
export async function readReportData(
  desk: Desk,
  kind: PeriodKind,
  period: Period,
  previous: Period,
  notes: ReportNotes,
): Promise<ReportData> {
  return (await readReport(desk, { kind, period, previous }, notes, 'all')).data;
}

/**
 * What a report reads: `all` (the summaries, the ledgers, the package), `summary` (what the
 * summaries and the desks covered need: as `all`, but each visit and case as its slim row —
 * shared/reports/slimRows.ts, the desk-local `slimRows` a month per key range, about a third of
 * the bytes of the records; the cases around the range are few and read whole, then slimmed), or
 * only what the ledgers of the period itself need (`ledgers`: its cases and their residents, the
 * names — no visits, no previous period, no 帮代办, 联席会议 or 错时 records; its summaries are
 * kept ones or come from a `summary` read, never computed from it: keptSummaries). With the kept
 * summaries' write token the reads were made with.
 *
 * A year and the one before are some 140,000 records at five years, about 3 s in ONE read
 * transaction, and a save started meanwhile waited for it. So the records come in steps, each a
 * short read transaction of its own (a month's visits and cases; the rest in a few more), at most
 * `IN_FLIGHT` at a time, so a write waits for a step or two, never the whole read. Each step reads
 * the write token too, which every write to a table a report reads changes (keptSummaries
 * middleware, a new random value each time): all steps read the same token only if no such write
 * committed between the first step and the last, and then the steps read what ONE transaction
 * would have. Otherwise the read is made again; after `ATTEMPTS` overtaken reads, in one
 * transaction. (The slim rows move in the transaction of the visit or case they belong to, which
 * changes the token too.)
 */
export async function readReport(
  desk: Desk,
  r: ReportRequest,
  notes: ReportNotes,
  scope: 'summary',
): Promise<{ data: SummaryData; token: string | undefined }>;
export async function readReport(
  desk: Desk,
  r: ReportRequest,
  notes: ReportNotes,
  scope: 'all' | 'ledgers',
): Promise<{ data: ReportData; token: string | undefined }>;
export async function readReport(
  desk: Desk,
  r: ReportRequest,
  notes: ReportNotes,
  scope: Scope,
): Promise<{ data: ReportData | SummaryData; token: string | undefined }> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const tokens: (string | undefined)[] = [];
    const inSteps: Step = (tables, read) =>
      readTx(desk.db, [...tables, 'keptSummaries'], async () => {
        const [value, token] = await Promise.all([read(), writeToken(desk.db)]);
        tokens.push(token);
        return value;
      });
    const data = await readSteps(desk, r, notes, scope, inSteps);
    if (tokens.every((t) => t === tokens[0])) return { data, token: tokens[0] };
  }
  return readTx(desk.db, REPORT_TABLES, async () => {
    const [data, token] = await Promise.all([
      readSteps(desk, r, notes, scope, (_, read) => read()),
      writeToken(desk.db),
    ]);
    return { data, token };
  });
}

type ReportRequest = { kind: PeriodKind; period: Period; previous: Period };
type Scope = 'all' | 'ledgers' | 'summary';

/** Steps of a report's read in flight at once (the reads of one pipeline while the worker unpacks another's rows). */
const IN_FLIGHT = 2;
/** Reads in steps overtaken by a write before the one-transaction read. */
const ATTEMPTS = 2;

/** Runs one step of the read: in a transaction of its own over `tables`, or inside the caller's. */
type Step = <T>(tables: readonly (keyof ReadableDB)[], read: () => Promise<T>) => Promise<T>;

/** Every table a report reads (the one-transaction read). */
const REPORT_TABLES = [
  'visits',
  'cases',
  'slimRows',
  'matterTypes',
  'staff',
  'centerDesks',
  'auditLog',
  'residents',
  'proxyTasks',
  'custodyItems',
  'meetings',
  'agendaItems',
  'problems',
  'rota',
  'caseEvents',
  'offHoursLines',
  'homeVisits',
  'keptSummaries',
] as const;

/** `f` over `items`, at most `width` at a time, the results in the items' order. */
async function inTurn<I, O>(items: readonly I[], width: number, f: (item: I) => Promise<O>): Promise<O[]> {
  const out: O[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return out;
}

const NO_OFF_HOURS = { occasions: 0, people: 0, restDayOccasions: 0, dutyDays: 0 };

/** How a report reads one month of the range (`from`–`to`, visits to `visitsTo`), and makes a case of a whole record. */
type MonthReader<V, C> = {
  tables: readonly (keyof ReadableDB)[];
  read: (from: string, to: string, visitsTo: string) => Promise<{ visits: V[]; accepted: C[] }>;
  asCase: (c: CaseRecord) => C;
};

/** The whole records: visits by `day` (none for the ledgers), cases by `acceptedDay`. */
const wholeRecords = (db: ReadableDB, withVisits: boolean): MonthReader<Visit, CaseRecord> => ({
  tables: ['visits', 'cases'],
  read: async (from, to, visitsTo) => {
    const [visits, accepted] = await Promise.all([
      withVisits ? db.visits.where('day').between(from, visitsTo, true, true).toArray() : [],
      db.cases.where('acceptedDay').between(from, to, true, true).toArray(),
    ]);
    return { visits, accepted };
  },
  asCase: (c) => c,
});

/** The slim rows: each kind one key range of `slimRows`. */
const slimRecords = (db: ReadableDB): MonthReader<SummaryVisit, SummaryCase> => {
  const range = (kind: 'visits' | 'cases', from: string, to: string) => {
    const { lower, upper } = slimRange(kind, from, to);
    return db.slimRows.where('key').between(lower, upper, true, true).toArray();
  };
  return {
    tables: ['slimRows'],
    read: async (from, to, visitsTo) => {
      const [visits, cases] = await Promise.all([range('visits', from, visitsTo), range('cases', from, to)]);
      return {
        visits: visits.flatMap((r) => ('visit' in r ? [r.visit] : [])),
        accepted: cases.flatMap((r) => ('case' in r ? [r.case] : [])),
      };
    },
    asCase: slimCaseOf,
  };
};

function readSteps(desk: Desk, r: ReportRequest, notes: ReportNotes, scope: Scope, step: Step) {
  return scope === 'summary'
    ? readWith(desk, r, notes, true, step, slimRecords(desk.db))
    : readWith(desk, r, notes, scope === 'all', step, wholeRecords(desk.db, scope === 'all'));
}

async function readWith<V extends SummaryVisit, C extends SummaryCase>(
  desk: Desk,
  r: ReportRequest,
  notes: ReportNotes,
  all: boolean,
  step: Step,
  records: MonthReader<V, C>,
): Promise<ReportData<V, C>> {
  const { kind, period, previous } = r;
  const range = all ? { from: previous.from < period.from ? previous.from : period.from, to: period.to } : period;
  const { db } = desk;
  // Each month of the range: its visits, and the cases accepted in it (to the month's end, as the
  // months' index holds them: casesOf).
  const monthOf = (month: string) =>
    step(records.tables, () => {
      const from = `${month}-01` < range.from ? range.from : `${month}-01`;
      const to = monthEnd(month);
      return records.read(from, to, to < range.to ? to : range.to);
    });
  const [around, names, desks, months] = await Promise.all([
    step(['cases'], () => casesAround(db, range)),
    step(['matterTypes', 'staff'], () => reportNames(desk)),
    step(['centerDesks', 'auditLog'], () => knownDesks(desk)),
    inTurn(monthsOf(range), IN_FLIGHT, monthOf),
  ]);
  const visits = months.flatMap((m) => m.visits);
  const cases = casesOf(
    range,
    months.flatMap((m) => m.accepted),
    around,
    records.asCase,
  );
  const ids = new Set<string>();
  for (const v of visits) if (v.residentId) ids.add(v.residentId);
  for (const c of cases) if (c.residentId) ids.add(c.residentId);
  const [found, proxy, meetings, [offHoursNow, offHoursBefore]] = await Promise.all([
    // Live residents only (a tombstone's record is shown as 已删除居民; a merged-away id as the kept one).
    step(['residents'], () => residentsByIds(desk, [...ids])),
    all ? step(['proxyTasks', 'custodyItems'], () => proxyFor(db, range, cases)) : { proxyTasks: [], custodyItems: [] },
    all
      ? step(['meetings', 'agendaItems', 'problems'], () => meetingsFor(db, range, cases))
      : { meetings: [], agendaItems: [], problems: [] },
    all
      ? step(['staff', 'rota', 'caseEvents', 'offHoursLines', 'homeVisits'], () =>
          readOffHoursTables(desk, [period, previous], visits),
        )
      : [undefined, undefined],
  ]);
  // A merged person counts once: their records under the kept id, the kept record listed once.
  const residents = distinctResidents(found);
  return {
    kind,
    period,
    previous,
    label: periodLabel(kind, period),
    today: desk.clock.today(),
    community: {
      name: desk.community.name,
      code: desk.community.code,
      street: desk.community.street ?? '',
      population: desk.community.population,
    },
    visits: pointToKept(visits, found),
    cases: pointToKept(cases, found),
    residents,
    ...proxy,
    custodyAlertDays: custodyAlertDays(desk.community),
    ...meetings,
    ...names,
    desks,
    notes,
    offHours: {
      now: offHoursNow ? offHoursTotals(offHoursNow) : NO_OFF_HOURS,
      before: offHoursBefore ? offHoursTotals(offHoursBefore) : NO_OFF_HOURS,
    },
  };
}

/** The names a report shows for ids (the catalog's categories, staff, 网格), without its records. */
export async function reportNames(desk: Desk): Promise<Pick<ReportData, 'catalog' | 'staff' | 'grids'>> {
  const [catalog, staff] = await Promise.all([desk.db.matterTypes.toArray(), desk.db.staff.toArray()]);
  return {
    catalog: catalog.map((m) => ({ code: m.code, name: m.name, category: m.category })),
    staff: staff.map((s) => ({ id: s.id, name: s.name })),
    grids: desk.community.grids.map((g) => ({ id: g.id, name: g.name })),
  };
}

/** Visits and accepted cases of each week, by index counts (the trend chart). */
export async function weeklyCounts(desk: Desk, weeks: readonly Period[]) {
  return Promise.all(
    weeks.map(async (w) => ({
      ...w,
      visits: await desk.db.visits.where('day').between(w.from, w.to, true, true).count(),
      cases: await desk.db.cases.where('acceptedDay').between(w.from, w.to, true, true).count(),
    })),
  );
}
