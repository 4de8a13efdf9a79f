/**
 * v10 → v12 (the audit part of issue 23; independent of v11): the audit log chained per desk
 * (shared/domain/auditChain.ts). The rows written before are sealed once, in their local order
 * (`seq`), into a chain that starts there: desk 1 (every PC was desk 1 before desks existed, as
 * with the tracking numbers), marked `sealed` — the 操作日志 says so. A row already chained is
 * kept as it is (idempotent). In chunks by `seq`, hashed synchronously inside the upgrade.
 */
import type { Transaction } from 'dexie';
import type { AuditEntry } from '@shared/domain/records';
import { chainRow, headOf, isChained, type ChainHead } from '@shared/domain/auditChain';

/** The desk of the rows written before desks existed. */
export const LEGACY_DESK = 1;

const CHUNK = 2000;

export async function upgradeV12AuditChain(tx: Transaction): Promise<void> {
  const log = tx.table<AuditEntry, number>('auditLog');
  const heads = new Map<number, ChainHead>();
  let after = -Infinity;
  for (;;) {
    const rows = await log.where('seq').above(after).limit(CHUNK).toArray();
    if (rows.length === 0) return;
    const sealed = rows.map((row) => {
      if (isChained(row)) {
        heads.set(row.desk, headOf(row));
        return row;
      }
      const chained = chainRow(row, LEGACY_DESK, heads.get(LEGACY_DESK) ?? null, { sealed: true });
      heads.set(LEGACY_DESK, headOf(chained));
      return chained;
    });
    await log.bulkPut(sealed);
    after = rows.at(-1)?.seq ?? after;
  }
}
