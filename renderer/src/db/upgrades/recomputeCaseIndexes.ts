/**
 * The data step of every upgrade that adds derived index fields to cases (v2 queues, v3 queue
 * order): recompute them from each record itself. Idempotent: a second run changes nothing.
 */
import type { Transaction } from 'dexie';
import type { CaseRecord } from '@shared/domain/records';
import { withIndexes } from '@shared/domain/caseIndex';

export async function recomputeCaseIndexes(tx: Transaction): Promise<void> {
  await tx
    .table<CaseRecord, string>('cases')
    .toCollection()
    .modify((c, ref) => {
      ref.value = withIndexes(c);
    });
}
