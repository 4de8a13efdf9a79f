/**
 * A case's timeline (办理过程): its events in clock order (shared/domain/events/clock.ts),
 * written in the same transaction as the change they record. Every event gets the desk's next
 * clock stamp (the last one is kept desk-local in the counters table), its desk number and who
 * acted (`tx.actor`, with whether they hold `case.supervise`).
 */
import { inClockOrder } from '@shared/domain/events/patch';
import { UPGRADE_OPENING } from '@shared/domain/events/caseEvents';
import type { CaseEvent } from '@shared/domain/records';
import { supervises } from '../authorize';
import type { Desk, DeskBase } from '../desk';
import type { WriteTx } from '../write';
import { appendEvent } from './machineDoor';

export type NewCaseEvent = Omit<CaseEvent, 'id' | 'n' | 'at' | 'by' | 'clock' | 'desk' | 'admin'>;

type TimelineTx = WriteTx<'caseEvents' | 'counters'>;

/** Appends an event: new id, the next clock stamp, by the transaction's actor at its time. */
export function addCaseEvent(desk: Desk, tx: TimelineTx, event: NewCaseEvent): Promise<CaseEvent> {
  return appendEvent(desk, tx, tx.caseEvents, { ...event, admin: supervises(tx) });
}

/** Every event of a case (the fold's input), in clock order. */
export async function allCaseEvents(desk: DeskBase, caseId: string): Promise<CaseEvent[]> {
  return inClockOrder(await desk.db.caseEvents.where('caseId').equals(caseId).toArray());
}

/** The timeline of a case as shown, in the order things happened (the upgrade's opening event left out). */
export async function caseEvents(desk: DeskBase, caseId: string): Promise<CaseEvent[]> {
  return (await allCaseEvents(desk, caseId)).filter((e) => e.action !== UPGRADE_OPENING);
}
