/**
 * The generated desk's problem events (问题库), written as the app's door writes them
 * (renderer/src/db/repositories/changeProblem.ts): an opening event carrying the new problem,
 * then each change — a merge, a meeting's decision — as the step the same pure rules decide
 * (shared/domain/events/problemEvents.ts), applied to the problem in place. Ids are derived from
 * the problem's (`<id>-q<n>`: the id stream stays as it was); generate.ts stamps their clocks
 * with the desk's other events.
 */
import {
  applyProblemStep,
  PROBLEM_OPENING,
  problemCoreOf,
  problemStep,
  type ProblemChange,
} from '@shared/domain/events/problemEvents';
import { residentIdsOf } from '@shared/domain/meetings';
import type { EventInput, Problem, ProblemEvent } from '@shared/domain/records';

type Body = Omit<ProblemEvent, 'id' | 'problemId' | 'clock' | 'desk'>;

export class ProblemLog {
  readonly events: ProblemEvent[] = [];
  private readonly counts = new Map<string, number>();

  constructor(private readonly desk: number) {}

  private push(p: Problem, body: Body): void {
    const n = (this.counts.get(p.id) ?? 0) + 1;
    this.counts.set(p.id, n);
    this.events.push({ ...body, id: `${p.id}-q${n}`, problemId: p.id, clock: '', desk: this.desk });
  }

  /** A new problem's opening event (登记). */
  opened(p: Problem): void {
    const kind = p.sources[0]?.kind;
    this.push(p, {
      at: p.createdAt,
      by: p.createdBy,
      action: PROBLEM_OPENING,
      ...(kind ? { note: kind } : {}),
      base: problemCoreOf(p),
    });
  }

  /** A change through the rules, applied to `p` in place, and its event. */
  changed(p: Problem, change: ProblemChange, at: number, by: string): void {
    const step = problemStep(p, change);
    if (typeof step === 'string') throw new Error(`problem generator: ${step}`);
    const next = applyProblemStep(p, step);
    for (const k of step.decided?.unset ?? []) delete (p as Record<string, unknown>)[k];
    Object.assign(p, next, { updatedAt: at, updatedBy: by });
    p.residentIds = residentIdsOf(p);
    this.push(p, { at, by, action: change.type, input: change as unknown as EventInput, ...step });
  }
}
