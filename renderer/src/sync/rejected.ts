/**
 * Issue 24: documents the hub refused (403 from its `validate_doc_update`), kept desk-local in
 * `syncRejected` (v21) and listed for a person, never retried forever. The out part's pump
 * records them (`recordRejected`); the sync screens list them (`listRejected`).
 */
import type { DeskBase, Desk } from '../db/desk';
import { databaseOf } from '../db/write';
import type { RejectedDoc } from './contract';
import { parseSyncDocId } from './docs';
import { requireSyncManage } from './syncRead';

/** Keeps the hub's refusal of document `id` (one row per document: the latest refusal). */
export async function recordRejected(
  desk: DeskBase,
  refusal: { id: string; status: number; reason: string },
): Promise<RejectedDoc> {
  const row: RejectedDoc = {
    id: refusal.id,
    table: parseSyncDocId(refusal.id)?.table ?? '',
    status: refusal.status,
    reason: refusal.reason,
    at: desk.clock.now(),
  };
  await databaseOf(desk).syncRejected.put(row);
  return row;
}

/** The refused documents, newest first. */
export async function listRejected(desk: Desk): Promise<RejectedDoc[]> {
  await requireSyncManage(desk, '查看被中心拒收的数据');
  const rows = await desk.db.syncRejected.toArray();
  return rows.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
}
