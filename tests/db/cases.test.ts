import { describe, expect, it } from 'vitest';
import { createCalendar } from '@shared/domain/workingCalendar';
import { registerVisit } from '../../renderer/src/db/repositories/visits';
import {
  addCaseNote,
  performCaseAction,
  queueCounts,
  queuePage,
  queueTotal,
  searchCases,
} from '../../renderer/src/db/repositories/cases';
import { caseEvents } from '../../renderer/src/db/repositories/caseTimeline';
import { dashboardCounts } from '../../renderer/src/db/repositories/dashboard';
import { DomainRefusal } from '../../renderer/src/db/refusal';
import { addClerkLiMing, counterIds, communityWithZhangSan, T0, testDesk, type TestDeskOptions } from './testDb';

const calendar = createCalendar();
const ACCEPT_DAY = '2026-11-24';

async function world() {
  const { db, admin, resident } = await communityWithZhangSan(ACCEPT_DAY);
  const back = await addClerkLiMing(db, admin.id, 'back-1');
  const matter = (await db.matterTypes.get('DY-001'))!;
  const { cases } = await registerVisit(
    testDesk(db, { staffId: admin.id, now: T0, today: ACCEPT_DAY, calendar, ...counterIds('v') }),
    {
      residentId: resident.id,
      channel: '来站',
      kind: '办件',
      content: '',
      cases: [{ matter, mode: '承诺件', received: matter.documents.map((d) => d.name) }],
    },
  );
  const caseId = cases[0]!.id;
  const ids = counterIds('act');
  const ctx = (staffId: string, today: string): TestDeskOptions => ({
    staffId,
    now: Date.parse(`${today}T10:00:00+08:00`),
    today,
    calendar,
    ...ids,
  });
  return { db, admin, back, caseId, ctx, deadline: cases[0]!.deadline! };
}

describe('carrying a case to the end', () => {
  it('follows the whole path; queues and counts follow it; first contact never changes', async () => {
    const { db, admin, back, caseId, ctx, deadline } = await world();
    const act = (staffId: string, today: string, a: Parameters<typeof performCaseAction>[2]) =>
      performCaseAction(testDesk(db, ctx(staffId, today)), caseId, a);

    await act(admin.id, ACCEPT_DAY, { type: '转办', toStaffId: back.id });
    /** The desk of `staffId` on `today` (the queues are read as they see them). */
    const q = (staffId: string, today: string) => testDesk(db, { staffId, today, calendar });
    expect((await queueCounts(q(back.id, ACCEPT_DAY)))['待签收']).toBe(1);
    await expect(act(admin.id, ACCEPT_DAY, { type: '签收' })).rejects.toThrow('只有被转办的工作人员本人可以签收');
    const signed = await act(back.id, ACCEPT_DAY, { type: '签收' });
    expect(signed).toMatchObject({ status: '办理中', handlerId: back.id, firstContactId: admin.id });

    // The day before the deadline it is 即将超期, on the dashboard too.
    const dayBefore = (() => {
      let d = ACCEPT_DAY;
      while (calendar.addWorkingDays(d, 1).date < deadline) d = calendar.addWorkingDays(d, 1).date;
      return d;
    })();
    const soon = await queuePage(q(back.id, dayBefore), '即将超期', {}, { limit: 10 });
    expect(soon.rows.map((r) => r.id)).toEqual([caseId]);
    expect((await dashboardCounts(testDesk(db, { today: dayBefore, calendar }))).dueSoon).toBe(1);
    expect(await queueTotal(q(back.id, ACCEPT_DAY), '即将超期', {})).toBe(0);

    await act(back.id, dayBefore, { type: '上报街道', level: '紧急', request: '协调处理', office: '街道党工委' });
    expect((await queueCounts(q(back.id, dayBefore)))['已上报街道']).toBe(1);
    await act(back.id, dayBefore, {
      type: '报到',
      unit: '街道组织办',
      at: Date.parse(`${dayBefore}T10:00:00+08:00`),
    });
    await act(back.id, dayBefore, { type: '处理反馈', text: '已联系原党组织' });
    // Verified and solved: closed in the same step (issue 25 item 14).
    await act(back.id, dayBefore, {
      type: '核实结项',
      solved: true,
      departmentRating: '满意',
      result: '组织关系已转入',
      notifiedBy: '电话',
      needsCallback: false,
    });
    const rated = await act(back.id, dayBefore, { type: '评价', rating: '非常不满意', by: '本人', reason: '等待太久' });
    expect(rated.rectification?.dueDay).toBe(calendar.addWorkingDays(dayBefore, 15).date);
    expect((await queueCounts(q(back.id, dayBefore)))['整改']).toBe(1);
    // The 工作台 to-do counts the 整改 on its due day, and as overdue the working day after.
    const rectDue = rated.rectification!.dueDay;
    const onDue = await dashboardCounts(q(back.id, rectDue));
    expect([onDue.rectificationDueToday, onDue.rectificationOverdue]).toEqual([1, 0]);
    const after = await dashboardCounts(q(back.id, calendar.addWorkingDays(rectDue, 1).date));
    expect([after.rectificationDueToday, after.rectificationOverdue]).toEqual([0, 1]);
    expect((await dashboardCounts(q(back.id, dayBefore))).callbacks).toBe(0);
    await expect(act(back.id, dayBefore, { type: '评价', rating: '满意', by: '本人' })).rejects.toBeInstanceOf(
      DomainRefusal,
    );
    await act(back.id, dayBefore, { type: '整改回访', outcome: '居民认可整改' });
    await expect(act(back.id, dayBefore, { type: '复核', passed: true })).rejects.toThrow('站长/管理员');
    await act(admin.id, dayBefore, { type: '复核', passed: true });
    const archived = await act(admin.id, dayBefore, { type: '归档' });
    expect(archived.archiveNumber).toBe('THL-GD-2026-0100001');
    expect(archived.firstContactId).toBe(admin.id);
    await expect(act(back.id, dayBefore, { type: '重新办理', reason: '居民再次反映' })).rejects.toThrow('只读');

    const events = await db.caseEvents.where('caseId').equals(caseId).toArray();
    expect(events.map((e) => e.action)).toContain('签收');
    // 受理 + 10 successful actions (核实结项 已解决 closes: no separate 办结); refused ones leave no event
    expect(events).toHaveLength(11);
    const audit = await db.auditLog.where('action').startsWith('case.').toArray();
    expect(JSON.stringify(audit)).not.toContain('张三');
  });
});

describe('case notes', () => {
  it('adds a note to the timeline without changing the state; refuses an empty one and an archived case', async () => {
    const { db, admin, caseId } = await world();
    const ids = counterIds('note');
    await addCaseNote(testDesk(db, { staffId: admin.id, now: T0 + 1, ...ids }), caseId, '已电话告知居民需补充材料');
    await expect(addCaseNote(testDesk(db, { staffId: admin.id, now: T0 + 2, ...ids }), caseId, '  ')).rejects.toThrow(
      '请填写备注内容',
    );
    const events = await caseEvents(testDesk(db), caseId);
    expect(events.map((e) => e.action)).toEqual(['受理', '备注']);
    expect((await db.cases.get(caseId))?.status).toBe('已受理');
    await db.cases.update(caseId, { status: '已归档' });
    await expect(
      addCaseNote(testDesk(db, { staffId: admin.id, now: T0 + 3, ...ids }), caseId, '再补一句'),
    ).rejects.toThrow('只读');
  });
});

describe('即将超期 across a weekend', () => {
  it('on Friday a case due on Monday is 即将超期; on Thursday it is not', async () => {
    const { db, admin } = await world();
    await db.cases.add({
      ...(await db.cases.toCollection().first())!,
      id: 'weekend',
      trackingNumber: 'THL-20261124-0099',
      deadline: '2026-11-30', // a Monday
      dueDay: '2026-11-30',
      flags: ['在办', `我的:${admin.id}`],
    });
    const q = (today: string) => testDesk(db, { staffId: admin.id, today, calendar });
    const ids = async (today: string) =>
      (await queuePage(q(today), '即将超期', {}, { limit: 10 })).rows.map((r) => r.id);
    expect(await ids('2026-11-27')).toContain('weekend'); // Friday
    expect(await ids('2026-11-26')).not.toContain('weekend'); // Thursday
    expect((await queuePage(q('2026-12-01'), '已超期', {}, { limit: 10 })).rows.map((r) => r.id)).toContain('weekend');
  });
});

describe('case search', () => {
  it('finds a case by tracking number, its tail, matter words and the visit content', async () => {
    const { db, caseId } = await world();
    await db.visits.toCollection().modify({ content: '父亲党组织关系从外省转入' });
    const ids = async (q: string) => (await searchCases(testDesk(db), q, [])).map((c) => c.id);
    expect(await ids('THL-20261124-010001')).toEqual([caseId]);
    expect(await ids('0001')).toEqual([caseId]);
    expect(await ids('组织关系转接')).toEqual([caseId]);
    expect(await ids('外省转入')).toEqual([caseId]);
    expect(await ids('低保')).toEqual([]);
  });

  it('finds a number by the tail printed on the receipt (desk and sequence), and every desk by the sequence alone', async () => {
    const { db, caseId } = await world();
    const base = (await db.cases.get(caseId))!;
    await db.cases.bulkPut([
      { ...base, id: 'desk2', trackingNumber: 'THL-20261124-020007' },
      { ...base, id: 'desk3', trackingNumber: 'THL-20261124-030007' },
      { ...base, id: 'old', trackingNumber: 'THL-20261124-0007' },
    ]);
    const ids = async (q: string) => (await searchCases(testDesk(db), q, [])).map((c) => c.id).sort();
    expect(await ids('020007')).toEqual(['desk2']);
    expect(await ids('20261124-020007')).toEqual(['desk2']);
    expect(await ids('030007')).toEqual(['desk3']);
    expect(await ids('7')).toEqual(['desk2', 'desk3', 'old']);
    expect(await ids('20261124-7')).toEqual(['desk2', 'desk3', 'old']);
    expect(await ids('010001')).toEqual([caseId]);
    expect(await ids('020001')).toEqual([]);
  });
});
