/**
 * v14 → v15 (needs only v11's tombstones; on an older database there is nothing to do): the full
 * copies of both records a merge kept on its tombstone (`deleted.undo`, center data) are removed.
 * The undo snapshot now lives desk-local (`mergeUndos`); an old snapshot is NOT moved there: it
 * lacks which problem sources the merge moved (the undo would guess), and at most a same-day
 * merge made before the update loses its undo. Idempotent.
 */
import type { Transaction } from 'dexie';

type OldTombstoneRow = { id: string; deleted?: { undo?: unknown } };

export async function upgradeV16MergeUndos(tx: Transaction): Promise<void> {
  await tx
    .table<OldTombstoneRow, string>('residents')
    .filter((row) => row.deleted?.undo !== undefined)
    .modify((row) => {
      delete row.deleted!.undo;
    });
}
