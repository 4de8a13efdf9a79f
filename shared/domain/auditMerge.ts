/**
 * Which of a backup's audit rows a restore adds to the live log, and how (a restore never removes
 * a row: snapshot.ts `replaceAll`). Rows the live log has (by identity, `auditIdOf`) are skipped;
 * the others are either added AS THEY ARE — a chained row that still fits its desk's live chain:
 * its (desk, deskSeq) place is free and the row before it there is the one it links to (or
 * missing: a loss the log shows as a gap) — or SEALED onto this desk's head, like a row from
 * before the chain: a row without chain fields, and every row of a desk from the first one whose
 * place is taken by another row or whose link no longer holds. `[desk+deskSeq]` is not unique: a
 * new PC's setup wrote desk 1's rows 1…k, then the old PC's backup of desk 1 rows 1…N is restored
 * (or 从空白开始 then a restore, or one backup then a newer one). Added as they were, each place
 * would hold two rows and every later row would read as a fork; sealed, the chain stays whole.
 */
import { auditIdOf } from './auditIdentity';
import { GENESIS, isChained, type ChainFields, type UnchainedRow } from './auditChain';
import type { AuditEntry } from './records';

export type AuditMerge = {
  /** Chained rows that fit their desk's live chain: added with their own chain fields. */
  asTheyAre: (AuditEntry & ChainFields)[];
  /** Rows to seal onto this desk's head, in the backup's order, without chain fields or `seq`. */
  toSeal: UnchainedRow[];
};

const place = (desk: number, deskSeq: number) => `${desk}/${deskSeq}`;

export function mergeAuditRows(live: readonly AuditEntry[], backup: readonly unknown[]): AuditMerge {
  const liveIds = new Map<string, AuditEntry>(live.map((r) => [auditIdOf(r), r]));
  /** (desk, deskSeq) → the hash of the row there, live or added as it is. */
  const taken = new Map<string, string>();
  for (const r of live) if (isChained(r)) taken.set(place(r.desk, r.deskSeq), r.hash);
  // The backup's rows, each once, with its identity.
  const seen = new Set<string>();
  const rows: { id: string; row: AuditEntry }[] = [];
  for (const row of backup as AuditEntry[]) {
    if (!row || typeof row !== 'object') continue;
    const id = auditIdOf(row);
    if (seen.has(id)) continue;
    seen.add(id);
    rows.push({ id, row });
  }
  // Each desk's chain in order: it fits while its rows are the live ones or fill free places.
  const broken = new Set<number>();
  const fits = new Set<string>();
  const chained = rows
    .filter((r) => isChained(r.row))
    .sort((a, b) => (a.row.desk ?? 0) - (b.row.desk ?? 0) || (a.row.deskSeq ?? 0) - (b.row.deskSeq ?? 0));
  for (const { id, row } of chained) {
    if (!isChained(row) || broken.has(row.desk)) continue;
    const mine = liveIds.get(id);
    if (mine) {
      // The same row live: the chain goes on through it only where it stands as in the backup.
      if (!isChained(mine) || mine.desk !== row.desk || mine.deskSeq !== row.deskSeq || mine.hash !== row.hash)
        broken.add(row.desk);
      continue;
    }
    const before = row.deskSeq === 1 ? GENESIS : taken.get(place(row.desk, row.deskSeq - 1));
    if (taken.has(place(row.desk, row.deskSeq)) || (before !== undefined && before !== row.prevHash)) {
      broken.add(row.desk);
      continue;
    }
    taken.set(place(row.desk, row.deskSeq), row.hash);
    fits.add(id);
  }
  const asTheyAre: (AuditEntry & ChainFields)[] = [];
  const toSeal: UnchainedRow[] = [];
  for (const { id, row } of rows) {
    if (liveIds.has(id)) continue;
    const { seq: _seq, desk: _d, deskSeq: _s, prevHash: _p, hash: _h, sealed: _x, ...rest } = row;
    if (fits.has(id) && isChained(row)) {
      const { seq: _q, ...withChain } = row;
      asTheyAre.push({ ...withChain, id });
    } else toSeal.push({ ...rest, id });
  }
  return { asTheyAre, toSeal };
}
