/**
 * The audit chain in the database (DB v12; the rule is shared/domain/auditChain.ts): appending
 * a chained row inside the running transaction, and reading each desk's head by the
 * `[desk+deskSeq]` index (for the anchor kept outside IndexedDB and a backup's header).
 *
 * Appending reads the desk's head once per transaction and keeps it in step itself, so several
 * rows of one transaction chain in order; hashing is synchronous, nothing leaves the transaction.
 */
import { Dexie, type Table } from 'dexie';
import type { AuditEntry } from '@shared/domain/records';
import { chainRow, chainStart, headOf, type ChainHead, type UnchainedRow } from '@shared/domain/auditChain';

type AuditTable = Table<AuditEntry, number>;

export const CHAIN_INDEX = '[desk+deskSeq]';

let chainOn = true;

/**
 * FOR THE BENCH ONLY (bench/chromium/page.ts): writes rows unchained, to measure the chain's cost
 * against the same write in the same run. Nothing in the app calls it.
 */
export function setAuditChainForBench(on: boolean): void {
  chainOn = on;
}

/** The last row of `desk` (its head), read by the chain index. */
export function readChainHead(table: AuditTable, desk: number): Promise<ChainHead | null> {
  return table
    .where(CHAIN_INDEX)
    .between([desk, Dexie.minKey], [desk, Dexie.maxKey])
    .last()
    .then((row) => (row?.deskSeq !== undefined && row.hash ? { desk, seq: row.deskSeq, hash: row.hash } : null));
}

/**
 * Appends rows of `desk` to the log inside the running transaction: each the next of its desk.
 * One appender per transaction (it keeps the head it read). With `anchor` ahead of the log (its
 * last rows lost), the chain goes on from the anchor: the loss stays visible as a gap, and a
 * backup restored later fills it.
 */
export function auditAppender(
  table: AuditTable,
  desk: number,
  /** The anchor's head of this desk, when the log may have lost its last rows (从空白开始). */
  anchor?: ChainHead,
): (row: UnchainedRow) => Promise<void> {
  let head: Promise<ChainHead | null> | undefined;
  const start = () => readChainHead(table, desk).then((h) => chainStart(h, anchor?.desk === desk ? anchor : undefined));
  return (row) => {
    if (!chainOn) return table.add({ ...row, desk }).then(() => undefined);
    // Dexie promises chained as they are keep the transaction alive.
    const next = (head ?? start()).then((h) => {
      const chained = chainRow(row, desk, h);
      return table.add(chained).then(() => headOf(chained));
    });
    head = next;
    return next.then(() => undefined);
  };
}

/** The hashes of the rows stored at each anchor's sequence (desk → hashes). */
export async function hashesAtAnchors(
  table: AuditTable,
  anchors: readonly ChainHead[],
): Promise<Map<number, string[]>> {
  const rows = await Promise.all(anchors.map((a) => table.where(CHAIN_INDEX).equals([a.desk, a.seq]).toArray()));
  return new Map(anchors.map((a, i) => [a.desk, (rows[i] ?? []).map((r) => r.hash ?? '')]));
}

/** Every desk's head in the log, in desk order (one index read per desk). */
export async function chainHeads(table: AuditTable): Promise<ChainHead[]> {
  const heads: ChainHead[] = [];
  let first = await table.orderBy(CHAIN_INDEX).first();
  while (first?.desk !== undefined) {
    const head = await readChainHead(table, first.desk);
    if (head) heads.push(head);
    first = await table.where(CHAIN_INDEX).above([first.desk, Dexie.maxKey]).first();
  }
  return heads;
}
