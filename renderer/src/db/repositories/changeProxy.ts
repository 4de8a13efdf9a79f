/**
 * THE door of the proxy machine (帮代办): `openProxy` stores a new request with its opening event,
 * `changeProxy` is the only way a stored request changes. Inside the caller's transaction it
 * applies the proxy rules (`applyProxy`) as `tx.actor`, and writes the request, its event (clock,
 * desk, full input, what was decided), the step on its case's timeline and the `proxy.*` audit
 * row. Dexie promise chains, not async functions: they keep the transaction at any depth.
 */
import { PROXY_AUDIT_ACTIONS, type AuditAction } from '@shared/domain/audit';
import { applyProxy, type ProxyAction } from '@shared/domain/proxy';
import { PROXY_OPENING, proxyCoreOf, proxyDecision } from '@shared/domain/events/proxyEvents';
import { acknowledgeConflicts, SYNC_CONFLICT_ACK, type SyncConflictAck } from '@shared/domain/events/refused';
import type { CaseRecord, EventInput, ProxyTask } from '@shared/domain/records';
import type { Desk } from '../desk';
import type { Unstamped, WriteTx } from '../write';
import { addCaseEvent } from './caseTimeline';
import { refusedBy, withEvent } from './machineDoor';
import { proxyCtx } from './proxyCtx';

export type ProxyTx = WriteTx<'proxyTasks' | 'proxyEvents' | 'caseEvents' | 'counters'>;

/** The door's own action (not the proxy rules'): a resident merge moves the request to the kept resident. */
export type ProxyReassign = { type: '改挂居民'; residentId: string };

/** Every change of a request: a proxy rule's action or the door's own (改挂居民, issue 24's 确认同步冲突). */
export type ProxyChange = ProxyAction | ProxyReassign | SyncConflictAck;

export type ProxyChangeOptions = {
  /** The documents of the request's case still out of the home (for 取消). */
  originalsOut: readonly string[];
  /** The request's case, when it has one: its tracking number goes in the audit detail. */
  case?: Pick<CaseRecord, 'trackingNumber'>;
  /** Added to the audit detail (e.g. 代为操作). */
  auditNote?: string;
};

/**
 * Applies `action` to `task` as the transaction's actor (a Dexie promise chain: it keeps the
 * transaction at any depth of the caller).
 * @throws DomainRefusal with the rule's Chinese reason (and field) when it is not allowed.
 */
export function changeProxy(
  desk: Desk,
  tx: ProxyTx,
  task: ProxyTask,
  action: ProxyChange,
  options: ProxyChangeOptions,
): Promise<ProxyTask> {
  const r =
    action.type === '改挂居民'
      ? reassigned(task, action)
      : action.type === SYNC_CONFLICT_ACK
        ? acknowledged(task, action)
        : applyProxy(task, action, { ...proxyCtx(desk, tx, options.originalsOut), requestedDay: task.requestedDay });
  if (!r.ok) return refusedBy(r.reason, 'field' in r ? r.field : undefined);
  const detail =
    action.type === '受理'
      ? (options.case?.trackingNumber ?? '')
      : `${task.status}→${r.next.status}${options.case ? `（办件 ${options.case.trackingNumber}）` : ''}${otherDay(task, r.next)}${options.auditNote ?? ''}`;
  return withEvent(
    desk,
    tx,
    // The door's own actions decide the whole record (the acknowledgement removes 同步冲突).
    tx.proxyTasks.put(action.type === SYNC_CONFLICT_ACK ? (r.next as ProxyTask) : { ...task, ...r.next }),
    tx.proxyEvents,
    (next) => ({
      taskId: task.id,
      action: action.type,
      from: task.status,
      to: next.status,
      note: r.note,
      input: action as unknown as EventInput,
      decided: proxyDecision(task, next),
    }),
    // The case's timeline shows the request's steps (受理 and 改挂居民 are the case's own).
    (next) =>
      next.caseId && action.type !== '受理' && action.type !== '改挂居民' && action.type !== SYNC_CONFLICT_ACK
        ? addCaseEvent(desk, tx, { caseId: next.caseId, action: `代办${action.type}`, note: r.note })
        : undefined,
    () =>
      tx.audit({
        action: doorAudit(action),
        entity: 'proxyTask',
        entityId: task.id,
        detail,
      }),
  );
}

/** A visit recorded on another day than booked: the days go in the log, the clerk's reason stays on the request. */
const otherDay = (task: ProxyTask, next: Pick<ProxyTask, 'visitedDay' | 'visitedReason'>) =>
  next.visitedReason && !task.visitedReason ? `；实际上门 ${next.visitedDay}（预约 ${task.visit?.day ?? '—'}）` : '';

const doorAudit = (action: ProxyChange): AuditAction =>
  action.type === '改挂居民'
    ? 'proxy.reassign'
    : action.type === SYNC_CONFLICT_ACK
      ? 'sync.resolve'
      : PROXY_AUDIT_ACTIONS[action.type];

function acknowledged(
  task: ProxyTask,
  action: SyncConflictAck,
): { ok: false; reason: string; field?: string } | { ok: true; next: ProxyTask; note: string } {
  const a = acknowledgeConflicts(task, action, '该代办');
  return typeof a === 'string' ? { ok: false, reason: a } : { ok: true, ...a };
}

function reassigned(task: ProxyTask, action: ProxyReassign) {
  if (!action.residentId.trim()) return { ok: false as const, reason: '请选择保留的居民档案' };
  return { ok: true as const, next: { ...task, residentId: action.residentId }, note: '改挂居民档案' };
}

/** A new request stored with its opening event (登记), which carries the whole request. */
export function openProxy(desk: Desk, tx: ProxyTx, draft: Unstamped<ProxyTask>): Promise<ProxyTask> {
  return withEvent(desk, tx, tx.proxyTasks.add(draft), tx.proxyEvents, (task) => ({
    taskId: task.id,
    action: PROXY_OPENING,
    to: task.status,
    base: proxyCoreOf(task),
  }));
}
