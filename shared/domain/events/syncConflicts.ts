/**
 * Issue 24 (同步冲突): the events of a case, a proxy request or a document in custody that no
 * longer fit the history merged from every desk and that no one has handled yet — each record's
 * own rules (caseConflictsOf, proxyConflictsOf, custodyConflictsOf) through the one shared
 * `pendingConflicts` (refused.ts), so every desk computes the same list.
 */
import type { CaseEvent, CustodyItemEvent, ProxyEvent, SyncConflict } from '../records';
import { caseConflictsOf } from './caseEvents';
import { custodyConflictsOf } from './custodyEvents';
import { proxyConflictsOf } from './proxyEvents';
import { pendingConflicts } from './refused';

export const pendingCaseConflicts = (events: readonly CaseEvent[]): SyncConflict[] =>
  pendingConflicts(events, caseConflictsOf);

export const pendingProxyConflicts = (events: readonly ProxyEvent[]): SyncConflict[] =>
  pendingConflicts(events, proxyConflictsOf);

export const pendingCustodyConflicts = (events: readonly CustodyItemEvent[]): SyncConflict[] =>
  pendingConflicts(events, custodyConflictsOf);
