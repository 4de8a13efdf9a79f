/**
 * A problem (问题库) as the fold of its events (records/events.ts `ProblemEvent`): the opening
 * event (登记, or the v18 upgrade's 升级基线) carries the problem; every later one what was
 * decided of its plain fields (status, the case, the first day, the merge pointer) as a patch,
 * and of its two growing lists only what it added (sources, decisions: kept in day order) or
 * which sources now name another resident. A list is never rewritten whole, so two desks that
 * each add a source or a decision offline keep both once their events meet (issue 23); the fold
 * never consults a rule.
 */
import type { DecisionRecord, Problem, ProblemEvent, ProblemSource, ProblemSourceRef, SourceAt } from '../records';
import { STATUS_AFTER } from '../meetings/decisions';
import { insertByDay, mergeProblems } from '../meetings/problems';
import { applyPatch, diffRecord, foldRecord, sameValue, withoutFields } from './patch';
import { PROBLEM_NOT_DECIDED, problemCoreOf } from './problemCore';

/** The opening event of a problem added at the desk, from a home visit or at a meeting. */
export const PROBLEM_OPENING = '登记';

/** The lists only ever appended to (or relinked): never part of an event's `decided` patch. */
const LISTS = ['sources', 'decisions'] as const;

export { problemCoreOf };
const plainOf = (p: Problem): Record<string, unknown> => withoutFields(p, [...PROBLEM_NOT_DECIDED, ...LISTS]);

/** Every change of a stored problem: what the one door (`changeProblem`) takes. */
export type ProblemChange =
  /** Reports of the same problem merged into this one: their sources, the earliest day, their case. */
  | { type: '并入问题'; merged: string[]; sources: ProblemSource[]; raisedDay: string; caseId?: string }
  /** This report merged into another problem (已合并). */
  | { type: '合并到'; into: string }
  /** A meeting's decision: added to the history, the status follows it, the case it made or used. */
  | { type: '会议决定'; decision: DecisionRecord; caseId?: string }
  /** The sources naming resident `from` name `to` (合并居民档案, its undo with `only`, 删除居民). */
  | { type: '改挂居民'; from: string; to: string; only?: SourceAt[] };

/** What an event records of a change (and what the fold applies). */
export type ProblemStep = Pick<ProblemEvent, 'decided' | 'appended' | 'relinked'>;

/** A source as a relink names it: without its resident. */
export function sourceRefOf(s: ProblemSource): ProblemSourceRef {
  const { residentId: _resident, ...ref } = s;
  return ref;
}

/**
 * The sources with those naming `from` moved to `to`. With `only`, just those: each the source
 * at its index when that is still it, else the first equal one not yet moved.
 */
export function relinkSources(
  sources: readonly ProblemSource[],
  r: NonNullable<ProblemEvent['relinked']>,
): ProblemSource[] {
  const movable = (s: ProblemSource | undefined, ref: ProblemSourceRef) =>
    s?.residentId === r.from && sameValue(sourceRefOf(s), ref);
  if (!r.only) return sources.map((s) => (s.residentId === r.from ? { ...s, residentId: r.to } : s));
  const out = [...sources];
  for (const { at, source } of r.only) {
    const i = movable(out[at], source) ? at : out.findIndex((s) => movable(s, source));
    if (i >= 0) out[i] = { ...out[i]!, residentId: r.to };
  }
  return out;
}

/** A change's step on `problem`, or the Chinese reason it is refused. Pure. */
export function problemStep(problem: Problem, change: ProblemChange): ProblemStep | string {
  const plain = plainOf(problem);
  const decided = (next: Record<string, unknown>) => diffRecord(plain, next);
  switch (change.type) {
    case '并入问题':
      if (problem.status === '已合并') return `“${problem.title}”已合并到其他问题`;
      return {
        decided: decided({
          ...plain,
          raisedDay: change.raisedDay,
          ...(change.caseId ? { caseId: change.caseId } : {}),
        }),
        appended: { sources: change.sources },
      };
    case '合并到':
      if (problem.status === '已合并') return `“${problem.title}”已合并到其他问题`;
      if (problem.status === '已解决') return `“${problem.title}”已解决，不能合并`;
      return { decided: decided({ ...plain, status: '已合并', mergedInto: change.into }) };
    case '会议决定': {
      const { decision, caseId } = change;
      return {
        decided: decided({ ...plain, status: STATUS_AFTER[decision.type], ...(caseId ? { caseId } : {}) }),
        appended: { decisions: [decision] },
      };
    }
    case '改挂居民':
      if (!change.to.trim()) return '请选择保留的居民档案';
      return { relinked: { from: change.from, to: change.to, ...(change.only ? { only: change.only } : {}) } };
  }
}

/**
 * Reports of the same problem merged (mergeProblems' rules and refusals) as the door's changes:
 * `into` gets the others' sources, the earliest day and the one case; each other is 合并到 it.
 */
export function mergeChanges(
  into: Problem,
  others: readonly Problem[],
): { ok: true; into: ProblemChange; merged: ProblemChange } | { ok: false; reason: string } {
  const r = mergeProblems(into, others);
  if (!r.ok) return r;
  return {
    ok: true,
    into: {
      type: '并入问题',
      merged: others.map((o) => o.id),
      sources: others.flatMap((o) => o.sources),
      raisedDay: r.into.raisedDay,
      ...(r.into.caseId ? { caseId: r.into.caseId } : {}),
    },
    merged: { type: '合并到', into: into.id },
  };
}

const copy = <V>(v: V): V => JSON.parse(JSON.stringify(v)) as V;

/** A recorded step applied to a problem (the door's next record; the fold's every step). */
export function applyProblemStep<T extends Record<string, unknown>>(record: T, step: ProblemStep): T {
  const next: Record<string, unknown> = applyPatch(record, step.decided);
  const list = <V>(k: string) => (next[k] ?? []) as V[];
  const { sources, decisions } = step.appended ?? {};
  if (sources?.length) next.sources = insertByDay(list<ProblemSource>('sources'), copy(sources));
  if (decisions?.length) next.decisions = insertByDay(list<DecisionRecord>('decisions'), copy(decisions));
  if (step.relinked) next.sources = relinkSources(list<ProblemSource>('sources'), step.relinked);
  return next as T;
}

/** The problem rebuilt from its events (stamps and `residentIds` aside); undefined without an opening event. */
export function foldProblem(events: readonly ProblemEvent[]): Record<string, unknown> | undefined {
  return foldRecord<Record<string, unknown>, ProblemEvent>(events, applyProblemStep);
}
