/**
 * A case's timeline (办理过程): its events in clock order (shared/domain/events/clock.ts),
 * written in the same transaction as the change they record. Every event gets the desk's next
 * clock stamp (the last one is kept desk-local in the counters table), its desk number and who
 * acted (`tx.actor`, with whether they hold `case.supervise`).
 */
import { inClockOrder } from '@shared/domain/events/patch';
import { nextClock } from '@shared/domain/events/clock';
import { UPGRADE_OPENING } from '@shared/domain/events/caseEvents';
import type { CaseEvent } from '@shared/domain/records';
import { supervises } from '../authorize';
import { deskNumberOf, type Desk, type DeskBase } from '../desk';
import type { WriteTx } from '../write';

/** The counters row that keeps this desk's last event clock stamp (desk-local). */
export const EVENT_CLOCK_KEY = 'eventClock';

export type NewCaseEvent = Omit<CaseEvent, 'id' | 'n' | 'at' | 'by' | 'clock' | 'desk' | 'admin'>;

type TimelineTx = WriteTx<'caseEvents' | 'counters'>;

/**
 * This desk's next event clock stamp, kept in the same transaction. A Dexie promise chain (not
 * an async function), so callers may await it at any depth without losing the transaction.
 */
export function tickEventClock(desk: DeskBase, tx: WriteTx<'counters'>): Promise<string> {
  return tx.counters.get(EVENT_CLOCK_KEY).then((last) => {
    const clock = nextClock(last?.clock, tx.now, deskNumberOf(desk));
    return tx.counters.put({ key: EVENT_CLOCK_KEY, value: tx.now, clock }).then(() => clock);
  });
}

/** Appends an event: new id, the next clock stamp, by the transaction's actor at its time. */
export function addCaseEvent(desk: Desk, tx: TimelineTx, event: NewCaseEvent): Promise<CaseEvent> {
  return tickEventClock(desk, tx).then((clock) =>
    tx.caseEvents.add({
      ...event,
      id: desk.newId(),
      at: tx.now,
      by: desk.actor.id,
      clock,
      desk: deskNumberOf(desk),
      admin: supervises(tx),
    }),
  );
}

/** Every event of a case (the fold's input), in clock order. */
export async function allCaseEvents(desk: DeskBase, caseId: string): Promise<CaseEvent[]> {
  return inClockOrder(await desk.db.caseEvents.where('caseId').equals(caseId).toArray());
}

/** The timeline of a case as shown, in the order things happened (the upgrade's opening event left out). */
export async function caseEvents(desk: DeskBase, caseId: string): Promise<CaseEvent[]> {
  return (await allCaseEvents(desk, caseId)).filter((e) => e.action !== UPGRADE_OPENING);
}
