/**
 * A table's rows counted a chunk at a time, each chunk in its own read transaction (issue 28 item
 * 7: sign-in → 工作台 flat with size). IndexedDB counts by walking the table: one `count()` of the
 * audit log at five years (280,000 rows; 548,000 at 2×) holds the database for a second or more,
 * and the sign-in's write and the 工作台's reads queue behind it. In chunks of CHUNK_ROWS rows, a
 * write or a read that comes meanwhile waits for one chunk (tens of ms), whatever the table holds.
 *
 * A chunk: a key cursor from just after the last chunk's last key, advanced CHUNK_ROWS − 1 rows in
 * the database (no key or row crosses to the page but the one it lands on); where fewer rows are
 * left, those are counted in the same transaction. Rows written between chunks may or may not be
 * counted, as with any count a write overlaps: the caller decides what a count that writes
 * overlapped is worth (app/integrity.ts `quietDuring`).
 */
import type { Dexie } from 'dexie';

/** Rows a chunk walks: ~20–40 ms of the database on these machines. */
export const CHUNK_ROWS = 20_000;

type Chunk = { rows: number; last?: IDBValidKey };

/** Up to `size` rows of `store` after `after` (all of them when undefined): how many, and the last key when there may be more. */
function countChunk(idb: IDBDatabase, store: string, after: IDBValidKey | undefined, size: number): Promise<Chunk> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(store, 'readonly');
    const os = tx.objectStore(store);
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    let chunk: Chunk = { rows: 0 };
    let advanced = false;
    const cursor = os.openKeyCursor(range);
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (at && !advanced) {
        advanced = true;
        at.advance(size - 1);
      } else if (at) {
        chunk = { rows: size, last: at.primaryKey };
      } else {
        // Fewer than `size` rows left (or none): count them here, in the same transaction.
        const rest = os.count(range);
        rest.onsuccess = () => (chunk = { rows: rest.result });
      }
    };
    tx.oncomplete = () => resolve(chunk);
    tx.onerror = () => reject(tx.error ?? new Error('count failed'));
    tx.onabort = () => reject(tx.error ?? new Error('count aborted'));
  });
}

/** The rows of table `name`, counted in chunks of `size` (≥ 2) rows, one read transaction each. */
export async function countInChunks(db: Dexie, name: string, size = CHUNK_ROWS): Promise<number> {
  if (!db.isOpen()) await db.open();
  const idb = db.backendDB();
  let total = 0;
  let after: IDBValidKey | undefined;
  for (;;) {
    const chunk = await countChunk(idb, name, after, Math.max(2, size));
    total += chunk.rows;
    if (chunk.last === undefined) return total;
    after = chunk.last;
  }
}
