/**
 * 问题库: the problems of the joint meeting — 诉求 cases (added by registerVisit), problems zone
 * staff bring from home visits or raised at the meeting, merged reports of the same problem.
 * Reads by index (status, residentIds); each write one transaction with its audit row.
 */
import { problemInputRefusal, type ProblemInput } from '@shared/domain/meetings';
import { mergeChanges } from '@shared/domain/events/problemEvents';
import type { CaseRecord, Problem, ProblemSourceKind, ProblemStatus } from '@shared/domain/records';
import { namedResidents, type NamedResident } from '@shared/domain/residentStatus';
import type { Desk, DeskBase } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx, type WriteTx } from '../write';
import { residentsByIds, resolveResident } from './residents';
import { changeProblem, openProblem } from './changeProblem';

export const OPEN_PROBLEM_STATUSES: readonly ProblemStatus[] = ['待研究', '继续跟踪', '社区处置', '已上报街道'];

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

export type PoolFilter = { status?: ProblemStatus; category?: string; gridId?: string };
/** `residents`: who reported it, each on file or 已删除居民 (namedResidents). */
export type PoolRow = { problem: Problem; record?: CaseRecord; residents: NamedResident[] };

/** The pool's problems (open ones unless a status is chosen), newest first, with their case and residents. */
export async function problemPool(desk: DeskBase, filter: PoolFilter = {}): Promise<PoolRow[]> {
  const statuses = filter.status ? [filter.status] : OPEN_PROBLEM_STATUSES;
  const problems = (
    await desk.db.problems
      .where('status')
      .anyOf([...statuses])
      .toArray()
  )
    .filter(
      (p) => (!filter.category || p.category === filter.category) && (!filter.gridId || p.gridId === filter.gridId),
    )
    .sort((a, b) => b.raisedDay.localeCompare(a.raisedDay) || a.title.localeCompare(b.title));
  const cases = await desk.db.cases.bulkGet(problems.map((p) => p.caseId ?? ''));
  const residentIds = [...new Set(problems.flatMap((p) => p.residentIds ?? []))];
  const residents = await residentsByIds(desk, residentIds);
  return problems.map((problem, i) => ({
    problem,
    record: cases[i],
    residents: namedResidents(problem.residentIds, residents),
  }));
}

/** Counts of the open problems per category and per 网格 (the pool's headings). */
export async function poolCounts(
  desk: DeskBase,
): Promise<{ byCategory: Record<string, number>; byGrid: Record<string, number>; total: number }> {
  const open = await desk.db.problems
    .where('status')
    .anyOf([...OPEN_PROBLEM_STATUSES])
    .toArray();
  const byCategory: Record<string, number> = {};
  const byGrid: Record<string, number> = {};
  for (const p of open) {
    byCategory[p.category] = (byCategory[p.category] ?? 0) + 1;
    const g = p.gridId ?? '';
    byGrid[g] = (byGrid[g] ?? 0) + 1;
  }
  return { byCategory, byGrid, total: open.length };
}

/** A resident's problems (the resident's page). */
export async function problemsOfResident(desk: DeskBase, residentId: string): Promise<Problem[]> {
  return (await desk.db.problems.where('residentIds').equals(residentId).toArray()).sort((a, b) =>
    b.raisedDay.localeCompare(a.raisedDay),
  );
}
