/**
 * THE door of a problem (问题库): `openProblem` stores a new problem with its opening event
 * (登记: the whole problem), `changeProblem` is the only way a stored problem changes. Inside the
 * caller's transaction it applies the rule (shared/domain/events/problemEvents.ts `problemStep`)
 * and writes the event — its clock, desk, who acted (`tx.actor`), the change as input and what
 * was decided: a patch of the plain fields, the sources or decisions it ADDS, the sources it
 * relinks — and the record, which is that step applied (so the record is always the fold of its
 * events). The callers write their audit rows as before (problem.add, problem.merge,
 * meeting.decision, resident.*). Dexie promise chains, not async functions: they keep the
 * transaction at any depth.
 */
import { Dexie } from 'dexie';
import {
  applyProblemStep,
  PROBLEM_OPENING,
  problemCoreOf,
  problemStep,
  type ProblemChange,
} from '@shared/domain/events/problemEvents';
import type { EventInput, Problem, ProblemEvent } from '@shared/domain/records';
import type { Desk } from '../desk';
import { DomainRefusal } from '../refusal';
import type { Unstamped, WriteTx } from '../write';
import { appendEvent, type EventBody } from './machineDoor';

export type ProblemTx = WriteTx<'problems' | 'problemEvents' | 'counters'>;

function addProblemEvent(desk: Desk, tx: ProblemTx, body: EventBody<ProblemEvent>): Promise<ProblemEvent> {
  return appendEvent(desk, tx, tx.problemEvents, body);
}

/** A new problem stored with its opening event, which carries the whole problem. */
export function openProblem(desk: Desk, tx: ProblemTx, draft: Unstamped<Problem>): Promise<Problem> {
  return tx.problems.add(draft).then((problem) =>
    addProblemEvent(desk, tx, {
      problemId: problem.id,
      action: PROBLEM_OPENING,
      ...(problem.sources[0] ? { note: problem.sources[0].kind } : {}),
      base: problemCoreOf(problem),
    }).then(() => problem),
  );
}

/**
 * Applies `change` to `problem` as the transaction's actor.
 * @throws DomainRefusal with the rule's Chinese reason when it is not allowed.
 */
export function changeProblem(desk: Desk, tx: ProblemTx, problem: Problem, change: ProblemChange): Promise<Problem> {
  const step = problemStep(problem, change);
  if (typeof step === 'string') return Dexie.Promise.reject(new DomainRefusal(step));
  return tx.problems.put(applyProblemStep(problem, step)).then((stored) =>
    addProblemEvent(desk, tx, {
      problemId: problem.id,
      action: change.type,
      input: change as unknown as EventInput,
      ...step,
    }).then(() => stored),
  );
}
