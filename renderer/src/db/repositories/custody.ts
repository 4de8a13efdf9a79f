/**
 * 材料交接: every custody event of a resident's document on a proxy case is ONE transaction — the
 * item (created by its 收取), the case's timeline event, the audit row and, on a 收取, the case's
 * documents list checked off (through the case machine's 补正材料 while the case waits for
 * documents) — so a failure leaves no partial state. The rules are shared/domain/custody.
 */
import { CUSTODY_AUDIT_ACTIONS } from '@shared/domain/audit';
import { caseChangeOnCollected } from '@shared/domain/events/cascades';
import { applyCustody, holderLabel, type CustodyAction } from '@shared/domain/custody';
import type { CaseRecord, CustodyItem } from '@shared/domain/records';
import type { Desk } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx } from '../write';
import { addCaseEvent } from './caseTimeline';
import { changeCase } from './changeCase';
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

export async function recordCustody(
  desk: Desk,
  caseId: string,
  target: CustodyTarget,
  action: CustodyAction,
): Promise<CustodyItem> {
  if (!('itemId' in target)) checkNewItem(target);
  const newId = 'itemId' in target ? '' : desk.newId();
  const tables = ['custodyItems', 'cases', 'caseEvents', 'counters', 'staff', 'proxyTasks', 'proxyEvents'] as const;
  return writeTx(desk, tables, async (tx) => {
    const record = await tx.cases.get(caseId);
    if (!record) throw new DomainRefusal('该办件不存在');
    if (record.mode !== '帮代办') throw new DomainRefusal('只有帮代办的办件登记材料交接');
    if (record.status === '已归档') throw new DomainRefusal('已归档的办件为只读');
    const actor = tx.actor;
    if (action.type === '移交' && action.to.kind === 'staff') {
      const to = await tx.staff.get(action.to.staffId);
      if (!to?.active) throw new DomainRefusal('请选择在用的工作人员', 'to');
    }
    const current = 'itemId' in target ? await tx.custodyItems.get(target.itemId) : undefined;
    if ('itemId' in target && (!current || current.caseId !== caseId)) throw new DomainRefusal('未找到这份材料');
    const r = applyCustody(current, action, { actorId: actor.id, now: tx.now });
    if (!r.ok) throw new DomainRefusal(r.reason);
    const item =
      'itemId' in target
        ? await tx.custodyItems.put({ ...current!, ...r.next })
        : await tx.custodyItems.add({
            id: newId,
            caseId,
            residentId: record.residentId ?? '',
            document: target.document.trim(),
            original: target.original,
            count: target.count,
            collectedAt: tx.now,
            ...r.next,
          });
    if (action.type === '收取') {
      // The cascades (cascades.ts): the document checked off the case (补正材料 while it waits),
      // and documents collected at the door mean the booked home visit was made (上门完成).
      const checkOff = caseChangeOnCollected(record, item.document);
      if (checkOff) await changeCase(desk, tx, record, checkOff);
      const task = await tx.proxyTasks.where('caseId').equals(caseId).first();
      if (task?.status === '待上门' && task.visit)
        await changeProxy(desk, tx, task, { type: '上门完成' }, { originalsOut: [], case: record });
    }
    const names = new Map([[actor.id, actor.name]]);
    if (action.type === '移交' && action.to.kind === 'staff')
      names.set(action.to.staffId, (await tx.staff.get(action.to.staffId))?.name ?? '');
    const who = (id: string) => names.get(id) ?? '工作人员';
    await addCaseEvent(desk, tx, {
      caseId,
      action: `材料${action.type}`,
      note: `${item.document}（${item.original ? '原件' : '复印件'}${item.count}份）：${holderLabel(r.event.from, who)} → ${holderLabel(r.event.to, who)}${r.event.note ? `；${r.event.note}` : ''}`,
    });
    await tx.audit({
      action: CUSTODY_AUDIT_ACTIONS[action.type],
      entity: 'custodyItem',
      entityId: item.id,
      detail: `${action.type}（办件 ${record.trackingNumber}）`,
    });
    return item;
  });
}
