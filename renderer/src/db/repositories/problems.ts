/**
 * 问题库: the problems of the joint meeting — 诉求 cases (added by registerVisit), problems zone
 * staff bring from home visits or raised at the meeting, merged reports of the same problem.
 * Reads by index (poolKeys: a page of the pool is one range, poolKeys.ts; residentIds); each write one transaction with its audit row.
 */
import {
  OPEN_PROBLEM_STATUSES,
  poolKeyIn,
  poolRange,
  problemInputRefusal,
  type PoolFilter,
  type ProblemInput,
} from '@shared/domain/meetings';
import { QUEUE_COUNT_CAP } from '@shared/domain/caseQueues';
import { LIST_PAGE_SIZE, pageOf, type ListPage } from '@shared/domain/listPaging';
import { mergeChanges } from '@shared/domain/events/problemEvents';
import { PROBLEM_CATEGORIES, type CaseRecord, type Problem, type ProblemSourceKind } from '@shared/domain/records';
import { namedResidents, type NamedResident } from '@shared/domain/residentStatus';
import type { Desk, DeskBase } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx, type WriteTx } from '../write';
import { readTx } from '../readTx';
import { residentsByIds, resolveResident } from './residents';
import { changeProblem, openProblem } from './changeProblem';

export { OPEN_PROBLEM_STATUSES };

export type NewProblem = ProblemInput & { source: Exclude<ProblemSourceKind, '窗口诉求'> };

/** A problem from a home visit (or raised at the meeting): a resident, or a place / 网格 instead. */
export async function addProblem(desk: Desk, input: NewProblem): Promise<Problem> {
  const refused = problemInputRefusal(input);
  if (refused) throw new DomainRefusal(refused.reason, refused.field);
  const id = desk.newId();
  return writeTx(desk, PROBLEM_TABLES, (tx) => addProblemIn(desk, tx, id, input));
}

/** The tables `addProblemIn` writes (a caller's transaction lists them too). */
export const PROBLEM_TABLES = ['problems', 'problemEvents', 'counters', 'residents'] as const;

/**
 * addProblem's write, inside the caller's transaction (a 走访 entry's 问题, homeVisits.ts): the
 * input already checked by `problemInputRefusal`.
 */
export async function addProblemIn(
  desk: Desk,
  tx: WriteTx<(typeof PROBLEM_TABLES)[number]>,
  id: string,
  input: NewProblem,
): Promise<Problem> {
  const resident = input.residentId ? await resolveResident(tx, input.residentId) : undefined;
  if (input.residentId && !resident) throw new DomainRefusal('该居民记录已不存在，请重新查找', 'resident');
  if (resident) input = { ...input, residentId: resident.id };
  const place = input.place?.trim();
  const gridId = input.gridId || resident?.gridId;
  const problem = await openProblem(desk, tx, {
    id,
    title: input.title.trim(),
    category: input.category as Problem['category'],
    ...(gridId ? { gridId } : {}),
    ...(place ? { place } : {}),
    raisedDay: tx.today,
    status: '待研究',
    sources: [
      { kind: input.source, day: tx.today, by: desk.actor.id, ...(resident ? { residentId: resident.id } : {}) },
    ],
    decisions: [],
  });
  await tx.audit({ action: 'problem.add', entity: 'problem', entityId: id, detail: input.source });
  return problem;
}

/**
 * Reports of the same problem as one: `into` keeps every source (the others' added to its
 * history, not its list rewritten); the others are 已合并. Through the problem's door.
 */
export async function mergeIntoProblem(desk: Desk, intoId: string, otherIds: readonly string[]): Promise<Problem> {
  return writeTx(desk, ['problems', 'problemEvents', 'counters'], async (tx) => {
    const into = await tx.problems.get(intoId);
    const others = (await tx.problems.bulkGet([...otherIds])).filter((p): p is Problem => p !== undefined);
    if (!into || others.length !== otherIds.length) throw new DomainRefusal('未找到要合并的问题');
    const r = mergeChanges(into, others);
    if (!r.ok) throw new DomainRefusal(r.reason);
    for (const m of others) await changeProblem(desk, tx, m, r.merged);
    const saved = await changeProblem(desk, tx, into, r.into);
    await tx.audit({ action: 'problem.merge', entity: 'problem', entityId: into.id, detail: `${others.length} 条` });
    return saved;
  });
}

export type { PoolFilter };
/** `residents`: who reported it, each on file or 已删除居民 (namedResidents). */
export type PoolRow = { problem: Problem; record?: CaseRecord; residents: NamedResident[] };

/** The pool's range for `filter` (poolKeys.ts), from after `after`, the rest of the filter checked on its rows. */
function poolCollection(desk: DeskBase, filter: PoolFilter, after?: string) {
  const { prefix, gridId } = poolRange(filter);
  const col = desk.db.problems
    .where('poolKeys')
    .between(after ?? prefix, prefix + '\uffff', after === undefined, false);
  return { prefix, col: gridId ? col.filter((p) => p.gridId === gridId) : col };
}

async function withCaseAndResidents(desk: DeskBase, problems: Problem[]): Promise<PoolRow[]> {
  const cases = await desk.db.cases.bulkGet(problems.map((p) => p.caseId ?? ''));
  const residentIds = [...new Set(problems.flatMap((p) => p.residentIds ?? []))];
  const residents = await residentsByIds(desk, residentIds);
  return problems.map((problem, i) => ({
    problem,
    record: cases[i],
    residents: namedResidents(problem.residentIds, residents),
  }));
}

/** The pool's problems (open ones unless a status is chosen), newest first, with their case and residents. */
export async function problemPool(desk: DeskBase, filter: PoolFilter = {}): Promise<PoolRow[]> {
  return withCaseAndResidents(desk, await poolCollection(desk, filter).col.toArray());
}

/**
 * One page of the pool in its order, from after the cursor `after` (the last key shown, `next`
 * of the page before): reads the page's rows and one more, never the rest, and their cases and
 * residents, in ONE read transaction.
 */
export async function poolPage(
  desk: DeskBase,
  filter: PoolFilter,
  page: { after?: string; limit?: number } = {},
): Promise<ListPage<PoolRow, string>> {
  const limit = page.limit ?? LIST_PAGE_SIZE;
  const { prefix, col } = poolCollection(desk, filter, page.after);
  return readTx(desk.db, ['problems', 'cases', 'residents'], async () => {
    const read = pageOf(await col.limit(limit + 1).toArray(), limit, (p) => poolKeyIn(prefix, p));
    return { ...read, rows: await withCaseAndResidents(desk, read.rows) };
  });
}

/** How many problems `filter` holds, counting index keys no further than one past the cap. */
export async function poolTotal(desk: DeskBase, filter: PoolFilter): Promise<number> {
  return (
    await poolCollection(desk, filter)
      .col.limit(QUEUE_COUNT_CAP + 1)
      .primaryKeys()
  ).length;
}

/**
 * Counts of the open problems per category and per 网格 (the pool's headings), in ONE read
 * transaction: one index count per category, and per 网格 of the open list — the grids found by
 * stepping through the open list's 网格 keys, one key read per grid (never every problem's).
 */
export async function poolCounts(
  desk: DeskBase,
): Promise<{ byCategory: Record<string, number>; byGrid: Record<string, number>; total: number }> {
  return readTx(desk.db, ['problems'], () => countsIn(desk));
}

const poolIndexRange = (desk: DeskBase, from: string, to: string) =>
  desk.db.problems.where('poolKeys').between(from, to, true, false);

/** The 网格 of the open list, in key order: from each grid's first key, the next range starts past it. */
async function openGrids(desk: DeskBase): Promise<string[]> {
  const prefix = `${poolRange({}).prefix.slice(0, -1)}网格=`;
  const grids: string[] = [];
  for (let from = prefix; ;) {
    const [key] = await poolIndexRange(desk, from, prefix + '\uffff')
      .limit(1)
      .keys();
    // In the grids' own order (as the `gridId` index listed them): `g10|` keys sort before `g1|`.
    if (typeof key !== 'string') return grids.sort();
    const grid = key.slice(prefix.length, key.indexOf('|', prefix.length));
    grids.push(grid);
    from = `${prefix}${grid}|\uffff`;
  }
}

async function countsIn(desk: DeskBase) {
  const countOf = (prefix: string) => poolIndexRange(desk, prefix, prefix + '\uffff').count();
  const grids = await openGrids(desk);
  const [total, categories, perGrid] = await Promise.all([
    countOf(poolRange({}).prefix),
    Promise.all(PROBLEM_CATEGORIES.map((c) => countOf(poolRange({ category: c }).prefix))),
    Promise.all(grids.map((g) => countOf(poolRange({ gridId: g }).prefix))),
  ]);
  const byCategory: Record<string, number> = {};
  PROBLEM_CATEGORIES.forEach((c, i) => {
    if (categories[i]) byCategory[c] = categories[i];
  });
  const byGrid: Record<string, number> = {};
  grids.forEach((g, i) => {
    if (perGrid[i]) byGrid[g] = perGrid[i];
  });
  const withoutGrid = total - Object.values(byGrid).reduce((a, b) => a + b, 0);
  if (withoutGrid > 0) byGrid[''] = withoutGrid;
  return { byCategory, byGrid, total };
}

/** A resident's problems (the resident's page). */
export async function problemsOfResident(desk: DeskBase, residentId: string): Promise<Problem[]> {
  return (await desk.db.problems.where('residentIds').equals(residentId).toArray()).sort((a, b) =>
    b.raisedDay.localeCompare(a.raisedDay),
  );
}
