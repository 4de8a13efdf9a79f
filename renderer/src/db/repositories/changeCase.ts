/**
 * THE door of the case machine: `openCase` stores a new case with its opening event,
 * `changeCase` is the only way a stored case changes afterwards. Inside the caller's write
 * transaction it takes the actor from `tx.actor` (read once by writeTx), decides "admin" one way
 * (`case.supervise` in roles.ts), applies the rule (the case machine's `applyAction`, or one of
 * the door's own actions: shared/domain/events/caseEvents.ts), and writes the record, the event
 * (its clock, desk, full input and what was decided) and the `case.*` audit row.
 *
 * Dexie promise chains, not async functions: they keep the transaction at any depth (see
 * architecture.md "Transactions and nested async helpers").
 */
import { Dexie } from 'dexie';
import { applyAction, caseStateFromRecord, recordWithState } from '@shared/domain/caseMachine';
import { caseAuditAction, type AuditAction } from '@shared/domain/audit';
import {
  applyDoorCaseAction,
  caseCoreOf,
  caseDecision,
  isMachineAction,
  type CaseChange,
  type DoorCaseAction,
} from '@shared/domain/events/caseEvents';
import type { CaseEvent, CaseRecord, EventInput } from '@shared/domain/records';
import { supervises } from '../authorize';
import type { Desk } from '../desk';
import { DomainRefusal } from '../refusal';
import type { Unstamped, WriteTx } from '../write';
import { addCaseEvent, type NewCaseEvent } from './caseTimeline';

export type CaseTx = WriteTx<'cases' | 'caseEvents' | 'counters'>;

const DOOR_AUDIT: Record<DoorCaseAction['type'], AuditAction> = {
  改挂居民: 'case.reassign',
  调整承诺办结日期: 'case.deadline',
  登记收到材料: 'case.documentsIn',
  确认同步冲突: 'sync.resolve',
};

export type CaseChangeOptions = {
  /** Added to the timeline note, in （）: e.g. 代为操作 and its reason. */
  why?: string;
  /** Added to the audit detail. */
  auditNote?: string;
  /** The time limit of a case stored before the record kept it (the catalog's). */
  fallbackLimit?: number;
};

/** The rule's decision: the next record and the timeline note (pure; throws the refusal). */
function decide(
  desk: Desk,
  tx: CaseTx,
  record: CaseRecord,
  change: CaseChange,
  options: CaseChangeOptions,
): { next: CaseRecord; note?: string } {
  if (!isMachineAction(change)) {
    const r = applyDoorCaseAction(record, change);
    if (typeof r === 'string') throw new DomainRefusal(r);
    return r;
  }
  const limit = options.fallbackLimit ?? record.timeLimitDays ?? 0;
  const r = applyAction(
    caseStateFromRecord(record, limit),
    change,
    { staffId: desk.actor.id, isAdmin: supervises(tx) },
    { now: tx.now, today: tx.today },
    desk.calendar,
  );
  if (!r.ok) throw new DomainRefusal(r.reason, r.field);
  return { next: recordWithState(record, r.next), ...(r.event.note ? { note: r.event.note } : {}) };
}

/**
 * Applies `change` to `record` as the transaction's actor. A Dexie promise chain (not an async
 * function), so it keeps the transaction at any depth of the caller.
 * @throws DomainRefusal with the rule's Chinese reason when it is not allowed.
 */
export function changeCase(
  desk: Desk,
  tx: CaseTx,
  record: CaseRecord,
  change: CaseChange,
  options: CaseChangeOptions = {},
): Promise<{ record: CaseRecord; event: CaseEvent }> {
  let next: CaseRecord;
  let note: string | undefined;
  try {
    ({ next, note } = decide(desk, tx, record, change, options));
  } catch (e) {
    return Dexie.Promise.reject(e);
  }
  if (next.firstContactId !== record.firstContactId) throw new Error('invariant: first contact changed');
  if (options.why) note = note ? `${note}（${options.why}）` : options.why;
  return tx.cases.put(next).then((stored) => {
    const body: NewCaseEvent = {
      caseId: record.id,
      action: change.type,
      from: record.status,
      to: stored.status,
      ...(note ? { note } : {}),
      ...(change.type === '转办' ? { toStaffId: change.toStaffId.trim() } : {}),
      input: change as unknown as EventInput,
      decided: caseDecision(record, stored),
    };
    return addCaseEvent(desk, tx, body).then((event) =>
      tx
        .audit({
          action: isMachineAction(change) ? caseAuditAction(change.type) : DOOR_AUDIT[change.type],
          entity: 'case',
          entityId: record.id,
          detail: `${record.status}→${stored.status}${options.auditNote ?? ''}`,
        })
        .then(() => ({ record: stored, event })),
    );
  });
}

/** A new case stored with its opening event (受理 or 不予受理 at the counter), which carries the whole record. */
export function openCase(
  desk: Desk,
  tx: CaseTx,
  draft: Unstamped<CaseRecord>,
  opening: { action: string; note?: string },
): Promise<CaseRecord> {
  return tx.cases.add(draft).then((record) =>
    addCaseEvent(desk, tx, {
      caseId: record.id,
      action: opening.action,
      to: record.status,
      ...(opening.note ? { note: opening.note } : {}),
      base: caseCoreOf(record),
    }).then(() => record),
  );
}
