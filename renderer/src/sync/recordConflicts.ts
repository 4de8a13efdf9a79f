/**
 * Issue 24 (数据冲突): a record edited on two desks. CouchDB picks the same winner on every desk
 * (the longer history, not the later edit) and keeps the losers; inbound (applyDocs.ts) stores
 * the winner in Dexie and a desk-local `syncConflicts` row with every losing revision, so the
 * losing edit is never silently gone. A 站长 picks or combines the values here:
 * `resolveRecordConflict` writes the chosen record through `writeTx` (audit `sync.resolve`, so it
 * travels through the outbox like any edit), then deletes the losing revisions in the local
 * replica (one bulkDocs) so every desk sees the document resolved; the row is removed in the
 * same transaction as the record.
 */
import { can, holdersOf } from '@shared/domain/roles';
import type { Desk } from '../db/desk';
import type { EntityName } from '../db/entities';
import { DomainRefusal } from '../db/refusal';
import { writeTx, type WritableName } from '../db/write';
import type { RecordConflict } from './contract';
import { DESK_OWN_FIELDS } from './docs';
import { requireSyncManage } from './syncRead';

/** What resolving needs of the desk's PouchDB (a `PouchDB.Database` has it). */
type Replica = {
  get(id: string, options?: { conflicts?: boolean }): Promise<unknown>;
  bulkDocs(docs: object[]): Promise<unknown>;
};

let replica: Replica | undefined;

/** The replica inbound follows (set by startInbound, cleared by its stop: `only` clears only that one). */
export function setLocalReplica(local: Replica | undefined, only?: Replica): void {
  if (only && replica !== only) return;
  replica = local;
}

/** The 数据冲突 this desk sees, oldest first. */
export async function listRecordConflicts(desk: Desk): Promise<RecordConflict[]> {
  await requireSyncManage(desk, '查看数据冲突');
  const rows = await desk.db.syncConflicts.toArray();
  return rows.sort((a, b) => a.seenAt - b.seenAt || (a.id < b.id ? -1 : 1));
}

/**
 * Resolves the conflict `id` with `record` (the winner, a loser, or a combination the 站长 made).
 * @throws DomainRefusal when the actor may not, the conflict is gone, or the record is another one.
 */
export async function resolveRecordConflict(desk: Desk, id: string, record: Record<string, unknown>): Promise<void> {
  const local = replica;
  if (!local) throw new DomainRefusal('本窗口未连接中心，暂时不能处理数据冲突');
  const row = await desk.db.syncConflicts.get(id);
  if (!row) throw new DomainRefusal('该数据冲突已处理');
  const table = row.table as WritableName;
  if (String(record[keyPathOf(desk, table)]) !== row.key) throw new DomainRefusal('所选内容不属于这条记录');
  await writeTx(desk, [table, 'syncConflicts'], async (tx) => {
    const me = tx.actor;
    if (!can(me, 'sync.manage')) throw new DomainRefusal(`只有${holdersOf('sync.manage')}可以处理数据冲突`);
    if (!(await tx.syncConflicts.get(id))) throw new DomainRefusal('该数据冲突已处理');
    const t = (tx as unknown as Record<string, { get(k: string): Promise<unknown>; put(r: object): Promise<unknown> }>)[
      table
    ]!;
    const here = (await t.get(row.key)) as Record<string, unknown> | undefined;
    const chosen: Record<string, unknown> = { ...record };
    // This desk's own fields (a staff account's PIN verifier) stay as they are here.
    for (const f of DESK_OWN_FIELDS[table as EntityName] ?? []) {
      delete chosen[f];
      if (here?.[f] !== undefined) chosen[f] = here[f];
    }
    await t.put(chosen);
    await tx.syncConflicts.delete(id);
    await tx.audit({
      action: 'sync.resolve',
      entity: 'sync',
      entityId: id,
      detail: `数据冲突：${row.losers.length + 1} 个版本，已确定保留的内容`,
    });
  });
  // Every desk sees it resolved once the losing revisions are gone (the winner's branch stays).
  const doc = (await local.get(id, { conflicts: true })) as { _conflicts?: string[] };
  const losers = doc._conflicts ?? [];
  if (losers.length > 0) await local.bulkDocs(losers.map((rev) => ({ _id: id, _rev: rev, _deleted: true })));
}

/** The primary key field of a table (the audit log never conflicts: one per record tables only). */
function keyPathOf(desk: Desk, table: string): string {
  const t = (desk.db as unknown as Record<string, { schema?: { primKey: { keyPath: unknown } } }>)[table];
  const kp = t?.schema?.primKey.keyPath;
  return typeof kp === 'string' ? kp : 'id';
}
