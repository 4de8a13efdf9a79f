/**
 * Reports (统计报表, 周报): which records a period touches, read by index (the read itself, in
 * steps: reports.ts).
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
import { FLAGS } from '@shared/domain/caseQueues';
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
} from '@shared/domain/records';
import { monthsOf, type Period } from '@shared/reports/periods';
import type { SummaryCase } from '@shared/reports/slimRows';
import type { ReadableDB } from '../entities';
import { rowsWithKeyIn } from '../keyedReads';

/** The last day of a month 'YYYY-MM'. */
export function monthEnd(month: string): string {
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
export async function casesAround(db: ReadableDB, range: Period) {
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
export function casesOf<C extends SummaryCase>(
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
export async function proxyFor(
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
export async function meetingsFor(
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
