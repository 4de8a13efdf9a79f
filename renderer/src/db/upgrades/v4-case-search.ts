/**
 * v3 → v4: the queue keys gain one key per filter (网格, 状态, 事项) and the lists 到期 / 全部;
 * 我的办件 holds open cases only (finished ones move to 我的已办结); cases get `searchKeys` and
 * visits that started cases get `words` (shared/domain/caseSearch.ts). Everything is
 * recomputed from each record itself: idempotent.
 */
import type { Transaction } from 'dexie';
import type { Visit } from '@shared/domain/records';
import { visitWordsOf } from '@shared/domain/caseSearch';
import { recomputeCaseIndexes } from './recomputeCaseIndexes';

export async function upgradeV4CaseSearch(tx: Transaction): Promise<void> {
  await recomputeCaseIndexes(tx);
  await tx
    .table<Visit, string>('visits')
    .filter((v) => v.caseIds.length > 0)
    .modify((v) => {
      v.words = visitWordsOf(v);
    });
}
