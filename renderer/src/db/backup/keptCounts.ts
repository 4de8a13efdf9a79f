/**
 * The wipe-detection record's counts kept up with the writes (issue 28 item 4), for the follower
 * of committed writes (app/backup.ts `followCommittedWrites`).
 */
import type { RowDelta } from '../write';

/**
 * The counts a recording writes: the last recorded counts moved by the rows the writes since
 * added or removed (writeTx knows them: `RowDelta`), or — the first time, after a write whose
 * rows are not known (the inbound sync), after a failed recording, and after a count that writes
 * may have overlapped — every table counted. Counting walks every table (seconds at five years,
 * holding the database while the next screen reads); moving the counts costs nothing. `seed`: the
 * counts the start's wipe check has just made, with no write committed since (app/integrity.ts) —
 * the first recording moves them instead of counting again (at five years that count held the
 * database for ~0.9 s right after sign-in, while the 工作台 read).
 */
export function keptCounts(seed?: Record<string, number>): {
  committed: (rows?: RowDelta) => void;
  record: (write: (counts?: Record<string, number>) => Promise<{ counts: Record<string, number> }>) => Promise<void>;
} {
  let last: Record<string, number> | null = seed ? { ...seed } : null;
  let moved = new Map<string, number>();
  let count = !seed;
  let during = false;
  return {
    committed(rows) {
      if (!rows) count = true;
      else for (const [t, n] of rows) moved.set(t, (moved.get(t) ?? 0) + n);
      during = true;
    },
    async record(write) {
      const counting = count || last === null;
      const rows = moved;
      moved = new Map();
      count = false;
      during = false;
      let next: Record<string, number> | undefined;
      if (!counting && last) {
        next = { ...last };
        // Only the tables the record counts (the transient ones are not: dataScope.ts).
        for (const [t, n] of rows) if (t in next) next[t] = (next[t] ?? 0) + n;
      }
      try {
        last = (await write(next)).counts;
        // A write committed while every table was counted may be in that count already: count again.
        if (counting && during) count = true;
      } catch (e) {
        count = true;
        throw e;
      }
    },
  };
}
