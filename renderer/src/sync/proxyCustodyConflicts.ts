/**
 * Issue 24 (同步冲突) for 帮代办 and 材料保管: proxy requests and documents in custody whose merged
 * history holds actions the rules refuse (one desk cancels a request the other accepts offline;
 * one 移交s a document the other 归还s). The refold of inbound keeps them on the record
 * (`syncConflicts`, indexed by the derived `syncConflictAt`); the fold stands until a person acts.
 * The acknowledgement is the door action 确认同步冲突 through `changeProxy` / `changeCustody` (an
 * event, so every desk sees it handled, and the `sync.resolve` audit row), by a holder of `sync.manage`.
 */
import { can, holdersOf } from '@shared/domain/roles';
import type { CustodyItem, CustodyItemEvent, ProxyEvent, ProxyTask, SyncConflict } from '@shared/domain/records';
import type { Desk } from '../db/desk';
import { DomainRefusal } from '../db/refusal';
import { changeCustody } from '../db/repositories/changeCustody';
import { changeProxy } from '../db/repositories/changeProxy';
import { writeTx, type WriteTx } from '../db/write';
import { requireSyncManage } from './syncRead';

/** One refused event as listed: the conflict (reason, desk, time, actor) and the event itself. */
export type ConflictWithEvent<E> = SyncConflict & { event: E };

export type ProxyConflictEntry = { task: ProxyTask; conflicts: ConflictWithEvent<ProxyEvent>[] };
export type CustodyConflictEntry = { item: CustodyItem; conflicts: ConflictWithEvent<CustodyItemEvent>[] };

/** Each record's pending conflicts with their events (the records come the longest waiting first). */
async function withEvents<R extends { syncConflicts?: SyncConflict[] }, E>(
  records: readonly R[],
  events: { bulkGet(ids: string[]): PromiseLike<(E | undefined)[]> },
): Promise<{ record: R; conflicts: ConflictWithEvent<E>[] }[]> {
  const out: { record: R; conflicts: ConflictWithEvent<E>[] }[] = [];
  for (const record of records) {
    const pending = record.syncConflicts ?? [];
    const found = await events.bulkGet(pending.map((p) => p.eventId));
    out.push({ record, conflicts: pending.flatMap((p, i) => (found[i] ? [{ ...p, event: found[i] }] : [])) });
  }
  return out;
}

/** The proxy requests with unhandled 同步冲突, the longest waiting first. */
export async function listProxyConflicts(desk: Desk): Promise<ProxyConflictEntry[]> {
  await requireSyncManage(desk, '查看同步冲突');
  const tasks = await desk.db.proxyTasks.orderBy('syncConflictAt').toArray();
  return (await withEvents(tasks, desk.db.proxyEvents)).map(({ record, conflicts }) => ({ task: record, conflicts }));
}

/** The documents in custody with unhandled 同步冲突, the longest waiting first. */
export async function listCustodyConflicts(desk: Desk): Promise<CustodyConflictEntry[]> {
  await requireSyncManage(desk, '查看同步冲突');
  const items = await desk.db.custodyItems.orderBy('syncConflictAt').toArray();
  return (await withEvents(items, desk.db.custodyEvents)).map(({ record, conflicts }) => ({ item: record, conflicts }));
}

/** How many requests and custody items wait for a person (the 工作台's 同步冲突 count adds them to the cases). */
export async function countProxyCustodyConflicts(desk: Pick<Desk, 'db'>): Promise<number> {
  const [tasks, items] = await Promise.all([
    desk.db.proxyTasks.orderBy('syncConflictAt').count(),
    desk.db.custodyItems.orderBy('syncConflictAt').count(),
  ]);
  return tasks + items;
}

const requireManage = (tx: WriteTx<never>) => {
  if (!can(tx.actor, 'sync.manage')) throw new DomainRefusal(`只有${holdersOf('sync.manage')}可以处理同步冲突`);
};

const eventIdsOf = (r: { syncConflicts?: SyncConflict[] }) => (r.syncConflicts ?? []).map((c) => c.eventId);

/**
 * Marks the request's 同步冲突 handled, with `note` (what the 站长 decided); later actions are the
 * ordinary ones. @throws DomainRefusal without `sync.manage`, without a note, or when nothing is pending.
 */
export async function acknowledgeProxyConflict(desk: Desk, taskId: string, note: string): Promise<ProxyTask> {
  return writeTx(desk, ['proxyTasks', 'proxyEvents', 'caseEvents', 'counters', 'cases'], async (tx) => {
    requireManage(tx);
    const task = await tx.proxyTasks.get(taskId);
    if (!task) throw new DomainRefusal('代办不存在');
    const c = task.caseId ? await tx.cases.get(task.caseId) : undefined;
    const action = { type: '确认同步冲突' as const, eventIds: eventIdsOf(task), note };
    return changeProxy(desk, tx, task, action, { originalsOut: [], ...(c ? { case: c } : {}) });
  });
}

/** Marks the custody item's 同步冲突 handled, with `note`; the same refusals as a request's. */
export async function acknowledgeCustodyConflict(desk: Desk, itemId: string, note: string): Promise<CustodyItem> {
  return writeTx(desk, ['custodyItems', 'custodyEvents', 'caseEvents', 'counters', 'cases'], async (tx) => {
    requireManage(tx);
    const item = await tx.custodyItems.get(itemId);
    if (!item) throw new DomainRefusal('材料记录不存在');
    const c = await tx.cases.get(item.caseId);
    const action = { type: '确认同步冲突' as const, eventIds: eventIdsOf(item), note };
    return changeCustody(desk, tx, item, action, { case: { trackingNumber: c?.trackingNumber ?? '' } });
  });
}
