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
 * The rebuilding itself is pure (shared/domain/events/refolding.ts).
 *
 * `refoldAll` is called inside the apply's transaction, one level deep (architecture.md: no nested
 * async helpers around Dexie calls), once per table and transaction: every record its events
 * touched, rebuilt once however many of its events came — folded onto the stored record when its
 * new events all sort after the ones stored (a join, in the order they were written), else from
 * all its events read again.
 */
import type { Table } from 'dexie';
import { caseCoreOf, foldCase } from '@shared/domain/events/caseEvents';
import { custodyCoreOf, foldCustody } from '@shared/domain/events/custodyEvents';
import { foldProxy, proxyCoreOf } from '@shared/domain/events/proxyEvents';
import { foldProblem } from '@shared/domain/events/problemEvents';
import { problemCoreOf } from '@shared/domain/events/problemCore';
import { compareClocks } from '@shared/domain/events/clock';
import { inClockOrder } from '@shared/domain/events/patch';
import { foldedOnto, refolded, type Refolder, type Stamped, type StoredFold } from '@shared/domain/events/refolding';
import {
  pendingCaseConflicts,
  pendingCustodyConflicts,
  pendingProxyConflicts,
} from '@shared/domain/events/syncConflicts';
import type { ProblemEvent } from '@shared/domain/records';
import { PROJECTED } from './contract';
import type { DutyDeskDB } from '../db/database';
import { rowsByKeys } from '../db/keyedReads';

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

/** How each projected table's record is rebuilt from its events. */
const REFOLDERS = {
  cases: { fold: foldCase, coreOf: caseCoreOf, pending: pendingCaseConflicts },
  proxyTasks: { fold: foldProxy, coreOf: proxyCoreOf, pending: pendingProxyConflicts },
  custodyItems: { fold: foldCustody, coreOf: custodyCoreOf, pending: pendingCustodyConflicts },
  problems: { fold: foldProblem, coreOf: problemCoreOf, decides: problemDecides },
} as unknown as Record<keyof typeof PROJECTED, Refolder>;

/**
 * The events of one record new to the desk in this transaction (an event applied again is stored
 * already: not among them, it counts as stored before; none new: refolded from all).
 */
export type Fresh = Stamped[];

/** The first of `events` in clock order. */
const firstOf = (events: readonly Stamped[]): Stamped | undefined => inClockOrder(events)[0];

/** Whether event `a` sorts at or after event `b` (clock, then id: patch.ts `inClockOrder`). */
const atOrAfter = (a: Stamped, b: Stamped): boolean =>
  (compareClocks(a.clock ?? '', b.clock ?? '') || compareClocks(a.id, b.id)) >= 0;

/** The smallest clock among the fresh events (none has one: undefined). */
function firstClock(touched: ReadonlyMap<string, Fresh>): string | undefined {
  let first: string | undefined;
  for (const f of touched.values()) {
    for (const e of f)
      if (typeof e.clock === 'string' && e.clock !== '' && (first === undefined || e.clock < first)) first = e.clock;
  }
  return first;
}

/**
 * From this many stored events at or after the transaction's first fresh clock (beyond its fresh
 * events themselves), the look for later stored events gives up: every record is refolded from all
 * its events (a feed far out of clock order — a desk back from weeks offline).
 */
export const LATER_LOOK_LIMIT = 1_000;

/**
 * The records `touched` of `table` (cases, requests, custody items, problems) rebuilt, each once:
 * the stored records in one bulk read, and with them ONE read of the events stored at or after
 * the first fresh event's clock (`where('clock')`: in a join, this transaction's own events); a
 * record with no stored event among them other than its fresh ones — so all its fresh events sort
 * after those it was folded from — gets them folded onto it (`foldedOnto`), and the rest (a
 * record new here, one whose events were all stored already, one arriving before events stored
 * already, a fresh 同步冲突) are rebuilt from all their events, read together (db/keyedReads.ts). One bulk add of the new records, one bulk put of the others.
 * A record whose opening event has not arrived yet is left as it is. Returns how many were
 * rebuilt, and how many of them were new rows (the wipe-detection record's counts follow them:
 * write.ts `RowDelta`).
 */
export async function refoldAll(
  db: DutyDeskDB,
  table: keyof typeof PROJECTED,
  touched: ReadonlyMap<string, Fresh>,
): Promise<{ rebuilt: number; created: number }> {
  if (touched.size === 0) return { rebuilt: 0, created: 0 };
  const r = REFOLDERS[table];
  const keys = [...touched.keys()];
  const by = FOLDS_INTO[table];
  const events = db.table(PROJECTED[table]) as Table<Stamped & Record<string, unknown>>;
  const first = firstClock(touched);
  const freshCount = keys.reduce((n, k) => n + touched.get(k)!.length, 0);
  const limit = freshCount + LATER_LOOK_LIMIT;
  const [stored, later] = await Promise.all([
    db.table(table).bulkGet(keys) as Promise<(StoredFold | undefined)[]>,
    first === undefined
      ? undefined
      : events
          .where('clock')
          .aboveOrEqual(first)
          .limit(limit + 1)
          .toArray(),
  ]);
  // Per record, the stored events at or after the first fresh clock that are not fresh (unknown: all refolded).
  const laterOf = later && later.length <= limit ? storedBesides(later, by, touched) : undefined;
  const onto = keys.map((key, i) => {
    const fresh = touched.get(key)!;
    const start = firstOf(fresh);
    if (!start || !laterOf || (laterOf.get(key) ?? []).some((e) => atOrAfter(e, start))) return undefined;
    return foldedOnto(r, stored[i], fresh);
  });
  const reread = keys.filter((_, i) => onto[i] === undefined);
  const all = reread.length > 0 ? await rowsByKeys(events, by, reread) : [];
  const added: object[] = [];
  const replaced: object[] = [];
  let j = 0;
  keys.forEach((_, i) => {
    const record = onto[i] ?? refolded(r, all[j++]!, stored[i]);
    if (!record) return; // its opening event has not arrived yet
    (stored[i] === undefined ? added : replaced).push(record);
  });
  // A new record added (the middlewares read no old value for it), the others put: two writes at most.
  if (added.length > 0) await db.table(table).bulkAdd(added);
  if (replaced.length > 0) await db.table(table).bulkPut(replaced);
  return { rebuilt: added.length + replaced.length, created: added.length };
}

/** The events of `rows` that are not fresh, by the record they fold into (field `by`). */
function storedBesides(
  rows: readonly (Stamped & Record<string, unknown>)[],
  by: string,
  touched: ReadonlyMap<string, Fresh>,
): Map<string, Stamped[]> {
  const freshIds = new Set<string>();
  for (const f of touched.values()) for (const e of f) freshIds.add(e.id);
  const out = new Map<string, Stamped[]>();
  for (const row of rows) {
    if (freshIds.has(row.id)) continue;
    const key = String(row[by]);
    out.set(key, [...(out.get(key) ?? []), row]);
  }
  return out;
}
