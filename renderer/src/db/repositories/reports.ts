/**
 * Reports (统计报表, 周报): the records a period touches, read by index (the notes of a period:
 * reportNotes.ts; the audit of every export: reportExports.ts).
 *
 * Reading a period never walks the whole history: visits by their `day` index; cases by the
 * months they count in (`reportMonths`, shared/reports/reportIndex.ts) plus the cases open now
 * and the cases with a 整改 open now (two `flags` keys), which is every case that can count in the
 * period or be open (or have its 整改 open) at its end.
 * 帮代办 (`proxyFor`): the requests of the 帮代办 cases among those (a visit, a 送达 or a
 * cancellation happens while its case counts: 办结 waits for 送达, a cancellation ends the case),
 * the requests received in the range (`requestedDay`), the open ones (`status`) and the cancelled
 * ones (a request cancelled before it had a case has no case to find it by; they are few); the
 * documents of those cases (`caseId`) plus the ones out now (`status`).
 * 联席会议 (`meetingsFor`): the meetings of the range (`day`) and the last one held before it,
 * their agenda items (`meetingId`, one meeting at a time); the problems raised since that meeting
 * (`raisedDay`; with no meeting held before the range, the earlier ones only when a meeting came
 * after it), the ones on those agendas (by id), the ones waiting for a meeting now (`status`
 * 待研究 / 继续跟踪) and the ones of the cases above (`caseId`). A problem open at the period's end is among them: undecided
 * or to keep watching then, it was raised since that meeting, or on its agenda or a later one in
 * the range, or is still waiting; handed to a case (社区处置, 上报街道) whose case was open then, it
 * is a problem of a case read.
 */
import { offHoursTotals } from '@shared/domain/offHours';
import { readOffHoursTables } from './offHours';
import { FLAGS } from '@shared/domain/caseQueues';
import { custodyAlertDays } from '@shared/domain/custody';
import type {
  AgendaItem,
  CaseRecord,
  CustodyItem,
  Meeting,
  MeetingStatus,
  Problem,
  ProblemStatus,
  ProxyStatus,
  ProxyTask,
  Visit,
} from '@shared/domain/records';
import { monthsOf, periodLabel, type Period, type PeriodKind } from '@shared/reports/periods';
import type { ReportNotes } from '@shared/reports/notes';
import type { ReportData, SummaryData } from '@shared/reports/reportData';
import { slimCaseOf, slimRange, type SummaryCase, type SummaryVisit } from '@shared/reports/slimRows';
import type { Desk } from '../desk';
import type { ReadableDB } from '../entities';
import { readTx } from '../readTx';
import { rowsWithKeyIn } from '../keyedReads';
import { knownDesks } from './centerDesks';
import { writeToken } from '../keptSummaries/read';
import { residentsByIds } from './residents';
import { distinctResidents, pointToKept } from '@shared/reports/keptResidents';

/** The last day of a month 'YYYY-MM'. */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * The cases of `range` that are not read month by month (`monthOf`): the ones accepted before it
 * that count in it, and the ones open now or with a 整改 open now (one key per flag). A case's
 * months run on from its acceptance without a gap (reportIndex.ts), so one accepted before the
 * range that counts in it holds the range's FIRST month: the keys of that one month, less the
 * ones accepted in it from the range's first day, find them all — never the keys of every month
 * (a case of several months is in each: a year and the one before, about twice the cases).
 */
async function casesAround(db: ReadableDB, range: Period) {
  const first = monthsOf(range)[0]!;
  const [firstMonth, acceptedFirst, open, rectification] = await Promise.all([
    db.cases.where('reportMonths').equals(first).primaryKeys(),
    db.cases.where('acceptedDay').between(range.from, monthEnd(first), true, true).primaryKeys(),
    db.cases.where('flags').equals(FLAGS.open).toArray(),
    db.cases.where('flags').equals(FLAGS.rectification).toArray(),
  ]);
  const known = new Set([...acceptedFirst, ...open.map((c) => c.id), ...rectification.map((c) => c.id)]);
  const earlier = await db.cases.bulkGet(firstMonth.filter((id) => !known.has(id)));
  return { firstMonth, earlier: earlier.filter((c) => c !== undefined), open, rectification };
}

/**
 * Every case that can count in `range` or be open at its end, once each, in the order of the
 * months' index (by the first of its months in the range, then id; then the open ones): the
 * cases accepted in the range's months (`accepted`, by `acceptedDay` to the end of its last month,
 * as the months' index holds them) and the ones `casesAround` read.
 */
function casesOf<C extends SummaryCase>(
  range: Period,
  accepted: readonly C[],
  around: Awaited<ReturnType<typeof casesAround>>,
  asCase: (c: CaseRecord) => C,
) {
  const { firstMonth } = around;
  const earlier = around.earlier.map(asCase);
  const open = around.open.map(asCase);
  const rectification = around.rectification.map(asCase);
  const first = monthsOf(range)[0]!;
  const byId = new Map<string, C>();
  for (const c of [...accepted, ...earlier, ...open, ...rectification]) byId.set(c.id, c);
  const inRange = new Set([...accepted.map((c) => c.id), ...firstMonth]);
  const firstMonthOf = (c: C) => {
    const m = c.acceptedDay.slice(0, 7);
    return m > first ? m : first;
  };
  const counted = [...inRange].flatMap((id) => byId.get(id) ?? []);
  counted.sort((a, b) => firstMonthOf(a).localeCompare(firstMonthOf(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = new Map(counted.map((c) => [c.id, c]));
  for (const c of [...open, ...rectification]) if (c.acceptedDay <= range.to && !out.has(c.id)) out.set(c.id, c);
  return [...out.values()];
}

/** The requests open now, and the cancelled ones. */
const OPEN_OR_CANCELLED: readonly ProxyStatus[] = ['待确认', '待上门', '办理中', '待送达', '已取消'];

/** The proxy requests and the documents that can count in `range` (see the module comment), once each. */
async function proxyFor(
  db: ReadableDB,
  range: Period,
  cases: readonly Pick<CaseRecord, 'id' | 'mode'>[],
): Promise<{ proxyTasks: ProxyTask[]; custodyItems: CustodyItem[] }> {
  const caseIds = cases.filter((c) => c.mode === '帮代办').map((c) => c.id);
  const [ofCases, requested, byStatus, items, out] = await Promise.all([
    rowsWithKeyIn(db.proxyTasks, 'caseId', caseIds, (t) => t.caseId),
    db.proxyTasks.where('requestedDay').between(range.from, range.to, true, true).toArray(),
    db.proxyTasks.where('status').anyOf(OPEN_OR_CANCELLED).toArray(),
    rowsWithKeyIn(db.custodyItems, 'caseId', caseIds, (i) => i.caseId),
    db.custodyItems.where('status').equals('在外').toArray(),
  ]);
  const tasks = new Map<string, ProxyTask>();
  for (const t of [...ofCases, ...requested]) tasks.set(t.id, t);
  // Without a case, a cancelled request counts only by its own days (received, cancelled).
  const from = dayStart(range.from);
  for (const t of byStatus)
    if (t.status !== '已取消' || (!t.caseId && t.cancel && t.cancel.at >= from)) tasks.set(t.id, t);
  const custody = new Map<string, CustodyItem>();
  for (const i of [...items, ...out]) custody.set(i.id, i);
  return { proxyTasks: [...tasks.values()], custodyItems: [...custody.values()] };
}

/** Problems a meeting is still to decide on: listed on every agenda until it does. */
const AWAITING: readonly ProblemStatus[] = ['待研究', '继续跟踪'];

/** The meetings, agenda items and problems that can count in `range` (see the module comment), once each. */
async function meetingsFor(
  db: ReadableDB,
  range: Period,
  cases: readonly Pick<CaseRecord, 'id'>[],
): Promise<{ meetings: Meeting[]; agendaItems: AgendaItem[]; problems: Problem[] }> {
  const [inRange, lastHeld] = await Promise.all([
    db.meetings.where('day').between(range.from, range.to, true, true).toArray(),
    db.meetings
      .where('day')
      .below(range.from)
      .reverse()
      .filter((m) => m.status === ('已召开' satisfies MeetingStatus))
      .first(),
  ]);
  const meetings = lastHeld ? [lastHeld, ...inRange] : inRange;
  // No meeting held before the range: the problems raised before it are read only if a meeting
  // after it may have decided them (the first weeks of meetings; a desk without any reads none).
  const later = lastHeld ? undefined : await db.meetings.where('day').above(range.to).first();
  const raisedFrom = lastHeld?.day ?? (later ? '' : range.from);
  // One key per meeting (a handful a week): `anyOf` over them is far slower in fake-indexeddb.
  const [itemsOf, raised, awaiting, ofCases] = await Promise.all([
    Promise.all(meetings.map((m) => db.agendaItems.where('meetingId').equals(m.id).toArray())),
    db.problems.where('raisedDay').between(raisedFrom, range.to, true, true).toArray(),
    db.problems.where('status').anyOf(AWAITING).toArray(),
    rowsWithKeyIn(
      db.problems,
      'caseId',
      cases.map((c) => c.id),
      (p) => p.caseId,
    ),
  ]);
  const agendaItems = itemsOf.flat();
  const problems = new Map<string, Problem>();
  for (const p of [...raised, ...awaiting, ...ofCases]) problems.set(p.id, p);
  const listed = [...new Set(agendaItems.flatMap((i) => (i.problemId ? [i.problemId] : [])))].filter(
    (id) => !problems.has(id),
  );
  for (const p of await db.problems.bulkGet(listed)) if (p) problems.set(p.id, p);
  return { meetings, agendaItems, problems: [...problems.values()] };
}

/** The first instant of a local day (Beijing time). */
const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

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
