/**
 * Issue 24 (同步冲突): the events of a case that no longer fit the history merged from every
 * desk and that no one has handled yet. `caseConflictsOf` lists every refused event (the rules on
 * the merged history); a 确认同步冲突 event — the door action a 站长 takes, itself replicated —
 * covers the events it names, so every desk sees the same list after it arrives.
 */
import type { CaseEvent, CaseSyncConflict } from '../records';
import { caseConflictsOf } from './caseEvents';

/** The door action that marks refused events handled (caseEvents.ts `DoorCaseAction`). */
export const CASE_CONFLICT_ACK = '确认同步冲突';

/** The ids of the events a 确认同步冲突 event handled. */
function handledIds(events: readonly CaseEvent[]): Set<string> {
  const out = new Set<string>();
  for (const e of events) {
    if (e.input?.type !== CASE_CONFLICT_ACK) continue;
    const ids = e.input.eventIds;
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') out.add(id);
  }
  return out;
}

/** The case's refused events not yet handled, each with who wrote it, on which desk and when. */
export function pendingCaseConflicts(events: readonly CaseEvent[]): CaseSyncConflict[] {
  const handled = handledIds(events);
  const byId = new Map(events.map((e) => [e.id, e]));
  return caseConflictsOf(events)
    .filter((c) => !handled.has(c.eventId))
    .map((c) => {
      const e = byId.get(c.eventId)!;
      return { ...c, by: e.by, at: e.at, ...(e.desk !== undefined ? { desk: e.desk } : {}) };
    });
}
