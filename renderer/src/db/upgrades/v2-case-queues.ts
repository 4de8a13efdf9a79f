/**
 * v1 → v2: fills the derived queue index fields (`dueDay`, `flags`) of every existing case.
 * Idempotent: recomputing from the record itself gives the same result on a second run.
 */
import type { Transaction } from 'dexie';
import type { CaseRecord } from '@shared/domain/records';
import { withIndexes } from '@shared/domain/caseIndex';

export async function upgradeV2CaseQueues(tx: Transaction): Promise<void> {
  await tx
    .table<CaseRecord, string>('cases')
    .toCollection()
    .modify((c, ref) => {
      ref.value = withIndexes(c);
    });
}
