/**
 * 帮代办 requests through the data layer (db/repositories/proxy.ts): a call without a matter
 * (待确认) accepted into a case; the booked visit (two staff, a reason for one); documents
 * collected at the door marking the visit made; 办结 waiting for 送达; cancelling only once the
 * originals are back, ending the case; the queues by index; each action one transaction.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@shared/domain/workingCalendar';
import { updateStaff } from '../../renderer/src/db/repositories/staff';
import { performCaseAction } from '../../renderer/src/db/repositories/cases';
import { recordCustody } from '../../renderer/src/db/repositories/custody';
import { dashboardCounts } from '../../renderer/src/db/repositories/dashboard';
import {
  acceptProxyRequest,
  performProxyAction,
  proxyQueue,
  proxyQueueCounts,
  proxyTaskOfCase,
  registerProxyRequest,
} from '../../renderer/src/db/repositories/proxy';
import { addClerkLiMing, counterIds, createZhangSan, freshDb, setUpCommunity, T0, testDesk, fails } from './testDb';

const calendar = createCalendar();
const DAY = '2026-11-24';

async function phoned() {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const colleague = await addClerkLiMing(db, admin.id, 's-2');
  const resident = await createZhangSan(db, admin.id, DAY);
  const matter = (await db.matterTypes.toArray()).find((m) => m.documents.length >= 2 && m.timeLimitDays > 0)!;
  const ids = counterIds('p');
  const desk = (staffId: string, today = DAY, now = T0) => testDesk(db, { staffId, now, today, calendar, ...ids });
  const task = await registerProxyRequest(desk(admin.id), {
    residentId: resident.id,
    source: '电话',
    request: '老人腿脚不便，想办高龄津贴',
  });
  return { db, admin, colleague, resident, matter, desk, task };
}

describe('a proxy request by phone', () => {
  it('waits 待确认 without a matter, then its acceptance makes the 帮代办 case in one transaction', async () => {
    const { db, admin, matter, desk, task } = await phoned();
    expect(task).toMatchObject({ status: '待确认', source: '电话', requestedDay: DAY });
    expect(task.caseId).toBeUndefined();
    expect(await proxyQueueCounts(desk(admin.id))).toMatchObject({ 待确认: 1, 待上门: 0 });
    const { cases, visit } = await acceptProxyRequest(desk(admin.id), task.id, matter);
    expect(visit.channel).toBe('来电');
    expect(cases[0]).toMatchObject({ mode: '帮代办', matterCode: matter.code });
    expect(await db.proxyTasks.count()).toBe(1);
    expect(await db.proxyTasks.get(task.id)).toMatchObject({ status: '待上门', caseId: cases[0]!.id });
    expect(await db.auditLog.where('action').anyOf('proxy.request', 'proxy.accept').count()).toBe(2);
    expect(await fails(acceptProxyRequest(desk(admin.id), task.id, matter))).toEqual({ message: '该代办已受理' });
  });

  it('refuses an empty request and an unknown resident at their fields, writing nothing', async () => {
    const { db, admin, desk, resident } = await phoned();
    const before = await db.proxyTasks.count();
    expect(
      await fails(registerProxyRequest(desk(admin.id), { residentId: resident.id, source: '电话', request: ' ' })),
    ).toEqual({ message: '请填写居民需要代办什么', field: 'request' });
    expect(
      await fails(
        registerProxyRequest(desk(admin.id), { residentId: 'nobody', source: '入户走访', request: '代办低保' }),
      ),
    ).toMatchObject({ field: 'resident' });
    expect(await db.proxyTasks.count()).toBe(before);
  });
});

describe('the home visit, 送达 and closing', () => {
  it('books two staff, marks the visit made at the first 收取, and closes only after 送达', async () => {
    const { db, admin, colleague, matter, desk, task } = await phoned();
    const { cases } = await acceptProxyRequest(desk(admin.id), task.id, matter);
    const caseId = cases[0]!.id;
    const a = desk(admin.id);
    expect(
      await fails(performProxyAction(a, task.id, { type: '预约上门', day: DAY, slot: '上午', staffIds: [admin.id] })),
    ).toMatchObject({ field: 'soloReason' });
    await updateStaff(a, colleague.id, { active: false });
    expect(
      await fails(
        performProxyAction(a, task.id, {
          type: '预约上门',
          day: DAY,
          slot: '上午',
          staffIds: [admin.id, colleague.id],
        }),
      ),
    ).toEqual({ message: '请选择在用的工作人员', field: 'staffIds' });
    await updateStaff(a, colleague.id, { active: true });
    await performProxyAction(a, task.id, {
      type: '预约上门',
      day: DAY,
      slot: '下午',
      staffIds: [admin.id, colleague.id],
    });
    expect((await proxyQueue(a, '今日上门')).map((r) => r.task.id)).toEqual([task.id]);
    expect(await proxyQueue(desk(admin.id, '2026-11-25'), '今日上门')).toEqual([]);
    expect(await dashboardCounts(a)).toMatchObject({ homeVisitsToday: 1, proxyToDeliver: 0 });
    // The documents collected at the door: the visit is made, the target set 2 working days on.
    const item = await recordCustody(
      a,
      caseId,
      { document: matter.documents[0]!.name, original: true, count: 1 },
      {
        type: '收取',
      },
    );
    expect(await proxyTaskOfCase(a, caseId)).toMatchObject({
      status: '办理中',
      visitedDay: DAY,
      targetDay: '2026-11-26',
    });
    expect(await proxyQueueCounts(a)).toMatchObject({ 今日上门: 0, 办理中: 1 });
    await performCaseAction(a, caseId, { type: '开始办理' }).catch(() => undefined);
    await recordCustody(a, caseId, { itemId: item.id }, { type: '归还' });
    // Issue 25: 办结 also waits for every listed document; the others are collected as copies.
    for (const d of matter.documents.slice(1))
      await recordCustody(a, caseId, { document: d.name, original: false, count: 1 }, { type: '收取' });
    const close = { type: '办结', result: '已发放', notifiedBy: '上门', needsCallback: true } as const;
    expect((await fails(performCaseAction(a, caseId, close)))?.message).toBe(
      '帮代办的办件须先登记送达（结果交到居民手中）再办结',
    );
    await performProxyAction(a, task.id, { type: '办理完毕' });
    expect(await dashboardCounts(a)).toMatchObject({ homeVisitsToday: 0, proxyToDeliver: 1 });
    await performProxyAction(a, task.id, { type: '送达', method: '上门送达', at: T0 - 60_000, by: colleague.id });
    const closed = await performCaseAction(a, caseId, close);
    expect(closed.status).toBe('已办结');
    const timeline = (await db.caseEvents.where('caseId').equals(caseId).toArray()).map((e) => e.action);
    expect(timeline).toEqual(
      expect.arrayContaining(['代办预约上门', '代办上门完成', '代办办理完毕', '代办送达', '办结']),
    );
  });
});

describe('cancelling a request', () => {
  it('a colleague who is not the handler ends the case with the cancellation as the reason given (timeline and log)', async () => {
    const { db, admin, colleague, matter, desk, task } = await phoned();
    const { cases } = await acceptProxyRequest(desk(admin.id), task.id, matter);
    await performProxyAction(desk(colleague.id), task.id, { type: '取消', reason: '居民撤回' });
    expect((await db.cases.get(cases[0]!.id))?.status).toBe('不予受理');
    const refused = (await db.caseEvents.where('caseId').equals(cases[0]!.id).toArray()).find(
      (e) => e.action === '不予受理',
    );
    expect(refused?.note).toContain('代为操作：代办取消');
    expect((await db.auditLog.where('action').equals('proxy.cancel').last())?.detail).toMatch(
      /；代为操作：代办取消（居民撤回）$/,
    );
  });

  it('waits for the originals, then ends the case as 不予受理 in the same transaction', async () => {
    const { db, admin, matter, desk, task } = await phoned();
    const { cases } = await acceptProxyRequest(desk(admin.id), task.id, matter);
    const caseId = cases[0]!.id;
    const a = desk(admin.id);
    const doc = matter.documents[0]!.name;
    const item = await recordCustody(a, caseId, { document: doc, original: true, count: 1 }, { type: '收取' });
    expect(await fails(performProxyAction(a, task.id, { type: '取消', reason: '住院' }))).toEqual({
      message: `请先归还居民的原件：${doc}`,
    });
    await recordCustody(a, caseId, { itemId: item.id }, { type: '归还' });
    await performProxyAction(a, task.id, { type: '取消', reason: '住院', note: '家属来电' });
    expect(await db.proxyTasks.get(task.id)).toMatchObject({ status: '已取消', cancel: { reason: '住院' } });
    expect(await db.cases.get(caseId)).toMatchObject({ status: '不予受理', refusalReason: '代办取消（住院）' });
  });

  it('a proxy case refused on its page cancels its request', async () => {
    const { db, admin, matter, desk, task } = await phoned();
    const { cases } = await acceptProxyRequest(desk(admin.id), task.id, matter);
    await performCaseAction(desk(admin.id), cases[0]!.id, {
      type: '不予受理',
      reason: '不符合条件',
      redirectTo: '区民政局',
    });
    expect(await db.proxyTasks.get(task.id)).toMatchObject({ status: '已取消', cancel: { note: '办件不予受理' } });
  });

  it('a failure inside the action’s transaction leaves the request, the case and the log as they were', async () => {
    const { db, admin, matter, desk, task } = await phoned();
    const { cases } = await acceptProxyRequest(desk(admin.id), task.id, matter);
    const snapshot = async () => [
      await db.proxyTasks.get(task.id),
      await db.cases.get(cases[0]!.id),
      await db.caseEvents.count(),
      await db.auditLog.count(),
    ];
    const before = await snapshot();
    const fail = () => {
      throw new Error('injected failure');
    };
    db.auditLog.hook('creating', fail);
    const r = await performProxyAction(desk(admin.id), task.id, { type: '取消', reason: '居民撤回' }).catch((e) => e);
    db.auditLog.hook('creating').unsubscribe(fail);
    expect(r).toBeInstanceOf(Error);
    expect(await snapshot()).toEqual(before);
  });
});
