/**
 * A resident's history — visits, cases, 帮代办 requests, documents in custody (材料交接) and
 * problems — read by their `residentId` indexes, and moved to another resident id in the
 * caller's transaction: to DELETED_RESIDENT_ID by 删除居民, to the kept record by 合并居民档案,
 * back by the merge's undo.
 *
 * Every function here returns a Dexie promise chain and is not `async`: they run inside write
 * transactions (see `findDuplicates` in residents.ts for why).
 */
import type { CaseRecord, CustodyItem, MovedRecords, Problem, ProxyTask } from '@shared/domain/records';
import { Dexie } from 'dexie';
import type { Desk } from '../desk';
import type { ReadableDB } from '../entities';
import type { WriteTx } from '../write';
import { changeCase } from './changeCase';
import { changeCustody } from './changeCustody';
import { changeProxy } from './changeProxy';
import { changeProblem } from './changeProblem';
import { sourceRefOf } from '@shared/domain/events/problemEvents';

type HistoryTables = 'cases' | 'custodyItems' | 'proxyTasks';
/** What moving a resident's history writes: the records, and the events of their doors. */
export type HistoryMoveTables = HistoryTables | 'caseEvents' | 'proxyEvents' | 'custodyEvents' | 'counters';
type AllHistoryTables = HistoryTables | 'visits' | 'problems';

/**
 * What a write that moves or removes a whole resident (合并居民档案 and its undo, 删除居民)
 * opens: the resident and the acting staff, every table of their history with the events of its
 * door, and this desk's undo snapshots of today's merges (swept by each).
 */
export const WHOLE_RESIDENT_TABLES = [
  'residents',
  'staff',
  'visits',
  'cases',
  'caseEvents',
  'counters',
  'proxyTasks',
  'proxyEvents',
  'custodyItems',
  'custodyEvents',
  'problems',
  'problemEvents',
  'mergeUndos',
] as const;

/** The resident's cases, documents and requests. */
export function historyOf(
  tables: Pick<ReadableDB, HistoryTables> | WriteTx<HistoryTables>,
  residentId: string,
): Promise<[CaseRecord[], CustodyItem[], ProxyTask[]]> {
  return Dexie.Promise.all([
    tables.cases.where('residentId').equals(residentId).toArray(),
    tables.custodyItems.where('residentId').equals(residentId).toArray(),
    tables.proxyTasks.where('residentId').equals(residentId).toArray(),
  ]) as Promise<[CaseRecord[], CustodyItem[], ProxyTask[]]>;
}

/** Everything that names the resident: also their visits and the problems they raised. */
export function historyScope(tables: Pick<ReadableDB, AllHistoryTables> | WriteTx<AllHistoryTables>, id: string) {
  return Dexie.Promise.all([
    historyOf(tables, id),
    tables.visits.where('residentId').equals(id).toArray(),
    tables.problems.where('residentIds').equals(id).toArray(),
  ]).then(([[cases, items, tasks], visits, problems]) => ({ cases, items, tasks, visits, problems }));
}

export type HistoryScope = Awaited<ReturnType<typeof historyScope>>;

const kept = (only: readonly string[] | undefined) => (r: { id: string }) => !only || only.includes(r.id);

/**
 * THE one place where cases, 帮代办 requests and documents in custody change their resident.
 * Cases, requests and documents through their doors (改挂居民: an event in their history,
 * changeCase.ts, changeProxy.ts, changeCustody.ts), one after the other. Moves those of `fromId` (only
 * the ids in `only`, when given) to `toId`; returns the ids moved.
 */
export function reassignResidentRecords(
  desk: Desk,
  tx: WriteTx<HistoryMoveTables>,
  fromId: string,
  toId: string,
  only?: Pick<MovedRecords, 'cases' | 'proxyTasks' | 'custodyItems'>,
): Promise<Pick<MovedRecords, 'cases' | 'proxyTasks' | 'custodyItems'>> {
  return historyOf(tx, fromId).then(([cases, items, tasks]) => {
    const c = cases.filter(kept(only?.cases));
    const i = items.filter(kept(only?.custodyItems));
    const t = tasks.filter(kept(only?.proxyTasks));
    const action = { type: '改挂居民', residentId: toId } as const;
    let chain: Promise<unknown> = Dexie.Promise.resolve();
    for (const r of c) chain = chain.then(() => changeCase(desk, tx, r, action));
    for (const r of t) chain = chain.then(() => changeProxy(desk, tx, r, action, { originalsOut: [] }));
    const caseOf = new Map(cases.map((r) => [r.id, r]));
    for (const r of i)
      chain = chain.then(() =>
        changeCustody(desk, tx, r, action, { case: caseOf.get(r.caseId) ?? { trackingNumber: '' } }),
      );
    return chain.then(() => ({
      cases: c.map((r) => r.id),
      custodyItems: i.map((r) => r.id),
      proxyTasks: t.map((r) => r.id),
    }));
  });
}

/** What `moveResidentHistory` moved: the ids, and per problem the indexes of its sources it changed. */
export type MovedHistory = MovedRecords & { problemSources: Record<string, number[]> };

/**
 * Moves everything that names `fromId` (or only the records in `only`) to `toId`: visits,
 * problems (each source of theirs that names the resident, through the problem's door as
 * 改挂居民; with `only.problemSources`, only the sources listed for that problem, so an undo
 * never takes the kept record's own sources) and, through `reassignResidentRecords`, cases,
 * requests and documents. Returns what it moved (a problem's sources by their index then).
 */
export function moveResidentHistory(
  desk: Desk,
  tx: WriteTx<AllHistoryTables | HistoryMoveTables | 'problemEvents'>,
  fromId: string,
  toId: string,
  only?: MovedRecords & { problemSources?: Record<string, number[]> },
): Promise<MovedHistory> {
  const problemSources: Record<string, number[]> = {};
  const movesSource = (problemId: string, s: { residentId?: string }, i: number) =>
    s.residentId === fromId && (!only?.problemSources || (only.problemSources[problemId] ?? []).includes(i));
  return Dexie.Promise.all([
    tx.visits.where('residentId').equals(fromId).filter(kept(only?.visits)).toArray(),
    tx.problems.where('residentIds').equals(fromId).filter(kept(only?.problems)).toArray(),
  ]).then(([visits, problems]) => {
    // One problem after the other: each event takes the desk's next clock stamp.
    let chain: Promise<unknown> = Dexie.Promise.all(visits.map((v) => tx.visits.put({ ...v, residentId: toId })));
    for (const p of problems) {
      const moved = p.sources.flatMap((s, i) => (movesSource(p.id, s, i) ? [i] : []));
      problemSources[p.id] = moved;
      chain = chain.then(() => changeProblem(desk, tx, p, relinkOf(p, moved, fromId, toId, !!only?.problemSources)));
    }
    return chain
      .then(() => reassignResidentRecords(desk, tx, fromId, toId, only))
      .then((records) => ({
        visits: visits.map((v) => v.id),
        problems: problems.map((p) => p.id),
        ...records,
        problemSources,
      }));
  });
}

/** A problem's 改挂居民: every source naming `fromId`, or (an undo) only those at `moved`, named by value. */
function relinkOf(p: Problem, moved: number[], fromId: string, toId: string, onlyThese: boolean) {
  const only = onlyThese ? moved.map((at) => ({ at, source: sourceRefOf(p.sources[at]!) })) : undefined;
  return { type: '改挂居民' as const, from: fromId, to: toId, ...(only ? { only } : {}) };
}
