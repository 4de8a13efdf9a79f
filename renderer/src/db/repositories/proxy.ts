/**
 * 帮代办: proxy requests (a call, a home visit, the counter), their booked home visits, 送达 and
 * the signed 委托书's return. Every action is ONE transaction: the request, the case's timeline
 * event (when it has a case), the audit row (`proxy.*`, no personal data) and, on a 取消 of an
 * accepted request, the case ended through the case machine's 不予受理 — all through the doors
 * (changeProxy.ts, changeCase.ts). The rules are
 * shared/domain/proxy; the documents themselves are custody.ts.
 */
import { Dexie } from 'dexie';
import { supervises } from '../authorize';
import { actsOnBehalf } from '@shared/domain/caseOwnership';
import { caseChangeOnProxyCancel, caseChangeOnProxyStep, FOLLOWS_PROXY } from '@shared/domain/events/cascades';
import { unsettledOriginals } from '@shared/domain/custody';
import type { MatterTypeDef } from '@shared/domain/catalog';
import type { VisitInput } from '@shared/domain/intake';
import { proxyRequestRefusal, type ProxyAction, type ProxyRequestInput } from '@shared/domain/proxy';
import type { CaseRecord, ProxyStatus, ProxyTask, Resident } from '@shared/domain/records';
import { QUEUE_COUNT_CAP } from '@shared/domain/caseQueues';
import { LIST_PAGE_SIZE, pageOf, type ListPage } from '@shared/domain/listPaging';
import type { Desk, DeskBase } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx, type WriteTx } from '../write';
import { readTx } from '../readTx';
import { residentsByIds, resolveResident } from './residents';
import { changeCase } from './changeCase';
import { changeCustody } from './changeCustody';
import { changeProxy, openProxy } from './changeProxy';
import { PROXY_CUSTODY_TABLES } from './proxyCustodyTables';
import { registerVisit, type RegisteredVisit } from './visits';

export type { ProxyRequestInput };

/** A request from a call or a zone staff member's home visit, before a catalog matter is chosen (待确认). */
export async function registerProxyRequest(desk: Desk, input: ProxyRequestInput): Promise<ProxyTask> {
  const refused = proxyRequestRefusal(input);
  if (refused) throw new DomainRefusal(refused.reason, refused.field);
  const id = desk.newId();
  return writeTx(desk, PROXY_REQUEST_TABLES, (tx) => registerProxyRequestIn(desk, tx, id, input));
}

/** The tables `registerProxyRequestIn` writes (a caller's transaction lists them too). */
export const PROXY_REQUEST_TABLES = ['proxyTasks', 'proxyEvents', 'caseEvents', 'counters', 'residents'] as const;

/**
 * registerProxyRequest's write, inside the caller's transaction (a 走访 entry's 帮代办,
 * homeVisits.ts): the input already checked by `proxyRequestRefusal`.
 */
export async function registerProxyRequestIn(
  desk: Desk,
  tx: WriteTx<(typeof PROXY_REQUEST_TABLES)[number]>,
  id: string,
  input: ProxyRequestInput,
): Promise<ProxyTask> {
  const request = input.request.trim();
  // A resident merged away in the meantime: the request goes to the kept record.
  const resident = await resolveResident(tx, input.residentId);
  if (!resident) throw new DomainRefusal('该居民记录已不存在，请重新查找', 'resident');
  const task = await openProxy(desk, tx, {
    id,
    residentId: resident.id,
    source: input.source,
    status: '待确认',
    request,
    requestedDay: tx.today,
  });
  await tx.audit({ action: 'proxy.request', entity: 'proxyTask', entityId: id, detail: input.source });
  return task;
}

/**
 * 确认事项并受理: the 待确认 request gets its catalog matter and becomes a 帮代办 case, registered
 * as a visit of its source (来电 / 走访) in the same transaction as the request's update.
 */
export async function acceptProxyRequest(desk: Desk, taskId: string, matter: MatterTypeDef): Promise<RegisteredVisit> {
  const task = await desk.db.proxyTasks.get(taskId);
  if (!task) throw new DomainRefusal('未找到这条代办需求');
  if (task.status !== '待确认') throw new DomainRefusal('该代办已受理');
  const input: VisitInput = {
    residentId: task.residentId,
    channel: task.source === '电话' ? '来电' : '走访',
    content: task.request,
    kind: '办件',
    cases: [{ matter, mode: '帮代办', received: [] }],
  };
  return registerVisit(desk, input, { proxyTaskId: taskId });
}

/**
 * One action on a proxy request (预约上门, 上门完成, 办理完毕, 送达, 取消, 委托书回收). A 送达 with
 * `returnOriginals` first returns every original still out to the resident (归还, through the
 * custody door: only what the actor holds), in the same transaction; the case follows the step
 * (开始办理 once the visit with documents or the result is there).
 */
export async function performProxyAction(desk: Desk, taskId: string, action: ProxyAction): Promise<ProxyTask> {
  if (action.type === '受理') throw new DomainRefusal('请用“确认事项并受理”');
  return writeTx(desk, PROXY_CUSTODY_TABLES, async (tx) => {
    const task = await tx.proxyTasks.get(taskId);
    if (!task) throw new DomainRefusal('未找到这条代办需求');
    const named = action.type === '预约上门' ? action.staffIds : action.type === '送达' && action.by ? [action.by] : [];
    for (const id of named) {
      if (!(await tx.staff.get(id))?.active)
        throw new DomainRefusal('请选择在用的工作人员', action.type === '送达' ? 'by' : 'staffIds');
    }
    const record = task.caseId ? await tx.cases.get(task.caseId) : undefined;
    if (record?.status === '已归档') throw new DomainRefusal('已归档的办件为只读');
    const items = task.caseId ? await tx.custodyItems.where('caseId').equals(task.caseId).toArray() : [];
    let out = unsettledOriginals(items).map((i) => i.document);
    if (record && action.type === '送达' && action.returnOriginals && out.length > 0) {
      const names = new Map([[tx.actor.id, tx.actor.name]]);
      for (const item of unsettledOriginals(items))
        await changeCustody(desk, tx, item, { type: '归还' }, { case: record, names, named: true });
      out = [];
    }
    // A cancel of an accepted request ends its case (cascades.ts), in this transaction.
    const ends = record && action.type === '取消' ? caseChangeOnProxyCancel(record, action.reason) : null;
    const by = { staffId: desk.actor.id, isAdmin: supervises(tx) };
    // Ending another's case: the cancellation's own reason is the one given for it.
    const onBehalf = record && ends && actsOnBehalf(record, ends.type, by) && action.type === '取消';
    const next = await changeProxy(desk, tx, task, action, {
      originalsOut: out,
      ...(record ? { case: record } : {}),
      ...(onBehalf ? { auditNote: `；代为操作：代办取消（${action.reason}）` } : {}),
    });
    if (record && ends) await changeCase(desk, tx, record, ends, onBehalf ? { why: '代为操作：代办取消' } : {});
    const follows = record ? caseChangeOnProxyStep(record, next.status, items.length) : null;
    if (record && follows) await changeCase(desk, tx, record, follows, { why: FOLLOWS_PROXY });
    return next;
  });
}

export async function proxyTaskOfCase(desk: DeskBase, caseId: string): Promise<ProxyTask | undefined> {
  return desk.db.proxyTasks.where('caseId').equals(caseId).first();
}

/** A request with what its row shows: the resident, the case (tracking number, deadline). */
export type ProxyRow = { task: ProxyTask; resident?: Resident; record?: CaseRecord };

async function withParts(desk: DeskBase, tasks: ProxyTask[]): Promise<ProxyRow[]> {
  const [residents, cases] = await Promise.all([
    residentsByIds(
      desk,
      tasks.map((t) => t.residentId),
    ),
    desk.db.cases.bulkGet(tasks.map((t) => t.caseId ?? '')),
  ]);
  return tasks.map((task, i) => ({ task, resident: residents.get(task.residentId), record: cases[i] }));
}

/** The 帮代办 queues, each one key range of an index. */
export type ProxyQueue = '待确认' | '待上门' | '今日上门' | '办理中' | '待送达';
export const PROXY_QUEUES: readonly ProxyQueue[] = ['待确认', '待上门', '今日上门', '办理中', '待送达'];

function queueCollection(desk: DeskBase, queue: ProxyQueue) {
  return queue === '今日上门'
    ? desk.db.proxyTasks.where('visitDay').equals(desk.clock.today())
    : desk.db.proxyTasks.where('status').equals(queue satisfies ProxyStatus);
}

/** A queue's requests, oldest request first (今日上门: by slot). */
export async function proxyQueue(desk: DeskBase, queue: ProxyQueue): Promise<ProxyRow[]> {
  const tasks = await queueCollection(desk, queue).sortBy('requestedDay');
  if (queue === '今日上门') tasks.sort((a, b) => slotOrder(a) - slotOrder(b));
  return withParts(desk, tasks);
}

/** Where a status queue's next page starts: after this request's (requestedDay, id). */
export type ProxyCursor = [requestedDay: string, id: string];

/**
 * One page of a status queue, oldest request first, after `after` (the last row shown): a range
 * of `[status+requestedDay+id]`, the page's rows and one more, with their residents and cases in
 * ONE read transaction. 今日上门 is one day's visits: whole.
 */
export async function proxyQueuePage(
  desk: DeskBase,
  queue: ProxyQueue,
  page: { after?: ProxyCursor; limit?: number } = {},
): Promise<ListPage<ProxyRow, ProxyCursor>> {
  if (queue === '今日上门') return { rows: await proxyQueue(desk, queue), hasMore: false };
  const limit = page.limit ?? LIST_PAGE_SIZE;
  return readTx(desk.db, ['proxyTasks', 'residents', 'cases'], async () => {
    const tasks = await desk.db.proxyTasks
      .where('[status+requestedDay+id]')
      .between([queue, ...(page.after ?? [])], [queue, Dexie.maxKey], page.after === undefined, false)
      .limit(limit + 1)
      .toArray();
    const read = pageOf(tasks, limit, (t): ProxyCursor => [t.requestedDay, t.id]);
    return { ...read, rows: await withParts(desk, read.rows) };
  });
}

const slotOrder = (t: ProxyTask) => ['上午', '下午', '晚间'].indexOf(t.visit?.slot ?? '');

/** How many requests a status queue holds, counting index keys no further than one past the cap. */
export async function proxyQueueTotal(desk: DeskBase, queue: ProxyQueue): Promise<number> {
  return (
    await queueCollection(desk, queue)
      .limit(QUEUE_COUNT_CAP + 1)
      .primaryKeys()
  ).length;
}

/** Every queue's count (index counts). */
export async function proxyQueueCounts(desk: DeskBase): Promise<Record<ProxyQueue, number>> {
  const counts = await Promise.all(PROXY_QUEUES.map((q) => queueCollection(desk, q).count()));
  return Object.fromEntries(PROXY_QUEUES.map((q, i) => [q, counts[i]])) as Record<ProxyQueue, number>;
}

/** A resident's proxy requests, newest first (the register's 代办记录, the resident page). */
export async function proxyTasksOfResident(desk: DeskBase, residentId: string): Promise<ProxyTask[]> {
  return desk.db.proxyTasks.where('residentId').equals(residentId).reverse().sortBy('requestedDay');
}
