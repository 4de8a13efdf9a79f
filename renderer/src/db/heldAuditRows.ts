/**
 * Which of many audit rows the log holds already (and those rows), by their stable `id` — the inbound apply's
 * question for every audit document that arrives (sync/applyDocs.ts: whether it is seen again,
 * and which to add). A row names its desk and its place in that desk's chain (`deskSeq`), so
 * the rows asked about are looked for by ONE range of `[desk+deskSeq]` per desk (from the
 * smallest place asked to the largest) and matched by `id`: a first join asks about thousands of
 * rows and reads a few empty ranges, where one request per id (keyedReads.ts) made thousands of
 * requests, behind a backing store kept busy by the join's pull (s39: 6.0 s of the app's
 * 27 s apply, and 6.2 s more before it). Matching by `id` keeps the answer exact when a chain
 * forked (a desk restored from a backup numbers its rows again: two ids at one place). A row
 * without its place (never written so by this program) is looked up by its `id`.
 * Called inside the caller's transaction.
 */
import type { Table } from 'dexie';
import { CHAIN_INDEX } from './auditChain';
import { rowsByKeys } from './keyedReads';

/** What the question needs of an audit row. */
export type AuditRef = { id: string; desk?: unknown; deskSeq?: unknown };

/** The rows the log holds of those asked about, by `id`. */
export async function heldAuditRows(log: Table, rows: readonly AuditRef[]): Promise<Map<string, object>> {
  const spans = new Map<number, { from: number; to: number }>();
  const loose: string[] = [];
  for (const r of rows) {
    if (typeof r.desk !== 'number' || typeof r.deskSeq !== 'number') {
      loose.push(r.id);
      continue;
    }
    const s = spans.get(r.desk);
    if (!s) spans.set(r.desk, { from: r.deskSeq, to: r.deskSeq });
    else {
      s.from = Math.min(s.from, r.deskSeq);
      s.to = Math.max(s.to, r.deskSeq);
    }
  }
  // Every request made before the first await: they run together in the caller's transaction.
  const [ranged, keyed] = await Promise.all([
    Promise.all(
      [...spans].map(
        ([desk, s]) =>
          log.where(CHAIN_INDEX).between([desk, s.from], [desk, s.to], true, true).toArray() as Promise<
            { id: string }[]
          >,
      ),
    ),
    rowsByKeys(log as Table<{ id: string }>, 'id', loose),
  ]);
  const asked = new Set(rows.map((r) => r.id));
  return new Map([...ranged.flat(), ...keyed.flat()].filter((r) => asked.has(r.id)).map((r) => [r.id, r]));
}
