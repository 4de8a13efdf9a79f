/**
 * Issue 24: the records that are the fold of their events (contract.ts PROJECTED: cases, proxy
 * requests, custody items, problems) never travel; when events arrive from another desk, the record is
 * rebuilt here as the fold of ALL its events, inside the inbound apply's transaction.
 *
 * The stored record is what the doors store (changeCase, changeProxy, changeCustody): the fold
 * (the record without stamps and derived fields), the stamps, and the derived index fields (the
 * database's middleware adds them on `put`). The stamps follow the events, so every desk computes
 * the same: created = the record's own stamp where it is stored here, else its opening event's
 * time and author; updated = the last event (clock order) that decided something — a door's
 * `put` and its event share one `now` and one actor. A case, a request and a custody item also
 * keep their unhandled 同步冲突 (the events the merged history refuses: syncConflicts.ts).
 *
 * Helpers called inside the apply's transaction, one level deep (architecture.md: no nested
 * async helpers around Dexie calls).
 */
import { foldCase } from '@shared/domain/events/caseEvents';
import { foldCustody } from '@shared/domain/events/custodyEvents';
import { foldProxy } from '@shared/domain/events/proxyEvents';
import { foldProblem } from '@shared/domain/events/problemEvents';
import { inClockOrder, type FoldableEvent } from '@shared/domain/events/patch';
import { withPending } from '@shared/domain/events/refused';
import {
  pendingCaseConflicts,
  pendingCustodyConflicts,
  pendingProxyConflicts,
} from '@shared/domain/events/syncConflicts';
import type { CaseRecord, CustodyItem, Problem, ProblemEvent, ProxyTask, Stamp } from '@shared/domain/records';
import type { DutyDeskDB } from '../db/database';

type Stamped = FoldableEvent & { at: number; by: string };

/** The stamps of a record rebuilt from `events` (undefined without an opening event). */
export function stampsOf<E extends Stamped>(
  events: readonly E[],
  stored: Partial<Stamp> | undefined,
  decides: (e: E) => boolean = (e) => e.base !== undefined || e.decided !== undefined,
): Stamp | undefined {
  const ordered = inClockOrder(events);
  const opening = ordered.filter((e) => e.base).at(-1);
  const last = ordered.filter(decides).at(-1);
  if (!opening || !last) return undefined;
  return {
    createdAt: stored?.createdAt ?? opening.at,
    createdBy: stored?.createdBy ?? opening.by,
    updatedAt: last.at,
    updatedBy: last.by,
  };
}

/** The case `caseId` as the fold of all its stored events, with its unhandled 同步冲突; returns it. */
export async function refoldCase(db: DutyDeskDB, caseId: string): Promise<CaseRecord | undefined> {
  const events = await db.caseEvents.where('caseId').equals(caseId).toArray();
  const stored = await db.cases.get(caseId);
  const core = foldCase(events);
  const stamps = stampsOf(events, stored);
  if (!core || !stamps) return stored; // its opening event has not arrived yet
  const record = withPending({ ...core, ...stamps } as CaseRecord, pendingCaseConflicts(events));
  await db.cases.put(record);
  return record;
}

export async function refoldProxy(db: DutyDeskDB, taskId: string): Promise<void> {
  const events = await db.proxyEvents.where('taskId').equals(taskId).toArray();
  const core = foldProxy(events);
  const stamps = stampsOf(events, await db.proxyTasks.get(taskId));
  if (core && stamps)
    await db.proxyTasks.put(withPending({ ...core, ...stamps } as ProxyTask, pendingProxyConflicts(events)));
}

export async function refoldCustody(db: DutyDeskDB, itemId: string): Promise<void> {
  const events = await db.custodyEvents.where('itemId').equals(itemId).toArray();
  const core = foldCustody(events);
  const stamps = stampsOf(events, await db.custodyItems.get(itemId));
  if (core && stamps)
    await db.custodyItems.put(withPending({ ...core, ...stamps } as CustodyItem, pendingCustodyConflicts(events)));
}

/** A problem event decides something when it opens, patches, appends sources/decisions or relinks them. */
const problemDecides = (e: ProblemEvent): boolean =>
  e.base !== undefined || e.decided !== undefined || e.appended !== undefined || e.relinked !== undefined;

export async function refoldProblem(db: DutyDeskDB, problemId: string): Promise<void> {
  const events = await db.problemEvents.where('problemId').equals(problemId).toArray();
  const core = foldProblem(events);
  const stamps = stampsOf(events, await db.problems.get(problemId), problemDecides);
  if (core && stamps) await db.problems.put({ ...core, ...stamps } as Problem);
}
