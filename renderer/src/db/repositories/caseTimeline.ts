/**
 * A case's timeline (办理过程): events numbered 1, 2, 3 … within the case, written in the
 * same transaction as the change they record.
 */
import type { CaseEvent } from '@shared/domain/records';
import type { Desk, DeskBase } from '../desk';
import type { WriteTx } from '../write';

export type NewCaseEvent = Omit<CaseEvent, 'id' | 'n' | 'at' | 'by'> & Partial<Pick<CaseEvent, 'at' | 'by'>>;

/** Appends an event (next number, new id; by the actor at the transaction's time unless given). */
export async function addCaseEvent(desk: Desk, tx: WriteTx<'caseEvents'>, event: NewCaseEvent): Promise<CaseEvent> {
  const n = (await tx.caseEvents.where('caseId').equals(event.caseId).count()) + 1;
  return tx.caseEvents.add({ at: tx.now, by: desk.actor.id, ...event, id: desk.newId(), n });
}

/** The timeline of a case, in the order things happened. */
export async function caseEvents(desk: DeskBase, caseId: string): Promise<CaseEvent[]> {
  const events = await desk.db.caseEvents.where('caseId').equals(caseId).toArray();
  return events.sort((a, b) => (a.n ?? 0) - (b.n ?? 0) || a.at - b.at);
}
