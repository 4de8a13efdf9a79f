/**
 * v31 → v33: every audit row gets its derived `domain` (`auditDomainOf`, shared/domain/audit.ts),
 * so the 操作日志 filtered by 类别 reads ONE range of `[domain+seq]`. Only that field is added: the
 * chain's hash does not cover it (shared/domain/auditChain.ts), so every row still verifies.
 * Idempotent: a second run changes nothing.
 */
import type { Transaction } from 'dexie';
import type { AuditEntry } from '@shared/domain/records';
import { auditDomainOf } from '@shared/domain/audit';

export async function upgradeV33AuditDomain(tx: Transaction): Promise<void> {
  await tx
    .table<AuditEntry, number>('auditLog')
    .toCollection()
    .modify((e, ref) => {
      ref.value = { ...e, domain: auditDomainOf(e.action) };
    });
}
