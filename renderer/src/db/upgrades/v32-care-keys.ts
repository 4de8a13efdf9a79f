/**
 * v31 → v32 (issue 26, the 超期未走访 list pages): every resident gets its `careKeys` (one
 * `<网格>␟<tag>␟<id>` per tag while on file: shared/domain/homeVisits/unvisited.ts), so a zone's
 * 重点服务对象 are index ranges. The rewrite passes the derived-field middleware, which computes
 * them (and the search keys, as stored: loadUpgradeSteps loads the dictionary first). The new
 * `corrects` index of homeVisits needs no data step. Idempotent: a second run changes nothing.
 */
import type { Transaction } from 'dexie';
import type { Resident } from '@shared/domain/records';
import { careKeysOf } from '@shared/domain/homeVisits/unvisited';

export async function upgradeV32CareKeys(tx: Transaction): Promise<void> {
  await tx
    .table<Resident, string>('residents')
    .toCollection()
    .modify((r, ref) => {
      const care = careKeysOf(r);
      const { careKeys: _old, ...rest } = r;
      ref.value = care.length > 0 ? { ...rest, careKeys: care } : rest;
    });
}
