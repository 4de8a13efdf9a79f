/**
 * 材料交接: every custody event of a resident's document on a proxy case is ONE transaction — the
 * item (created by its 收取), the case's timeline event, the audit row and, on a 收取, the case's
 * documents list checked off (through the case machine's 补正材料 while the case waits for
 * documents) — so a failure leaves no partial state. The rules are shared/domain/custody.
 */
import { caseChangeOnCollected, caseChangeOnProxyStep, FOLLOWS_PROXY } from '@shared/domain/events/cascades';
import type { CustodyAction } from '@shared/domain/custody';
import type { CaseRecord, CustodyEvent, CustodyItem } from '@shared/domain/records';
import { Dexie } from 'dexie';
import { QUEUE_COUNT_CAP } from '@shared/domain/caseQueues';
import { LIST_PAGE_SIZE, pageOf, type ListPage } from '@shared/domain/listPaging';
import type { Desk } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx, type WriteTx } from '../write';
import { readTx } from '../readTx';
import { PROXY_CUSTODY_TABLES, type ProxyCustodyTable } from './proxyCustodyTables';
import { changeCase } from './changeCase';
import { changeCustody, openCustody } from './changeCustody';
import { changeProxy } from './changeProxy';

/** The documents of a case, in the order they were collected. */
export async function custodyOfCase(desk: Desk, caseId: string): Promise<CustodyItem[]> {
  return desk.db.custodyItems.where('caseId').equals(caseId).sortBy('collectedAt');
}

/** A resident's documents on every proxy case, the latest collected first, with their case's tracking number. */
export async function custodyOfResident(
  desk: Desk,
  residentId: string,
): Promise<(CustodyItem & { trackingNumber: string })[]> {
  const items = await desk.db.custodyItems.where('residentId').equals(residentId).reverse().sortBy('collectedAt');
  return withTrackingNumbers(desk, items);
}

async function withTrackingNumbers(desk: Desk, items: CustodyItem[]) {
  const cases = await desk.db.cases.bulkGet([...new Set(items.map((i) => i.caseId))]);
  const numbers = new Map(cases.filter((c): c is CaseRecord => c !== undefined).map((c) => [c.id, c.trackingNumber]));
  return items.map((i) => ({ ...i, trackingNumber: numbers.get(i.caseId) ?? '' }));
}

/** Every document out now with its case's tracking number, longest out first (帮代办 → 材料在外). */
export async function documentsOutWithCases(desk: Desk) {
  return withTrackingNumbers(desk, await documentsOut(desk));
}

/** Where the next page of 材料在外 starts: after this item's (collectedAt, id). */
export type CustodyCursor = [collectedAt: number, id: string];

/**
 * One page of 材料在外, longest out first, after `after` (the last row shown): a range of
 * `[status+collectedAt+id]`, the page's rows and one more, with their tracking numbers (ONE read
 * transaction).
 */
export async function documentsOutPage(
  desk: Desk,
  page: { after?: CustodyCursor; limit?: number } = {},
): Promise<ListPage<CustodyItem & { trackingNumber: string }, CustodyCursor>> {
  const limit = page.limit ?? LIST_PAGE_SIZE;
  return readTx(desk.db, ['custodyItems', 'cases'], async () => {
    const items = await desk.db.custodyItems
      .where('[status+collectedAt+id]')
      .between(['在外', ...(page.after ?? [])], ['在外', Dexie.maxKey], page.after === undefined, false)
      .limit(limit + 1)
      .toArray();
    const read = pageOf(items, limit, (i): CustodyCursor => [i.collectedAt, i.id]);
    return { ...read, rows: await withTrackingNumbers(desk, read.rows) };
  });
}

/** How many documents are out now, counting index keys no further than one past the cap. */
export async function documentsOutTotal(desk: Desk): Promise<number> {
  return (
    await desk.db.custodyItems
      .where('status')
      .equals('在外')
      .limit(QUEUE_COUNT_CAP + 1)
      .primaryKeys()
  ).length;
}

/** Every document out of a resident's home now, longest out first. */
export async function documentsOut(desk: Desk): Promise<CustodyItem[]> {
  return desk.db.custodyItems.where('status').equals('在外').sortBy('collectedAt');
}

/** What a new item is (for 收取); an existing item is named by its id. */
export type CustodyTarget = { itemId: string } | { document: string; original: boolean; count: number };

function checkNewItem(t: { document: string; original: boolean; count: number }): void {
  if (!t.document.trim()) throw new DomainRefusal('请填写材料名称', 'document');
  if (t.document.trim().length > 30) throw new DomainRefusal('材料名称不超过 30 个字', 'document');
  if (!Number.isInteger(t.count) || t.count < 1 || t.count > 20) throw new DomainRefusal('份数应为 1–20', 'count');
}

type Tx = WriteTx<ProxyCustodyTable>;

/**
 * The cascades of a 收取 (shared/domain/events/cascades.ts), through the doors: the document
 * checked off the case (补正材料 while it waits); documents collected on or after the booked
 * visit's day mean the visit was made, on its day (上门完成); and the case follows (开始办理
 * once the visit was made with documents collected).
 */
async function afterCollected(desk: Desk, tx: Tx, record: CaseRecord, document: string): Promise<void> {
  const checkOff = caseChangeOnCollected(record, document);
  const current = checkOff ? (await changeCase(desk, tx, record, checkOff)).record : record;
  let task = await tx.proxyTasks.where('caseId').equals(record.id).first();
  if (task?.status === '待上门' && task.visit && task.visit.day <= tx.today)
    task = await changeProxy(desk, tx, task, { type: '上门完成' }, { originalsOut: [], case: record });
  const follows = task ? caseChangeOnProxyStep(current, task.status, 1) : null;
  if (follows) await changeCase(desk, tx, current, follows, { why: FOLLOWS_PROXY });
}

/** The case and the acting staff row (tx.actor), checked for a custody event (inside the transaction). */
async function caseForCustody(tx: Tx, caseId: string, action: CustodyAction) {
  const record = await tx.cases.get(caseId);
  if (!record) throw new DomainRefusal('该办件不存在');
  if (record.mode !== '帮代办') throw new DomainRefusal('只有帮代办的办件登记材料交接');
  if (record.status === '已归档') throw new DomainRefusal('已归档的办件为只读');
  const actor = tx.actor;
  const names = new Map([[actor.id, actor.name]]);
  if (action.type === '移交' && action.to.kind === 'staff') {
    const to = await tx.staff.get(action.to.staffId);
    if (!to?.active) throw new DomainRefusal('请选择在用的工作人员', 'to');
    names.set(to.id, to.name);
  }
  return { record, actor, names };
}

type Opened = Awaited<ReturnType<typeof caseForCustody>>;

/**
 * ONE custody event of one item inside the running transaction, through the custody door
 * (changeCustody.ts: the rule, the item as stored, its event, the case's timeline step and the
 * audit row). Every path (one item, several) goes through it.
 */
async function custodyStep(
  desk: Desk,
  tx: Tx,
  { record, names }: Opened,
  target: CustodyTarget & { newId?: string },
  action: CustodyAction,
  named = false,
): Promise<CustodyItem> {
  const options = { case: record, names, named };
  if (!('itemId' in target)) {
    const draft = {
      id: target.newId ?? '',
      caseId: record.id,
      residentId: record.residentId ?? '',
      document: target.document.trim(),
      original: target.original,
      count: target.count,
    };
    return openCustody(desk, tx, draft, action, options);
  }
  const current = await tx.custodyItems.get(target.itemId);
  if (!current || current.caseId !== record.id) throw new DomainRefusal('未找到这份材料');
  return changeCustody(desk, tx, current, action, options);
}

/** One custody event of one item (收取 creates it): one transaction. */
export async function recordCustody(
  desk: Desk,
  caseId: string,
  target: CustodyTarget,
  action: CustodyAction,
): Promise<CustodyItem> {
  if (!('itemId' in target)) checkNewItem(target);
  const newId = 'itemId' in target ? undefined : desk.newId();
  return writeTx(desk, PROXY_CUSTODY_TABLES, async (tx) => {
    const opened = await caseForCustody(tx, caseId, action);
    const item = await custodyStep(desk, tx, opened, newId ? { ...target, newId } : target, action);
    if (action.type === '收取') {
      await afterCollected(desk, tx, opened.record, item.document);
    }
    return item;
  });
}

/** An action on items already collected (移交 / 取回 / 归还 of several; 留存 / 遗失损坏 of one). */
export type CustodyManyAction = Exclude<CustodyAction, { type: '收取' }>;

/**
 * 移交 / 取回 / 归还 of several documents of a case: ONE transaction, all or nothing (a refusal
 * or a failure at any item leaves every item as it was). Returns the items as stored, in the
 * order asked: the hand-over sheet takes its time from them (`custodyMoveOf`).
 */
export async function recordCustodyMany(
  desk: Desk,
  caseId: string,
  itemIds: readonly string[],
  action: CustodyManyAction,
): Promise<CustodyItem[]> {
  if (itemIds.length === 0) throw new DomainRefusal('请至少选择一份材料');
  if (new Set(itemIds).size !== itemIds.length) throw new DomainRefusal('同一份材料选了两次');
  return writeTx(desk, PROXY_CUSTODY_TABLES, async (tx) => {
    const opened = await caseForCustody(tx, caseId, action);
    const stored: CustodyItem[] = [];
    for (const itemId of itemIds) stored.push(await custodyStep(desk, tx, opened, { itemId }, action, true));
    return stored;
  });
}

/**
 * The move a hand-over sheet prints, from the items as stored: their last event (one
 * transaction, so one time, one from → to for all of them).
 */
export function custodyMoveOf(stored: readonly CustodyItem[]): CustodyEvent {
  const last = stored.at(-1)?.events.at(-1);
  if (!last) throw new Error('custodyMoveOf: no stored event');
  return last;
}
