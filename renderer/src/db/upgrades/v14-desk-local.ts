/**
 * v13 → v14 (needs only v10): the facts of this PC leave the data desks will share
 * (db/dataScope.ts), by THE move of db/deskLocalRows.ts (the same one a restore of an older
 * backup runs): each staff row's `failedAttempts` / `lockedUntil` becomes a row of the desk-local
 * `signInGuards` (only where there is something to keep: a failure or a lock) and leaves the
 * account; meta `installId` moves to the desk-local `deskMeta`; desk 1's counters go on from the
 * counters from before desks (the 归档号 of the year, the 受理编号 of the day: no restart at 0001
 * mid-year or mid-day). Idempotent: a second run finds nothing left to move.
 */
import type { Transaction } from 'dexie';
import { moveDeskLocal, type DeskLocalTables } from '../deskLocalRows';

const TABLES = ['staff', 'meta', 'counters', 'signInGuards', 'deskMeta'] as const;

export async function upgradeV14DeskLocal(tx: Transaction): Promise<void> {
  const before: DeskLocalTables = {};
  for (const name of TABLES) before[name] = await tx.table(name).toArray();
  const after = moveDeskLocal(before);
  await tx.table('meta').delete('installId');
  for (const name of TABLES) {
    const rows = after[name] ?? [];
    if (rows.length > 0) await tx.table(name).bulkPut(rows);
  }
}
