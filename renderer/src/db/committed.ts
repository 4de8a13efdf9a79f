/**
 * Committed writes, told to whoever follows the data (the wipe-detection record, the "changed
 * since the last backup" mark): writeTx after each of its transactions, the inbound sync after each
 * of its own. Listeners hear only commits, never a transaction that rolled back.
 */
import type { RowDelta } from './write';

const committed = new Set<(rows?: RowDelta) => void>();

/**
 * Tells every `onWriteCommitted` listener that data was committed: writeTx after each of its
 * transactions (with the rows it added or removed per table), and the sync's inbound side after
 * each transaction of records from other desks (they bypass writeTx: the wipe-detection record
 * must count them too; without a delta, it counts).
 */
export function notifyCommitted(rows?: RowDelta): void {
  for (const listener of committed) listener(rows);
}

/**
 * Calls `listener` after every committed write transaction (the wipe-detection record and the
 * "data changed since the last backup" mark follow the data), with its row delta when the writer
 * knows it. Returns the unsubscribe.
 */
export function onWriteCommitted(listener: (rows?: RowDelta) => void): () => void {
  committed.add(listener);
  return () => committed.delete(listener);
}

/** `work`'s result, and whether no write committed while it ran (its counts are then current). */
export async function quietDuring<T>(work: () => Promise<T>): Promise<{ value: T; quiet: boolean }> {
  let quiet = true;
  const stop = onWriteCommitted(() => {
    quiet = false;
  });
  try {
    return { value: await work(), quiet };
  } finally {
    stop();
  }
}
