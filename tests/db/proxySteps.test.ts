/**
 * Issue 25 items 1, 2 and 4 through the data layer: the case follows the 帮代办 steps (the
 * case's own 开始办理 event, written in the proxy step's transaction — no detour by the clerk);
 * 送达 waits for the originals or returns them with the result in one step; 办结 waits for the
 * last 缺件; a visit booked tomorrow is recorded today only with a reason (kept, the audit row
 * without it). Two desks: the case the cascade moved refolds the same on the other desk.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@shared/domain/workingCalendar';
import { performCaseAction } from '../../renderer/src/db/repositories/cases';
import { recordCustody } from '../../renderer/src/db/repositories/custody';
import { acceptProxyRequest, performProxyAction, registerProxyRequest } from '../../renderer/src/db/repositories/proxy';
import { syncAll, twoSyncDesks } from './support/twoSyncDesks';
import {
  acceptPhonedProxyCase,
  addClerkLiMing,
  communityWithZhangSan,
  counterIds,
  T0,
  testDesk,
  fails,
} from './testDb';

const calendar = createCalendar();
const DAY = '2026-11-24';

async function accepted() {
  const { db, admin, resident } = await communityWithZhangSan(DAY);
  const colleague = await addClerkLiMing(db, admin.id, 's-2');
  const matter = (await db.matterTypes.toArray()).find((m) => m.documents.length >= 3 && m.timeLimitDays > 0)!;
  const ids = counterIds('p');
  const desk = (today = DAY) => testDesk(db, { staffId: admin.id, now: T0, today, calendar, ...ids });
  const task = await registerProxyRequest(desk(), { residentId: resident.id, source: '电话', request: '代办高龄津贴' });
  const { cases } = await acceptProxyRequest(desk(), task.id, matter);
  const caseId = cases[0]!.id;
  const docs = matter.documents.map((d) => d.name);
  const status = async () => [(await db.proxyTasks.get(task.id))?.status, (await db.cases.get(caseId))?.status];
  const actions = async () => (await db.caseEvents.where('caseId').equals(caseId).sortBy('clock')).map((e) => e.action);
  return { db, admin, colleague, desk, taskId: task.id, caseId, docs, status, actions };
}

const book = (day: string, staffIds: string[]) => ({ type: '预约上门', day, slot: '上午', staffIds }) as const;
const deliver = { type: '送达', method: '上门送达', at: T0 - 60_000 } as const;
const close = { type: '办结', result: '已核发', notifiedBy: '上门', needsCallback: false } as const;

describe('the case follows the 帮代办 steps', () => {
  it('visit with documents → 办理中; 办理完毕, 送达 → 办结 with no 开始办理 by the clerk', async () => {
    const { admin, colleague, desk, taskId, caseId, docs, status, actions } = await accepted();
    const a = desk();
    expect(await status()).toEqual(['待上门', '已受理']);
    await performProxyAction(a, taskId, book(DAY, [admin.id, colleague.id]));
    expect(await status()).toEqual(['待上门', '已受理']);
    const items = [];
    for (const document of docs.slice(0, -1))
      items.push(await recordCustody(a, caseId, { document, original: true, count: 1 }, { type: '收取' }));
    expect(await status()).toEqual(['办理中', '办理中']);
    expect((await actions()).filter((x) => x === '开始办理')).toHaveLength(1);
    await performProxyAction(a, taskId, { type: '办理完毕' });
    expect(await status()).toEqual(['待送达', '办理中']);

    // 送达 with the originals still out: refused naming them; then returned with the result, one step.
    const refused = await fails(performProxyAction(a, taskId, { ...deliver, by: colleague.id }));
    expect(refused).toMatchObject({ field: 'returnOriginals' });
    expect(refused?.message).toMatch(/^以下原件仍在外：.*；请先归还居民，或选择“随结果一并归还”$/);
    for (const d of docs.slice(0, -1)) expect(refused?.message).toContain(d);
    await performProxyAction(a, taskId, { ...deliver, by: colleague.id, returnOriginals: true });
    expect(await status()).toEqual(['已送达', '办理中']);
    const returned = await Promise.all(items.map((i) => a.db.custodyItems.get(i.id)));
    expect(returned.map((i) => i?.status)).toEqual(items.map(() => '已归还'));

    // The last document is still listed missing: 办结 is refused naming it, then goes through.
    const last = docs.at(-1)!;
    expect((await fails(performCaseAction(a, caseId, close)))?.message).toBe(
      `以下材料仍在缺件清单中：${last}；请先收取（或登记补正）再办结`,
    );
    await recordCustody(a, caseId, { document: last, original: false, count: 1 }, { type: '收取' });
    expect((await performCaseAction(a, caseId, close)).status).toBe('已办结');
    const timeline = await actions();
    expect(timeline.filter((x) => x === '开始办理')).toHaveLength(1);
    expect(timeline.indexOf('开始办理')).toBeLessThan(timeline.indexOf('代办办理完毕'));
  });

  it('the result ready without any document collected also starts the case (办理完毕)', async () => {
    const { admin, colleague, desk, taskId, status } = await accepted();
    await performProxyAction(desk(), taskId, book(DAY, [admin.id, colleague.id]));
    await performProxyAction(desk(), taskId, { type: '上门完成' });
    expect(await status()).toEqual(['办理中', '已受理']); // visited, nothing collected yet
    await performProxyAction(desk(), taskId, { type: '办理完毕' });
    expect(await status()).toEqual(['待送达', '办理中']);
  });

  it('a 送达 with 随结果一并归还 returns only what the actor holds: a document with a colleague refuses it all', async () => {
    const { db, admin, colleague, desk, taskId, caseId, docs } = await accepted();
    const a = desk();
    await performProxyAction(a, taskId, book(DAY, [admin.id, colleague.id]));
    const mine = await recordCustody(a, caseId, { document: docs[0]!, original: true, count: 1 }, { type: '收取' });
    const theirs = await recordCustody(a, caseId, { document: docs[1]!, original: true, count: 1 }, { type: '收取' });
    await recordCustody(
      a,
      caseId,
      { itemId: theirs.id },
      { type: '移交', to: { kind: 'staff', staffId: colleague.id } },
    );
    const r = await fails(performProxyAction(a, taskId, { ...deliver, by: admin.id, returnOriginals: true }));
    expect(r?.message).toBe(`${docs[1]}：该材料现由工作人员保管，只有保管人可以办理`);
    expect((await db.custodyItems.get(mine.id))?.status).toBe('在外');
    expect((await db.proxyTasks.get(taskId))?.status).toBe('办理中');
  });
});

describe('登记已上门 on the booked day', () => {
  it('a visit booked tomorrow: collecting today does not make it; recorded today only with a reason, audited without it', async () => {
    const { db, admin, colleague, desk, taskId, caseId, docs, status } = await accepted();
    const a = desk();
    await performProxyAction(a, taskId, book('2026-11-25', [admin.id, colleague.id]));
    await recordCustody(a, caseId, { document: docs[0]!, original: true, count: 1 }, { type: '收取' });
    expect(await status()).toEqual(['待上门', '已受理']);
    expect(await fails(performProxyAction(a, taskId, { type: '上门完成' }))).toEqual({
      message: '预约的上门日期是 2026-11-25；登记为 2026-11-24 上门，请填写原因',
      field: 'reason',
    });
    await performProxyAction(a, taskId, { type: '上门完成', day: DAY, reason: '居民家属 13812345678 要求提前' });
    expect(await db.proxyTasks.get(taskId)).toMatchObject({
      visitedDay: DAY,
      visitedReason: '居民家属 13812345678 要求提前',
    });
    expect(await status()).toEqual(['办理中', '办理中']); // the visit with a document collected
    const audit = await db.auditLog.where('action').equals('proxy.visited').last();
    expect(audit?.detail).toMatch(/；实际上门 2026-11-24（预约 2026-11-25）$/);
    expect(audit?.detail).not.toContain('13812345678');
    expect(audit?.detail).not.toContain('要求提前');
  });
});

describe('two desks', () => {
  it('the case the proxy step moved refolds the same on the other desk', async () => {
    const { w, caseId, taskId } = await twoSyncDesks(async ({ desk1, admin, zhang, on1 }) => {
      const { matter, record } = await on1(() => acceptPhonedProxyCase(desk1, zhang.id));
      const taskId = (await desk1.db.proxyTasks.where('caseId').equals(record.id).first())!.id;
      await on1(() => performProxyAction(desk1, taskId, { ...book(DAY, [admin.id]), soloReason: '同事外出' }));
      const document = matter.documents[0]!.name;
      await on1(() => recordCustody(desk1, record.id, { document, original: true, count: 1 }, { type: '收取' }));
      return { caseId: record.id, taskId };
    });
    expect((await w.db1.cases.get(caseId))?.status).toBe('办理中');
    (await syncAll(w)).stop(); // no warning on either desk
    expect(await w.db2.cases.get(caseId)).toEqual(await w.db1.cases.get(caseId));
    expect(await w.db2.proxyTasks.get(taskId)).toEqual(await w.db1.proxyTasks.get(taskId));
    expect((await w.db2.cases.get(caseId))?.status).toBe('办理中');
  });
});
