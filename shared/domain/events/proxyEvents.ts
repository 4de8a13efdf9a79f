/**
 * A proxy request (帮代办) as the fold of its events (records/events.ts `ProxyEvent`): the
 * opening event (登记, or the v13 upgrade's 升级基线) carries the request, every later event
 * what the proxy rules decided. `proxyConflictsOf` lists the events the rules no longer allow on
 * the merged history (issue 24).
 */
import { PROXY_ACTION_TYPES, PROXY_RULES, type ProxyActionType } from '../proxy';
import type { ProxyEvent, ProxyTask } from '../records';
import { diffRecord, foldRecord, withoutFields } from './patch';
import { refusedEvents, type RefusedEvent } from './refused';

/** The request opened outside any rule: a call or a home visit (待确认), or a case's request at the counter. */
export const PROXY_OPENING = '登记';

/** Stamps, the derived index fields and the unhandled 同步冲突 (kept by the sync refold): never an event's decision. */
const NOT_DECIDED = [
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'visitDay',
  'syncConflicts',
  'syncConflictAt',
] as const;

/** What the events of a request decide: the record without its stamps, derived fields and 同步冲突. */
export const proxyCoreOf = (task: ProxyTask): Record<string, unknown> => withoutFields(task, NOT_DECIDED);

export const proxyDecision = (before: ProxyTask, after: ProxyTask) =>
  diffRecord(proxyCoreOf(before), proxyCoreOf(after));

export function foldProxy(events: readonly ProxyEvent[]): Record<string, unknown> | undefined {
  return foldRecord(events);
}

export type ProxyConflict = RefusedEvent;

/**
 * Why a 取消 made on a request not yet accepted no longer fits: another desk accepted it meanwhile
 * (a case was opened), and this cancel, not knowing the case, did not end it (cascades.ts).
 */
export const CANCEL_AFTER_ACCEPT = '取消时该代办尚未受理，另一窗口已受理并建立办件，办件未随取消结束';

/** A 取消 decided on 待确认 that the merged history applies to an accepted request (with its case). */
function staleCancel(task: ProxyTask, type: string, e: ProxyEvent): string | null {
  return type === '取消' && e.from === '待确认' && task.status !== '待确认' && task.caseId ? CANCEL_AFTER_ACCEPT : null;
}

/**
 * Events whose action the proxy rules refuse on the history before them, with the rule's own
 * reason (one desk cancels a request the other accepts offline, the cancel first), and a cancel
 * decided before another desk's 受理 (the accept first: the rules allow it, but its case stays
 * open). The fold keeps them. Refusals that need the desk's context (取消 with originals out) are
 * not re-checked: only the rule table's.
 */
export function proxyConflictsOf(events: readonly ProxyEvent[]): ProxyConflict[] {
  return refusedEvents<ProxyTask, ProxyEvent>(
    events,
    (task, type, e) =>
      ((PROXY_ACTION_TYPES as readonly string[]).includes(type)
        ? PROXY_RULES[type as ProxyActionType].refuse(task)
        : null) ?? staleCancel(task, type, e),
  );
}
