/** Two test desks that know case events and exchange them now and then, as replication will. */
import { applyAction, caseStateFromRecord, recordWithState, type CaseAction } from '@shared/domain/caseMachine';
import type { Actor } from '@shared/domain/caseMachine';
import { nextClock, observed } from '@shared/domain/events/clock';
import { caseCoreOf, caseDecision } from '@shared/domain/events/caseEvents';
import type { CaseEvent, CaseRecord, EventInput } from '@shared/domain/records';
import { createCalendar } from '@shared/domain/workingCalendar';

export const calendar = createCalendar();
export const DAY = '2026-12-01';
export const T = 1_764_552_600_000; // 2026-12-01 09:30 +08:00

export type KnowingDesk<E> = { no: number; skew: number; last?: string; known: E[] };

/** Each desk receives the other's events and observes their clocks. */
export function exchange<E extends { id: string; clock?: string }>(a: KnowingDesk<E>, b: KnowingDesk<E>): void {
  const idsA = new Set(a.known.map((e) => e.id));
  const idsB = new Set(b.known.map((e) => e.id));
  const toA = b.known.filter((e) => !idsA.has(e.id));
  const toB = a.known.filter((e) => !idsB.has(e.id));
  a.known.push(...toA);
  b.known.push(...toB);
  for (const e of toA) a.last = observed(a.last, e.clock!);
  for (const e of toB) b.last = observed(b.last, e.clock!);
}

/** The case `c1` opened (受理) by s1 on desk 1 at T, as `record`. */
export function openingEvent(record: CaseRecord): CaseEvent {
  return {
    id: 'e-open',
    caseId: 'c1',
    at: T,
    by: 's1',
    action: '受理',
    clock: nextClock(undefined, T, 1),
    desk: 1,
    base: caseCoreOf(record),
  };
}

/**
 * Desk `d`, whose view of the case is `before`, takes `action` at `now` as its door would: the
 * rules decide, and the event (id `id`) joins what the desk knows. The record after, or
 * undefined when the rules refuse (nothing recorded).
 */
export function actOn(
  d: KnowingDesk<CaseEvent>,
  before: CaseRecord,
  action: CaseAction,
  actor: Actor,
  now: number,
  id: string,
): CaseRecord | undefined {
  const r = applyAction(caseStateFromRecord(before), action, actor, { now, today: DAY }, calendar);
  if (!r.ok) return undefined;
  const after = recordWithState(before, r.next);
  d.last = nextClock(d.last, now, d.no);
  d.known.push({
    ...r.event,
    id,
    clock: d.last,
    desk: d.no,
    admin: actor.isAdmin,
    input: action as unknown as EventInput,
    decided: caseDecision(before, after),
  });
  return after;
}
