/**
 * The check of the slim rows (`slimRows`) against the records, run once after sign-in in the
 * background after the last 走访's (app/SignedInDesk.tsx), never on the way to a screen. It
 * compares the kept keys with the keys the `day` and `acceptedDay` indexes give (recount.ts
 * `slimKeysOf`: index keys only — a five-year desk's records are not loaded). When they agree
 * nothing is written. When they disagree — a write that bypassed Dexie, a bug — the keys are
 * compared again inside ONE write transaction (no save of the clerk can slip between), the
 * missing rows made from their records, the extra ones deleted, and the repair logged
 * (`tallies.slimRepair`: how many rows — no id, no day). A row whose key is right but whose
 * fields are not is not seen here (the middleware writes both from the same record).
 */
import type { Dexie } from 'dexie';
import { slimRowOf } from '@shared/reports/slimRows';
import { can } from '@shared/domain/roles';
import type { Desk } from '../desk';
import { databaseOf, writeTx } from '../write';
import type { TableOf } from '../tallies/recount';
import { slimKeysOf } from './recount';

export type SlimRowCheck = { rows: number; repaired: number };

const TABLES = ['slimRows', 'visits', 'cases'] as const;

/** The keys kept and not wanted, and wanted and not kept. */
function differences(kept: readonly string[], want: ReadonlySet<string>) {
  const have = new Set(kept);
  return { extra: kept.filter((k) => !want.has(k)), missing: [...want].filter((k) => !have.has(k)) };
}

/** `c|<day>|<id>` → the record's table and id. */
const recordOf = (key: string) => ({
  table: key.startsWith('v|') ? ('visits' as const) : ('cases' as const),
  id: key.slice(key.indexOf('|', 2) + 1),
});

/** Compares the kept rows' keys with the records'; repairs and logs when they differ. */
export async function checkSlimRows(desk: Desk): Promise<SlimRowCheck> {
  const db = databaseOf(desk);
  const dexie = db as unknown as Dexie;
  const tableOf: TableOf = (name) => dexie.table(name);
  const [kept, want] = await dexie.transaction('r', [...TABLES], () =>
    Promise.all([db.slimRows.toCollection().primaryKeys(), slimKeysOf(tableOf)]),
  );
  const found = differences(kept, want);
  if (found.extra.length + found.missing.length === 0) return { rows: want.size, repaired: 0 };
  // Writing needs the desk's work (an 审计员 leaves the repair to the next clerk's sign-in).
  if (!desk.actor || !can({ role: desk.actor.role }, 'desk.work')) return { rows: want.size, repaired: 0 };
  return writeTx(desk, [...TABLES], async (tx) => {
    const [keptNow, wantNow] = await Promise.all([tx.slimRows.toCollection().primaryKeys(), slimKeysOf(tableOf)]);
    const { extra, missing } = differences(keptNow, wantNow);
    if (extra.length + missing.length === 0) return { rows: wantNow.size, repaired: 0 };
    const records = missing.map(recordOf);
    const [visits, cases] = await Promise.all(
      (['visits', 'cases'] as const).map((t) =>
        tableOf(t).bulkGet(records.filter((r) => r.table === t).map((r) => r.id)),
      ),
    );
    const rows = [
      ...visits!.flatMap((v) => (v ? [slimRowOf('visits', v)] : [])),
      ...cases!.flatMap((c) => (c ? [slimRowOf('cases', c)] : [])),
    ];
    await Promise.all([...rows.map((row) => tx.slimRows.put(row)), ...extra.map((key) => tx.slimRows.delete(key))]);
    await tx.audit({
      action: 'tallies.slimRepair',
      entity: 'desk',
      detail: `报表精简记录与来访、办件记录不符，已修复 ${extra.length + missing.length} 条`,
    });
    return { rows: wantNow.size, repaired: extra.length + missing.length };
  });
}
