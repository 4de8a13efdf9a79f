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
 * `refoldAll` is called inside the apply's transaction, one level deep (architecture.md: no nested
 * async helpers around Dexie calls), once per table and transaction: every record its events
 * touched, rebuilt once however many of its events came.
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
import type { CaseRecord, ProblemEvent, Stamp } from '@shared/domain/records';
import { PROJECTED } from './contract';
import type { DutyDeskDB } from '../db/database';
import { rowsByKeys } from '../db/keyedReads';

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

/** A problem event decides something when it opens, patches, appends sources/decisions or relinks them. */
const problemDecides = (e: ProblemEvent): boolean =>
  e.base !== undefined || e.decided !== undefined || e.appended !== undefined || e.relinked !== undefined;

/** The field of an event naming the record it folds into. */
export const FOLDS_INTO: Record<keyof typeof PROJECTED, string> = {
  cases: 'caseId',
  proxyTasks: 'taskId',
  custodyItems: 'itemId',
  problems: 'problemId',
};

type Refolder = {
  fold(events: readonly never[]): Record<string, unknown> | undefined;
  pending?(events: readonly never[]): ReturnType<typeof pendingCaseConflicts>;
  decides?(e: never): boolean;
};

/** How each projected table's record is rebuilt from its events. */
const REFOLDERS: Record<keyof typeof PROJECTED, Refolder> = {
  cases: { fold: foldCase, pending: pendingCaseConflicts },
  proxyTasks: { fold: foldProxy, pending: pendingProxyConflicts },
  custodyItems: { fold: foldCustody, pending: pendingCustodyConflicts },
  problems: { fold: foldProblem, decides: problemDecides },
};

/**
 * The records `ids` of `table` (cases, requests, custody items, problems) rebuilt as the fold of
 * all their stored events, each once — their events read together (db/keyedReads.ts), the records in one bulk
 * read and one bulk write (a first join refolds a thousand cases in one transaction). A record
 * whose opening event has not arrived yet is left as it is. Returns how many were rebuilt, and
 * how many of them were new rows (the wipe-detection record's counts follow them: write.ts `RowDelta`).
 */
export async function refoldAll(
  db: DutyDeskDB,
  table: keyof typeof PROJECTED,
  ids: ReadonlySet<string>,
): Promise<{ rebuilt: number; created: number }> {
  if (ids.size === 0) return { rebuilt: 0, created: 0 };
  const r = REFOLDERS[table];
  const keys = [...ids];
  const by = FOLDS_INTO[table];
  const [events, stored] = await Promise.all([
    rowsByKeys(db.table(PROJECTED[table]), by, keys) as Promise<Stamped[][]>,
    db.table(table).bulkGet(keys) as Promise<(Partial<Stamp> | undefined)[]>,
  ]);
  const out: object[] = [];
  let created = 0;
  keys.forEach((_, i) => {
    const own = events[i]! as never[];
    const core = r.fold(own);
    const stamps = stampsOf<Stamped>(own, stored[i], r.decides as ((e: Stamped) => boolean) | undefined);
    if (!core || !stamps) return; // its opening event has not arrived yet
    const record = { ...core, ...stamps };
    if (stored[i] === undefined) created += 1;
    out.push(r.pending ? withPending(record as CaseRecord, r.pending(own)) : record);
  });
  await db.table(table).bulkPut(out);
  return { rebuilt: out.length, created };
}
