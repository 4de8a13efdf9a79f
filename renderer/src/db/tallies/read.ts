/**
 * Reading kept counts (shared/domain/tallies.ts): one row by key, or the sum of a small range of
 * per-day rows. What they cost does not depend on how many records the desk holds.
 */
import type { DayRange, TallyRead } from '@shared/domain/tallies';
import type { ReadableDB } from '../entities';

export async function tallyOf(db: ReadableDB, key: string): Promise<number> {
  return (await db.tallies.get(key))?.n ?? 0;
}

/** The sum of the tallies from `range.lower` to `range.upper`, both included. */
export async function tallySum(db: ReadableDB, range: DayRange): Promise<number> {
  const rows = await db.tallies.where('key').between(range.lower, range.upper, true, true).toArray();
  return rows.reduce((sum, r) => sum + r.n, 0);
}

/** A count as `read` describes it (shared/domain/tallies.ts `TallyRead`). */
export async function readTally(db: ReadableDB, read: TallyRead): Promise<number> {
  const [own, plus, minus] = await Promise.all([
    read.key ? tallyOf(db, read.key) : 0,
    read.range ? tallySum(db, read.range) : 0,
    read.minus ? tallySum(db, read.minus) : 0,
  ]);
  return own + plus - minus;
}
