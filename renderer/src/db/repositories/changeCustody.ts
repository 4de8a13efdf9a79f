/**
 * THE door of the custody machine (材料交接): `openCustody` stores a newly collected document
 * (收取) with its opening event, `changeCustody` is the only way a stored item changes. Inside
 * the caller's transaction it applies the custody rules (`applyCustody`) as `tx.actor`, and
 * writes the item, its event (clock, desk, full input, what was decided), the step on its case's
 * timeline and the `custody.*` audit row. Dexie promise chains, not async functions: they keep
 * the transaction at any depth.
 */
import { CUSTODY_AUDIT_ACTIONS } from '@shared/domain/audit';
import { applyCustody, holderLabel, type CustodyAction, type CustodyResult } from '@shared/domain/custody';
import { custodyCoreOf, custodyDecision } from '@shared/domain/events/custodyEvents';
import { acknowledgeConflicts, SYNC_CONFLICT_ACK, type SyncConflictAck } from '@shared/domain/events/refused';
import type { CaseRecord, CustodyItem, EventInput } from '@shared/domain/records';
import type { Desk } from '../desk';
import type { Unstamped, WriteTx } from '../write';
import { addCaseEvent } from './caseTimeline';
import { refusedBy, withEvent } from './machineDoor';

export type CustodyTx = WriteTx<'custodyItems' | 'custodyEvents' | 'caseEvents' | 'counters'>;

/** The door's own action (not the custody rules'): a resident merge moves the item to the kept resident. */
export type CustodyReassign = { type: '改挂居民'; residentId: string };

/**
 * Every change of a stored item: a custody rule's action (the rules refuse 收取 again) or the
 * door's own (改挂居民, issue 24's 确认同步冲突).
 */
export type CustodyChange = CustodyAction | CustodyReassign | SyncConflictAck;

export type CustodyChangeOptions = {
  /** The item's case: its tracking number goes in the audit detail. */
  case: Pick<CaseRecord, 'trackingNumber'>;
  /** Staff names for the timeline's note (holders); others show as 工作人员. */
  names?: ReadonlyMap<string, string>;
  /** A refusal names the document (several items in one go). */
  named?: boolean;
};

/** What a 收取 stores besides the rule's decision. */
export type CollectedDraft = Pick<CustodyItem, 'id' | 'caseId' | 'residentId' | 'document' | 'original' | 'count'>;

/** The case's timeline step and the audit row of one rule-decided step. */
function recordStep(
  desk: Desk,
  tx: CustodyTx,
  item: CustodyItem,
  type: CustodyAction['type'],
  r: Extract<CustodyResult, { ok: true }>,
  options: CustodyChangeOptions,
): Promise<void> {
  const who = (id: string) => options.names?.get(id) ?? '工作人员';
  const e = r.event;
  return addCaseEvent(desk, tx, {
    caseId: item.caseId,
    action: `材料${type}`,
    note: `${item.document}（${item.original ? '原件' : '复印件'}${item.count}份）：${holderLabel(e.from, who)} → ${holderLabel(e.to, who)}${e.note ? `；${e.note}` : ''}`,
  }).then(() =>
    tx.audit({
      action: CUSTODY_AUDIT_ACTIONS[type],
      entity: 'custodyItem',
      entityId: item.id,
      detail: `${type}（办件 ${options.case.trackingNumber}）`,
    }),
  );
}

/**
 * A document collected (收取): the item stored with its opening event, which carries the whole
 * item. Any other `action` is refused by the rules (该材料尚未收取).
 */
export function openCustody(
  desk: Desk,
  tx: CustodyTx,
  draft: CollectedDraft,
  action: CustodyAction,
  options: CustodyChangeOptions,
): Promise<CustodyItem> {
  const r = applyCustody(undefined, action, { actorId: tx.actor.id, now: tx.now });
  if (!r.ok) return refusedBy(r.reason);
  const item: Unstamped<CustodyItem> = { ...draft, collectedAt: tx.now, ...r.next };
  return withEvent(
    desk,
    tx,
    tx.custodyItems.add(item),
    tx.custodyEvents,
    (stored) => ({
      itemId: stored.id,
      caseId: stored.caseId,
      action: action.type,
      input: action as unknown as EventInput,
      base: custodyCoreOf(stored),
    }),
    (stored) => recordStep(desk, tx, stored, action.type, r, options),
  );
}

/**
 * Applies `action` to `item` as the transaction's actor.
 * @throws DomainRefusal with the rule's Chinese reason when it is not allowed.
 */
export function changeCustody(
  desk: Desk,
  tx: CustodyTx,
  item: CustodyItem,
  action: CustodyChange,
  options: CustodyChangeOptions,
): Promise<CustodyItem> {
  let r: CustodyResult | undefined;
  let next: CustodyItem;
  let doorNote = '改挂居民档案';
  if (action.type === '改挂居民') {
    if (!action.residentId.trim()) return refusedBy('请选择保留的居民档案');
    next = { ...item, residentId: action.residentId };
  } else if (action.type === SYNC_CONFLICT_ACK) {
    const a = acknowledgeConflicts(item, action, '该材料');
    if (typeof a === 'string') return refusedBy(a);
    ({ next, note: doorNote } = a);
  } else {
    r = applyCustody(item, action, { actorId: tx.actor.id, now: tx.now });
    if (!r.ok) return refusedBy(options.named ? `${item.document}：${r.reason}` : r.reason);
    next = { ...item, ...r.next };
  }
  const step = r;
  return withEvent(
    desk,
    tx,
    tx.custodyItems.put(next),
    tx.custodyEvents,
    (stored) => ({
      itemId: item.id,
      caseId: item.caseId,
      action: action.type,
      note: step?.ok ? step.event.note : doorNote,
      input: action as unknown as EventInput,
      decided: custodyDecision(item, stored),
    }),
    (stored) =>
      step?.ok && action.type !== '改挂居民' && action.type !== SYNC_CONFLICT_ACK
        ? recordStep(desk, tx, stored, action.type, step, options)
        : undefined,
    () =>
      action.type === SYNC_CONFLICT_ACK
        ? tx.audit({
            action: 'sync.resolve',
            entity: 'custodyItem',
            entityId: item.id,
            detail: `${SYNC_CONFLICT_ACK}${options.case.trackingNumber ? `（办件 ${options.case.trackingNumber}）` : ''}`,
          })
        : undefined,
  );
}
