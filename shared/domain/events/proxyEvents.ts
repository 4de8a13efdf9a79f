/**
 * A proxy request (帮代办) as the fold of its events (records/events.ts `ProxyEvent`): the
 * opening event (登记, or the v13 upgrade's 升级基线) carries the request, every later event
 * what the proxy rules decided. `proxyConflictsOf` lists the events the rules no longer allow on
 * the merged history (issue 24).
 */
import { allowedProxyActions, PROXY_ACTION_TYPES, type ProxyActionType } from '../proxy';
import type { ProxyEvent, ProxyTask } from '../records';
import { applyPatch, diffRecord, foldRecord, inClockOrder, withoutFields } from './patch';

/** The request opened outside any rule: a call or a home visit (待确认), or a case's request at the counter. */
export const PROXY_OPENING = '登记';

const NOT_DECIDED = ['createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'visitDay'] as const;

/** What the events of a request decide: the record without its stamps and derived `visitDay`. */
export const proxyCoreOf = (task: ProxyTask): Record<string, unknown> => withoutFields(task, NOT_DECIDED);

export const proxyDecision = (before: ProxyTask, after: ProxyTask) =>
  diffRecord(proxyCoreOf(before), proxyCoreOf(after));

export function foldProxy(events: readonly ProxyEvent[]): Record<string, unknown> | undefined {
  return foldRecord(events);
}

export type ProxyConflict = { eventId: string; action: string; reason: string };

/** Events whose action the proxy rules refuse on the history before them (the fold keeps them). */
export function proxyConflictsOf(events: readonly ProxyEvent[]): ProxyConflict[] {
  const out: ProxyConflict[] = [];
  let task: ProxyTask | undefined;
  for (const e of inClockOrder(events)) {
    if (e.base) {
      task = e.base as ProxyTask;
      continue;
    }
    if (!task) continue;
    const type = e.input?.type;
    if (type && (PROXY_ACTION_TYPES as readonly string[]).includes(type)) {
      if (!allowedProxyActions(task).includes(type as ProxyActionType))
        out.push({ eventId: e.id, action: type, reason: `${task.status}的代办不能${type}` });
    }
    task = applyPatch(task, e.decided);
  }
  return out;
}
