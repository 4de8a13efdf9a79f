/**
 * Issue 24 item 6 for 帮代办 and 材料保管, through inbound apply: two desks offline — desk 1
 * cancels a request by phone that desk 2 accepts, and 移交s a document that desk 2 归还s. After the
 * exchange both desks hold the same request and item (the fold of every event), each with one
 * 同步冲突 naming who, which desk and when; the 工作台's count includes them; the 同步冲突 queue
 * lists them with both sides and what the record is now; only a holder of sync.manage
 * acknowledges them (audited), and once handled on one desk they are handled on both.
 */
import { describe, expect, it } from 'vitest';
import { acted } from './support/syncHarness';
import { syncAll, twoSyncDesks, type TwoDesks } from './support/twoSyncDesks';
import { acceptPhonedProxyCase, communityDesk, T0 } from './testDb';
import { acceptProxyRequest, performProxyAction, registerProxyRequest } from '../../renderer/src/db/repositories/proxy';
import { recordCustody } from '../../renderer/src/db/repositories/custody';
import {
  acknowledgeCustodyConflict,
  acknowledgeProxyConflict,
  listCustodyConflicts,
  listProxyConflicts,
} from '../../renderer/src/sync/proxyCustodyConflicts';
import { syncConflictItems } from '../../renderer/src/sync/conflictItems';
import { syncStatus } from '../../renderer/src/sync/status';
import { CANCEL_AFTER_ACCEPT } from '@shared/domain/events/proxyEvents';

/** Desk 1 with a 帮代办 case whose 户口簿 the 站长 holds, and a request by phone (待确认); desk 2 holding all of it. */
function twoDesks() {
  return twoSyncDesks(async ({ desk1, zhang, on1 }) => {
    const { matter, record } = await on1(() => acceptPhonedProxyCase(desk1, zhang.id));
    const caseId = record.id;
    const document = matter.documents[0]!.name;
    const item = await on1(() =>
      recordCustody(desk1, caseId, { document, original: true, count: 1 }, { type: '收取' }),
    );
    const task = await on1(() =>
      registerProxyRequest(desk1, { residentId: zhang.id, source: '电话', request: '代办高龄津贴' }),
    );
    return { matter, caseId, document, itemId: item.id, taskId: task.id };
  });
}

/** Both desks follow their replicas until idle (replicas exchanged first), then stop. */
const syncBoth = async (w: TwoDesks) => (await syncAll(w)).stop();

describe('同步冲突 of 帮代办 and 材料保管, two desks offline', () => {
  it('listed on both desks with both sides, counted, acknowledged once (audited), handled on both', async () => {
    const { w, admin, back, matter, caseId, document, itemId, taskId } = await twoDesks();
    // Offline: desk 1 cancels the request and hands the document to 李梅; desk 2, a minute later,
    // accepts the request and returns the document to the resident.
    await acted(w.db1, w.local1, 1, () => performProxyAction(w.desk1, taskId, { type: '取消', reason: '居民撤回' }));
    await acted(w.db1, w.local1, 1, () =>
      recordCustody(w.desk1, caseId, { itemId }, { type: '移交', to: { kind: 'staff', staffId: back.id } }),
    );
    await acted(w.db2, w.local2, 2, () => acceptProxyRequest(w.desk2, taskId, matter));
    await acted(w.db2, w.local2, 2, () => recordCustody(w.desk2, caseId, { itemId }, { type: '归还' }));
    await syncBoth(w);

    // The same request and item on both desks: the fold of every event, with the refused action kept.
    const task1 = await w.db1.proxyTasks.get(taskId);
    const item1 = await w.db1.custodyItems.get(itemId);
    expect(await w.db2.proxyTasks.get(taskId)).toEqual(task1);
    expect(await w.db2.custodyItems.get(itemId)).toEqual(item1);
    const later = T0 + 60_000;
    expect(task1?.syncConflicts).toEqual([
      expect.objectContaining({ action: '受理', reason: '已取消的代办不能受理', by: admin.id, desk: 2, at: later }),
    ]);
    expect(item1?.syncConflicts).toEqual([
      expect.objectContaining({ action: '归还', desk: 2, by: admin.id, at: later }),
    ]);
    expect(item1?.syncConflicts?.[0]?.reason).toContain('只有保管人可以办理');
    expect(item1).toMatchObject({ status: '已归还', syncConflictAt: later });
    // Counted with the cases' 同步冲突 for the 工作台 (no case conflicts here).
    expect(syncStatus().caseConflicts).toBe(2);

    // The queue, as the screen shows it, is the same on both desks.
    const queue = await syncConflictItems(w.desk1);
    expect(await syncConflictItems(w.desk2)).toEqual(queue);
    const number = (await w.db1.cases.get(caseId))!.trackingNumber;
    expect(queue.map((q) => [q.kind, q.title, q.status])).toEqual([
      ['proxy', expect.stringMatching(/^帮代办（办件 THL-/), '待上门'],
      ['custody', `材料 ${document}（原件）（办件 ${number}）`, '已归还，居民本人'],
    ]);
    const custody = queue[1]!;
    expect(custody.events.map((e) => [e.desk, e.action, e.actor, e.refused ?? '已生效'])).toEqual([
      [1, '收取', '王秀英', '已生效'],
      [1, '移交给李梅', '王秀英', '已生效'],
      [2, '归还', '王秀英', item1!.syncConflicts![0]!.reason],
    ]);
    expect(queue[0]!.events.map((e) => [e.desk, e.action, e.refused ?? '已生效'])).toEqual([
      [1, '登记', '已生效'],
      [1, '取消', '已生效'],
      [2, '受理', '已取消的代办不能受理'],
    ]);

    // A 值班员 may neither list nor acknowledge them (the data layer refuses); a note is required.
    const clerk = await communityDesk(w.db1, { staffId: back.id, role: '值班员' });
    await expect(listCustodyConflicts(clerk)).rejects.toThrow('只有站长/管理员可以查看同步冲突');
    await expect(acknowledgeCustodyConflict(clerk, itemId, '已核实')).rejects.toThrow(
      '只有站长/管理员可以处理同步冲突',
    );
    await expect(acknowledgeProxyConflict(w.desk1, taskId, ' ')).rejects.toThrow('请填写处理说明');

    // The 站长 handles both on desk 1: every desk sees them handled.
    await acted(w.db1, w.local1, 1, () => acknowledgeProxyConflict(w.desk1, taskId, '已电话核实，居民仍需代办'));
    await acted(w.db1, w.local1, 1, () => acknowledgeCustodyConflict(w.desk1, itemId, '已核实，材料已还居民'));
    expect(await acknowledgeCustodyConflict(w.desk1, itemId, '再次').catch((e: Error) => e.message)).toBe(
      '该材料没有待处理的同步冲突',
    );
    await syncBoth(w);
    for (const [db, desk] of [
      [w.db1, w.desk1],
      [w.db2, w.desk2],
    ] as const) {
      expect(await listProxyConflicts(desk)).toEqual([]);
      expect(await listCustodyConflicts(desk)).toEqual([]);
      expect((await db.custodyItems.get(itemId))?.syncConflictAt).toBeUndefined();
      const audits = await db.auditLog.where('action').equals('sync.resolve').toArray();
      expect(audits.map((a) => a.entity).sort()).toEqual(['custodyItem', 'proxyTask']);
      expect(audits.map((a) => a.detail).join()).not.toContain('核实'); // the note stays on the event
    }
    expect(await w.db2.proxyTasks.get(taskId)).toEqual(await w.db1.proxyTasks.get(taskId));
    expect(await w.db2.custodyItems.get(itemId)).toEqual(await w.db1.custodyItems.get(itemId));
    expect(syncStatus().caseConflicts).toBe(0);
  });

  it('desk 1 受理s the request, desk 2 cancels it later, not knowing: listed on both, the case still open', async () => {
    const { w, admin, matter, taskId } = await twoDesks();
    // Offline: desk 1 accepts (a case is opened); desk 2, a minute later, cancels the 待确认 request it holds.
    const { cases } = await acted(w.db1, w.local1, 1, () => acceptProxyRequest(w.desk1, taskId, matter));
    await acted(w.db2, w.local2, 2, () => performProxyAction(w.desk2, taskId, { type: '取消', reason: '居民撤回' }));
    await syncBoth(w);

    const task = await w.db1.proxyTasks.get(taskId);
    expect(await w.db2.proxyTasks.get(taskId)).toEqual(task);
    expect(task).toMatchObject({ status: '已取消', caseId: cases[0]!.id });
    expect(task?.syncConflicts).toEqual([
      expect.objectContaining({ action: '取消', reason: CANCEL_AFTER_ACCEPT, by: admin.id, desk: 2, at: T0 + 60_000 }),
    ]);
    // The cancel did not end the case desk 1 opened: that is what the 站长 must decide.
    for (const db of [w.db1, w.db2]) expect((await db.cases.get(cases[0]!.id))?.status).toBe('已受理');
    const queue = await syncConflictItems(w.desk1);
    expect(await syncConflictItems(w.desk2)).toEqual(queue);
    expect(queue.map((q) => [q.kind, q.status])).toEqual([['proxy', '已取消']]);
    expect(queue[0]!.events.map((e) => [e.desk, e.action, e.refused ?? '已生效'])).toEqual([
      [1, '登记', '已生效'],
      [1, '受理', '已生效'],
      [2, '取消', CANCEL_AFTER_ACCEPT],
    ]);
    expect(syncStatus().caseConflicts).toBe(1);
  });
});
