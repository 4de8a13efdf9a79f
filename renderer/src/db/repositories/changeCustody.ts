/**
 * THE door of the custody machine (材料交接): `openCustody` stores a newly collected document
 * (收取) with its opening event, `changeCustody` is the only way a stored item changes. Inside
 * the caller's transaction it applies the custody rules (`applyCustody`) as `tx.actor`, and
 * writes the item, its event (clock, desk, full input, what was decided), the step on its case's
 * timeline and the `custody.*` audit row. Dexie promise chains, not async functions: they keep
 * the transaction at any depth.
 */
import { Dexie } from 'dexie';
import { CUSTODY_AUDIT_ACTIONS } from '@shared/domain/audit';
import { applyCustody, holderLabel, type CustodyAction, type CustodyResult } from '@shared/domain/custody';
import { custodyCoreOf, custodyDecision } from '@shared/domain/events/custodyEvents';
import type { CaseRecord, CustodyItem, CustodyItemEvent, EventInput } from '@shared/domain/records';
import { deskNumberOf, type Desk } from '../desk';
import { DomainRefusal } from '../refusal';
import type { Unstamped, WriteTx } from '../write';
import { addCaseEvent, tickEventClock } from './caseTimeline';

export type CustodyTx = WriteTx<'custodyItems' | 'custodyEvents' | 'caseEvents' | 'counters'>;

type CustodyEventBody = Omit<CustodyItemEvent, 'id' | 'at' | 'by' | 'clock' | 'desk'>;

function addCustodyEvent(desk: Desk, tx: CustodyTx, body: CustodyEventBody): Promise<CustodyItemEvent> {
  return tickEventClock(desk, tx).then((clock) =>
    tx.custodyEvents.add({ ...body, id: desk.newId(), at: tx.now, by: desk.actor.id, clock, desk: deskNumberOf(desk) }),
  );
}

/** The door's own action (not the custody rules'): a resident merge moves the item to the kept resident. */
export type CustodyReassign = { type: '改挂居民'; residentId: string };

/** Every change of a stored item: a custody rule's action (the rules refuse 收取 again) or the door's own. */
export type CustodyChange = CustodyAction | CustodyReassign;

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

const refused = (reason: string) => Dexie.Promise.reject(new DomainRefusal(reason));

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
  if (!r.ok) return refused(r.reason);
  const item: Unstamped<CustodyItem> = { ...draft, collectedAt: tx.now, ...r.next };
  return tx.custodyItems.add(item).then((stored) =>
    addCustodyEvent(desk, tx, {
      itemId: stored.id,
      caseId: stored.caseId,
      action: action.type,
      input: action as unknown as EventInput,
      base: custodyCoreOf(stored),
    })
      .then(() => recordStep(desk, tx, stored, action.type, r, options))
      .then(() => stored),
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
  if (action.type === '改挂居民') {
    if (!action.residentId.trim()) return refused('请选择保留的居民档案');
    next = { ...item, residentId: action.residentId };
  } else {
    r = applyCustody(item, action, { actorId: tx.actor.id, now: tx.now });
    if (!r.ok) return refused(options.named ? `${item.document}：${r.reason}` : r.reason);
    next = { ...item, ...r.next };
  }
  const step = r;
  return tx.custodyItems.put(next).then((stored) =>
    addCustodyEvent(desk, tx, {
      itemId: item.id,
      caseId: item.caseId,
      action: action.type,
      note: step?.ok ? step.event.note : '改挂居民档案',
      input: action as unknown as EventInput,
      decided: custodyDecision(item, stored),
    })
      .then(() =>
        step?.ok && action.type !== '改挂居民' ? recordStep(desk, tx, stored, action.type, step, options) : undefined,
      )
      .then(() => stored),
  );
}
