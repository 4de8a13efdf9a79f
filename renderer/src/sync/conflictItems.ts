/**
 * The 同步冲突 queue as the screen shows it (features/sync/syncApi.ts `SyncConflictItem`): every
 * case, proxy request and document in custody with refused actions, each with what it is now and
 * every action of its history in order (desk, time, who, what), the refused ones with the rules'
 * reason. Names are staff names (never a resident's); a document is named as on the case's list.
 */
import { holderLabel } from '@shared/domain/custody';
import { UPGRADE_OPENING } from '@shared/domain/events/caseEvents';
import { inClockOrder } from '@shared/domain/events/patch';
import type { CustodyHolder, EventInput, SyncConflict } from '@shared/domain/records';
import type { SyncConflictItem } from '../features/sync/syncApi';
import type { Desk } from '../db/desk';
import { listCaseConflicts } from './caseConflicts';
import { listCustodyConflicts, listProxyConflicts } from './proxyCustodyConflicts';

type Listed = { id: string; at: number; by: string; desk?: number; action: string; input?: EventInput };

/** Every event of a record in clock order (openings from the upgrade left out), refused ones with the reason. */
function historyOf(
  events: readonly Listed[],
  conflicts: readonly SyncConflict[],
  name: (id: string) => string,
  what: (e: Listed) => string = (e) => e.action,
): SyncConflictItem['events'] {
  const refused = new Map(conflicts.map((k) => [k.eventId, k.reason]));
  return inClockOrder(events)
    .filter((e) => e.action !== UPGRADE_OPENING)
    .map((e) => ({
      desk: e.desk ?? 1,
      at: e.at,
      action: what(e),
      actor: name(e.by),
      ...(refused.has(e.id) ? { refused: refused.get(e.id) } : {}),
    }));
}

/** The queue: cases first, then requests, then documents, each kind the longest waiting first. */
export async function syncConflictItems(desk: Desk): Promise<SyncConflictItem[]> {
  const [cases, tasks, items] = await Promise.all([
    listCaseConflicts(desk),
    listProxyConflicts(desk),
    listCustodyConflicts(desk),
  ]);
  const staff = new Map((await desk.db.staff.toArray()).map((s) => [s.id, s.name]));
  const name = (id: string) => staff.get(id) ?? '其他窗口的工作人员';
  const caseIds = [...tasks.map((t) => t.task.caseId), ...items.map((i) => i.item.caseId)];
  const numbers = new Map(
    (await desk.db.cases.bulkGet(caseIds.filter((id): id is string => Boolean(id)))).flatMap((c) =>
      c ? [[c.id, c.trackingNumber] as const] : [],
    ),
  );
  const ofCase = (caseId: string | undefined) =>
    caseId && numbers.get(caseId) ? `（办件 ${numbers.get(caseId)}）` : '';
  const out: SyncConflictItem[] = [];
  for (const { case: c, conflicts } of cases) {
    const events = await desk.db.caseEvents.where('caseId').equals(c.id).toArray();
    out.push({
      kind: 'case',
      id: c.id,
      title: `办件 ${c.trackingNumber}`,
      caseId: c.id,
      status: c.status,
      events: historyOf(events, conflicts, name),
    });
  }
  for (const { task, conflicts } of tasks) {
    const events = await desk.db.proxyEvents.where('taskId').equals(task.id).toArray();
    out.push({
      kind: 'proxy',
      id: task.id,
      title: `帮代办${ofCase(task.caseId) || `（${task.source}登记，${task.requestedDay}）`}`,
      ...(task.caseId ? { caseId: task.caseId } : {}),
      status: task.status,
      events: historyOf(events, conflicts, name),
    });
  }
  const moved = (e: Listed) => {
    const to = e.input?.to as CustodyHolder | undefined;
    return e.action === '移交' && to ? `移交给${holderLabel(to, name)}` : e.action;
  };
  for (const { item, conflicts } of items) {
    const events = await desk.db.custodyEvents.where('itemId').equals(item.id).toArray();
    out.push({
      kind: 'custody',
      id: item.id,
      title: `材料 ${item.document}（${item.original ? '原件' : '复印件'}）${ofCase(item.caseId)}`,
      caseId: item.caseId,
      status: `${item.status}，${holderLabel(item.holder, name)}${item.status === '在外' ? '保管' : ''}`,
      events: historyOf(events, conflicts, name, moved),
    });
  }
  return out;
}
