/**
 * v27 → v28 (issue 28 item 1): the kept counts (`tallies`, desk-local and derived) are counted
 * once from the indexes; from here on every write moves them (db/tallies/middleware.ts).
 * Upgrade steps of the versions before run without the table and move nothing.
 */
import type { Transaction } from 'dexie';
import { recountTallies, tallyRowsOf } from '../tallies/recount';

export async function upgradeV28Tallies(tx: Transaction): Promise<void> {
  const counts = await recountTallies((name) => tx.table(name));
  const tallies = tx.table('tallies');
  await tallies.clear();
  await tallies.bulkPut(tallyRowsOf(counts));
}
