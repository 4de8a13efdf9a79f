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
 * Events whose action the proxy rules refuse on the history before them, with the rule's own
 * reason (one desk cancels a request the other accepts offline). The fold keeps them. Refusals
 * that need the desk's context (取消 with originals out) are not re-checked: only the rule table's.
 */
export function proxyConflictsOf(events: readonly ProxyEvent[]): ProxyConflict[] {
  return refusedEvents<ProxyTask, ProxyEvent>(events, (task, type) =>
    (PROXY_ACTION_TYPES as readonly string[]).includes(type) ? PROXY_RULES[type as ProxyActionType].refuse(task) : null,
  );
}
