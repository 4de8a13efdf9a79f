/**
 * The check of the kept counts against a full recount (recount.ts), run once after sign-in in the
 * background (app/SignedInDesk.tsx), never on the way to a screen. When they agree nothing is
 * written. When they disagree — a write that bypassed Dexie, a bug — the counts are recounted
 * again inside ONE write transaction (no save of the clerk can slip between the count and the
 * repair), the differing rows replaced, and the repair logged (`tallies.repair`: how many counts
 * differed, which kinds — no key with a staff id, no personal data).
 */
import type { Dexie } from 'dexie';
import { can } from '@shared/domain/roles';
import { TALLIED_TABLES, TALLY_PREFIX, tallyDifferences, type TallyRow } from '@shared/domain/tallies';
import { tableName } from '../tableNames';
import type { Desk } from '../desk';
import { databaseOf, writeTx } from '../write';
import { recountTallies, type TableOf } from './recount';

export type TallyCheck = { counts: number; repaired: number };

/** 'c|f|我的:<staff>' → 办件: the table whose counts differed, never whose or which day. */
const countedTableOf = (key: string): string => {
  const table = TALLIED_TABLES.find((t) => key.startsWith(TALLY_PREFIX[t]));
  return table ? tableName(table) : '其他';
};

/** Compares the kept counts with a recount; repairs and logs when they differ. */
export async function checkTallies(desk: Desk): Promise<TallyCheck> {
  const db = databaseOf(desk);
  const dexie = db as unknown as Dexie;
  const tableOf: TableOf = (name) => dexie.table(name);
  const [kept, counts] = await dexie.transaction('r', ['tallies', ...TALLIED_TABLES], () =>
    Promise.all([db.tallies.toArray(), recountTallies(tableOf)]),
  );
  if (tallyDifferences(kept, counts).length === 0) return { counts: counts.size, repaired: 0 };
  // Writing needs the desk's work (an 审计员 leaves the repair to the next clerk's sign-in).
  if (!desk.actor || !can({ role: desk.actor.role }, 'desk.work')) return { counts: counts.size, repaired: 0 };
  return writeTx(desk, ['tallies', ...TALLIED_TABLES], async (tx) => {
    // Again inside the write: the records as they are now (read only here, in this transaction).
    const [keptNow, countsNow] = await Promise.all([tx.tallies.toArray(), recountTallies(tableOf)]);
    const differing = tallyDifferences(keptNow, countsNow);
    if (differing.length === 0) return { counts: countsNow.size, repaired: 0 };
    const put: TallyRow[] = [];
    for (const key of differing) {
      const n = countsNow.get(key) ?? 0;
      if (n === 0) await tx.tallies.delete(key);
      else put.push({ key, n });
    }
    for (const row of put) await tx.tallies.put(row);
    const kinds = [...new Set(differing.map(countedTableOf))].join('、');
    await tx.audit({
      action: 'tallies.repair',
      entity: 'desk',
      detail: `统计计数与重新清点不符，已修复 ${differing.length} 项（${kinds}）`,
    });
    return { counts: countsNow.size, repaired: differing.length };
  });
}
