/**
 * v2 → v3: adds the ordering keys of the queues (`queueKeys`, shared/domain/caseQueues.ts), so
 * every queue pages in its order straight from the index. Recomputes every case's derived
 * fields from the record itself: idempotent.
 */
import type { Transaction } from 'dexie';
import type { CaseRecord } from '@shared/domain/records';
import { withIndexes } from '@shared/domain/caseIndex';

export async function upgradeV3CaseOrder(tx: Transaction): Promise<void> {
  await tx
    .table<CaseRecord, string>('cases')
    .toCollection()
    .modify((c, ref) => {
      ref.value = withIndexes(c);
    });
}
