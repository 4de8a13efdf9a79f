/**
 * The check of the kept last 走访 (`careLastVisits`) against a recount (recount.ts), run once
 * after sign-in in the background after the kept counts' (app/SignedInDesk.tsx), never on the way
 * to a screen. When they agree nothing is written. When they disagree — a write that bypassed
 * Dexie, a bug — the rows are worked out again inside ONE write transaction (no save of the clerk
 * can slip between the recount and the repair), the differing rows replaced or deleted, and the
 * repair logged (`tallies.careRepair`: how many residents — no id, no name, no day).
 */
import type { Dexie } from 'dexie';
import { careVisitDifferences } from '@shared/domain/homeVisits/unvisited';
import { can } from '@shared/domain/roles';
import type { Desk } from '../desk';
import { databaseOf, writeTx } from '../write';
import type { TableOf } from '../tallies/recount';
import { recountCareVisits } from './recount';

export type CareVisitCheck = { rows: number; repaired: number };

const TABLES = ['careLastVisits', 'residents', 'homeVisits', 'meta'] as const;

/** Compares the kept rows with a recount; repairs and logs when they differ. */
export async function checkCareVisits(desk: Desk): Promise<CareVisitCheck> {
  const db = databaseOf(desk);
  const dexie = db as unknown as Dexie;
  const tableOf: TableOf = (name) => dexie.table(name);
  const [kept, want] = await dexie.transaction('r', [...TABLES], () =>
    Promise.all([db.careLastVisits.toArray(), recountCareVisits(tableOf)]),
  );
  if (careVisitDifferences(kept, want).length === 0) return { rows: want.size, repaired: 0 };
  // Writing needs the desk's work (an 审计员 leaves the repair to the next clerk's sign-in).
  if (!desk.actor || !can({ role: desk.actor.role }, 'desk.work')) return { rows: want.size, repaired: 0 };
  return writeTx(desk, [...TABLES], async (tx) => {
    // Again inside the write: the records as they are now (read only here, in this transaction).
    const [keptNow, wantNow] = await Promise.all([tx.careLastVisits.toArray(), recountCareVisits(tableOf)]);
    const differing = careVisitDifferences(keptNow, wantNow);
    if (differing.length === 0) return { rows: wantNow.size, repaired: 0 };
    for (const id of differing) {
      const row = wantNow.get(id);
      if (row) await tx.careLastVisits.put(row);
      else await tx.careLastVisits.delete(id);
    }
    await tx.audit({
      action: 'tallies.careRepair',
      entity: 'desk',
      detail: `超期未走访名单的上次走访与重新计算不符，已修复 ${differing.length} 人`,
    });
    return { rows: wantNow.size, repaired: differing.length };
  });
}
