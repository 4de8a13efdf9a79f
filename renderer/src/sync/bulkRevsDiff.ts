/**
 * Which of the hub's revisions a pull must fetch (PouchDB's `revsDiff` on the desk's PouchDB),
 * answered with ONE read of a batch's ids. PouchDB's own asks its IndexedDB adapter once per
 * document, each in a transaction of its own (pouchdb-core `revsDiff` → the adapter's
 * `_getRevisionTree`): a join's pull of the 23,115 documents of issue 24's center opened 23,117
 * read transactions for it (s38, counted in the page). Here the batch's ids are read at once
 * (`allDocs({ keys })`, one transaction): an id the desk does not hold misses every revision
 * asked — what PouchDB's own answers —, and the ids it holds (alive or deleted) go to PouchDB's
 * own revsDiff, so the answer is PouchDB's in every case.
 */
import type { PouchDatabase, RevsDiffResult } from './pouchApi';

/** Installs the bulk revsDiff on `local` (its own `revsDiff` replaced); returns the restore. */
export function withBulkRevsDiff<Content extends object>(local: PouchDatabase<Content>): () => void {
  const own = local.revsDiff;
  const bulk = async (req: Record<string, string[]>): Promise<RevsDiffResult> => {
    const ids = Object.keys(req);
    if (ids.length === 0) return {};
    const { rows } = await local.allDocs({ keys: ids });
    const out: RevsDiffResult = {};
    const held: Record<string, string[]> = {};
    rows.forEach((row, i) => {
      const id = ids[i]!;
      if ('error' in row) out[id] = { missing: [...req[id]!] };
      else held[id] = req[id]!;
    });
    if (Object.keys(held).length > 0) Object.assign(out, await own.call(local, held));
    return out;
  };
  local.revsDiff = bulk;
  return () => {
    local.revsDiff = own;
  };
}
