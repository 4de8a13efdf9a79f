/**
 * v9 → v10: every audit row gets its stable identity `id` (unique index `&id`; `++seq` stays
 * the primary key, which Dexie cannot change). A row from before has none: it is derived from
 * its content (`legacyAuditId`, shared/domain/auditIdentity.ts), the same function a restore
 * applies to the rows of a pre-v10 backup, so the same row is never doubled. Idempotent.
 */
import type { Transaction } from 'dexie';
import type { AuditEntry } from '@shared/domain/records';
import { legacyAuditId } from '@shared/domain/auditIdentity';

export async function upgradeV10AuditIds(tx: Transaction): Promise<void> {
  await tx
    .table<AuditEntry, number>('auditLog')
    .toCollection()
    .modify((row) => {
      row.id ??= legacyAuditId(row);
    });
}
