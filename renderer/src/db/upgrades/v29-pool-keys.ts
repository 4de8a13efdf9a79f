/**
 * v28 → v29: every problem gets its 问题库 keys (`poolKeys`, shared/domain/meetings/poolKeys.ts),
 * so the pool pages and filters by one index range. The new audit, request and custody indexes
 * need no data step (IndexedDB builds them from the rows as they are; no audit row changes).
 * Idempotent: a second run changes nothing.
 */
import type { Transaction } from 'dexie';
import type { Problem } from '@shared/domain/records';
import { poolKeysOf } from '@shared/domain/meetings/poolKeys';

export async function upgradeV29PoolKeys(tx: Transaction): Promise<void> {
  await tx
    .table<Problem, string>('problems')
    .toCollection()
    .modify((p, ref) => {
      ref.value = { ...p, poolKeys: poolKeysOf(p) };
    });
}
