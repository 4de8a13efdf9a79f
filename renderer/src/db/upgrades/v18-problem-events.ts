/**
 * v17 → v18: a problem's sources and decisions become appended events (problemEvents, center
 * data), like cases and requests (v13) and documents in custody (v15). Every problem stored
 * before gets ONE opening event (升级基线) carrying its state now (its sources and decisions
 * included); its fold starts there. As in v13/v15 the event's id is derived from the problem's
 * (`v18-open-<id>`) and its clock from the problem's last change on desk 1, so two desks holding
 * the same old problem make the same event, not two. The desk's last clock stamp (desk-local,
 * counters `eventClock`) moves past the newest one given, never back.
 */
import type { Transaction } from 'dexie';
import { compareClocks, nextClock } from '@shared/domain/events/clock';
import { UPGRADE_OPENING } from '@shared/domain/events/caseEvents';
import { problemCoreOf } from '@shared/domain/events/problemCore';
import type { Counter, Problem, ProblemEvent } from '@shared/domain/records';

const OLD_DESK = 1;
const EVENT_CLOCK_KEY = 'eventClock';

export const problemOpeningId = (problemId: string): string => `v18-open-${problemId}`;

/** The opening event of a problem stored before v18 (also for a restore of an older backup). */
export function problemOpeningOf(p: Problem): ProblemEvent {
  return {
    id: problemOpeningId(p.id),
    problemId: p.id,
    at: p.updatedAt ?? 0,
    by: p.updatedBy ?? '',
    action: UPGRADE_OPENING,
    clock: nextClock(undefined, p.updatedAt ?? 0, OLD_DESK),
    desk: OLD_DESK,
    base: problemCoreOf(p),
  };
}

export async function upgradeV18ProblemEvents(tx: Transaction): Promise<void> {
  const openings: ProblemEvent[] = [];
  let newest: string | undefined;
  await tx
    .table<Problem, string>('problems')
    .toCollection()
    .each((p) => {
      const opening = problemOpeningOf(p);
      if (!newest || compareClocks(opening.clock, newest) > 0) newest = opening.clock;
      openings.push(opening);
    });
  await tx.table<ProblemEvent, string>('problemEvents').bulkPut(openings);
  if (!newest) return;
  const counters = tx.table<Counter, string>('counters');
  const last = await counters.get(EVENT_CLOCK_KEY);
  if (!last?.clock || compareClocks(newest, last.clock) > 0)
    await counters.put({ key: EVENT_CLOCK_KEY, value: last?.value ?? 0, clock: newest });
}
