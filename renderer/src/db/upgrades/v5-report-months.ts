/**
 * v4 → v5: cases get `reportMonths` (shared/reports/reportIndex.ts), so a summary reads the
 * cases of its months by index. Recomputed from each record itself: idempotent.
 */
import type { Transaction } from 'dexie';
import { recomputeCaseIndexes } from './recomputeCaseIndexes';

export async function upgradeV5ReportMonths(tx: Transaction): Promise<void> {
  await recomputeCaseIndexes(tx);
}
