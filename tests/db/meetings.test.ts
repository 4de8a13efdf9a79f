/**
 * 联席会议 through the data layer: a week's problems (a 诉求 at the desk, one from a home visit with a
 * place and no resident) and an overdue case make Friday's agenda; four decisions — 社区处置 (a
 * case with its owner and due day), 上报街道 (the case escalated), 继续跟踪, 已解决 — each one
 * transaction; the next agenda carries the 继续跟踪 item and shows the others' progress.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@shared/domain/workingCalendar';
import { hashSecret } from '../../renderer/src/db/secrets';
import { registerVisit } from '../../renderer/src/db/repositories/visits';
import { addProblem, mergeIntoProblem, problemPool } from '../../renderer/src/db/repositories/problems';
import {
  getMeetingFile,
  meetingGuests,
  performMeetingAction,
  planMeeting,
  refreshAgenda,
  saveGuestAtMeeting,
  saveMeetingGuests,
} from '../../renderer/src/db/repositories/meetings';
import { addAgendaEntry, editAgendaEntry } from '../../renderer/src/db/repositories/meetingEntries';
import { recordDecision } from '../../renderer/src/db/repositories/meetingDecisions';
import { DECIDE_AFTER_HOLDING } from '@shared/domain/meetings';
import { failureMessage } from '../../renderer/src/db/refusal';
import { addSignedStaff, counterIds, createZhangSan, freshDb, setUpCommunity, T0, testDesk } from './testDb';

const calendar = createCalendar();
const MON = '2026-11-23';
const FRI = '2026-11-27';
const DAY_MS = 86_400_000;

async function week() {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const ids = counterIds('m');
  const desk = (today: string, now = T0) => testDesk(db, { staffId: admin.id, today, now, calendar, ...ids });
  const clerk = await addSignedStaff(desk(MON), {
    name: '李明',
    role: '值班员',
    grids: [],
    password: await hashSecret('864209', undefined, 1000),
  });
  const resident = await createZhangSan(db, admin.id, MON);
  const lamp = await registerVisit(desk(MON), {
    residentId: resident.id,
    channel: '来站',
    kind: '诉求',
    content: '3 栋门口路灯不亮',
    cases: [],
    complaint: { category: '公共设施' },
  });
  const noise = await registerVisit(desk('2026-11-24', T0 + DAY_MS), {
    residentId: resident.id,
    channel: '来电',
    kind: '诉求',
    content: '楼上深夜装修噪音扰民',
    cases: [],
    complaint: { category: '邻里纠纷' },
  });
  const drain = await addProblem(desk('2026-11-25', T0 + 2 * DAY_MS), {
    title: '小区北门下水道堵塞',
    category: '环境卫生',
    place: '北门',
    source: '入户走访',
  });
  // An ordinary case accepted long ago and now past its deadline.
  const matter = (await db.matterTypes.toArray()).find((m) => m.timeLimitDays > 0 && m.category === '社会保障')!;
  const old = await registerVisit(desk('2026-11-02', T0 - 22 * DAY_MS), {
    residentId: resident.id,
    channel: '来站',
    kind: '办件',
    content: '',
    cases: [{ matter, mode: '承诺件', received: matter.documents.map((d) => d.name) }],
  });
  return { db, admin, clerk, desk, lamp: lamp.cases[0]!, noise: noise.cases[0]!, drain, overdue: old.cases[0]! };
}

describe('the week’s problems make Friday’s agenda', () => {
  it('lists the two 诉求, the home-visit problem and the overdue case; decisions link back to cases', async () => {
    const { db, clerk, desk, lamp, noise, drain, overdue } = await week();
    expect((await problemPool(desk(FRI))).map((r) => r.problem.title).sort()).toEqual(
      ['3 栋门口路灯不亮', '小区北门下水道堵塞', '楼上深夜装修噪音扰民'].sort(),
    );
    const meeting = await planMeeting(desk(FRI), FRI);
    let file = (await getMeetingFile(desk(FRI), meeting.id))!;
    expect(file.items.map((i) => [i.kind, i.title])).toEqual([
      ['新问题', '小区北门下水道堵塞'],
      ['新问题', '3 栋门口路灯不亮'],
      ['新问题', '楼上深夜装修噪音扰民'],
      ['超期办件', `${overdue.matterName}（${overdue.trackingNumber}）`],
    ]);
    expect(file.meeting.attendees.map((a) => a.name)).toEqual(['王秀英', '李明']);
    const [drainItem, lampItem, noiseItem, overdueItem] = file.items;
    const f = desk(FRI);
    // Issue 25 item 16: no decision while the meeting is only being prepared.
    const early = await recordDecision(f, noiseItem!.id, { type: '继续跟踪', note: '约双方下周调解' }).catch((e) =>
      failureMessage(e),
    );
    expect(early).toEqual({ message: DECIDE_AFTER_HOLDING });
    await performMeetingAction(f, meeting.id, {
      type: '召开',
      attendees: file.meeting.attendees.map((a) => ({ ...a, present: true })),
      summary: '本周四项议题',
      heldAt: f.clock.now(),
    });
    // 社区处置 of a problem without a case: the case is accepted with its owner and due day.
    const refused = await recordDecision(f, drainItem!.id, { type: '社区处置', ownerId: '', workingDays: 3 }).catch(
      (e) => failureMessage(e),
    );
    expect(refused).toEqual({ message: '请选择责任人', field: 'ownerId' });
    await recordDecision(f, drainItem!.id, { type: '社区处置', ownerId: clerk.id, workingDays: 3 });
    const drainNow = await db.problems.get(drain.id);
    expect(drainNow?.status).toBe('社区处置');
    const drainCase = await db.cases.get(drainNow!.caseId!);
    expect(drainCase).toMatchObject({
      matterCode: 'TS-002',
      handlerId: clerk.id,
      deadline: '2026-12-02',
      status: '办理中',
    });
    // 上报街道 of the lamp's 诉求 case: escalated through the case machine.
    await recordDecision(f, lampItem!.id, {
      type: '上报街道',
      level: '日常',
      office: '街道城管办',
      request: '协调维修路灯',
    });
    expect((await db.cases.get(lamp.id))?.status).toBe('已上报街道');
    await recordDecision(f, noiseItem!.id, { type: '继续跟踪', note: '约双方下周调解' });
    await recordDecision(f, overdueItem!.id, { type: '已解决', note: '已联系居民补办' });
    const again = await recordDecision(f, overdueItem!.id, { type: '已解决', note: '再来一次' }).catch((e) =>
      failureMessage(e),
    );
    expect((again as { message: string }).message).toBe('该议题已作出决定');
    const timeline = (await db.caseEvents.where('caseId').equals(drainCase!.id).toArray()).map((e) => e.action);
    expect(timeline).toEqual(['受理', '会议交办']);
    expect(await db.auditLog.where('action').equals('meeting.decision').count()).toBe(4);

    // Next Friday: the 继续跟踪 item is carried, the others' progress is shown; the case escalated
    // waits on the street.
    const next = desk('2026-12-04', T0 + 10 * DAY_MS);
    const second = await planMeeting(next, '2026-12-04');
    file = (await getMeetingFile(next, second.id))!;
    // The drain's case is past its 3-day due day and the old case is still open: both come back
    // as overdue, each with its problem (and so its history), next to the carried item and the
    // case waiting on the street.
    const problemOf = async (caseId: string) => (await db.problems.where('caseId').equals(caseId).first())!.id;
    expect(file.items.map((i) => [i.kind, i.problemId]).sort()).toEqual(
      [
        ['上次结转', await problemOf(noise.id)],
        ['超期办件', drain.id],
        ['超期办件', await problemOf(overdue.id)],
        ['待街道', await problemOf(lamp.id)],
      ].sort(),
    );
    // A case entry is named by its problem (not the matter), in the problem's category.
    expect(
      file.items
        .filter((i) => i.kind !== '上次结转')
        .map((i) => [i.kind, i.title, i.category])
        .sort(),
    ).toEqual(
      [
        ['超期办件', '小区北门下水道堵塞', '环境卫生'],
        ['超期办件', `${overdue.matterName}（${overdue.trackingNumber}）`, '社会保障'],
        ['待街道', '3 栋门口路灯不亮', '公共设施'],
      ].sort(),
    );
    expect(file.progress.map((p) => [p.title, p.decision.type, p.caseStatus, p.done])).toEqual(
      expect.arrayContaining([
        ['小区北门下水道堵塞', '社区处置', '办理中', false],
        ['3 栋门口路灯不亮', '上报街道', '已上报街道', false],
      ]),
    );
  });

  it('one meeting at a time is being prepared; a refresh adds what came up since', async () => {
    const { desk } = await week();
    const m = await planMeeting(desk(FRI), FRI);
    const second = await planMeeting(desk(FRI), '2026-12-04').catch((e) => failureMessage(e));
    expect(second).toEqual({ message: `已有 ${FRI} 的会议在筹备中，请先召开、改期或取消`, field: 'day' });
    await addProblem(desk(FRI), { title: '健身器材松动', category: '公共设施', gridId: 'g-x', source: '入户走访' });
    expect(await refreshAgenda(desk(FRI), m.id)).toBe(1);
    expect(await refreshAgenda(desk(FRI), m.id)).toBe(0);
  });

  it('merged problems are one item on the agenda; a failed decision leaves nothing behind', async () => {
    const { db, desk, drain } = await week();
    const dup = await addProblem(desk(FRI), {
      title: '北门下水道又堵了',
      category: '环境卫生',
      place: '北门',
      source: '入户走访',
    });
    await mergeIntoProblem(desk(FRI), drain.id, [dup.id]);
    const m = await planMeeting(desk(FRI), FRI);
    const file = (await getMeetingFile(desk(FRI), m.id))!;
    expect(file.items.filter((i) => i.title.includes('下水道'))).toHaveLength(1);
    expect(file.problems.get(drain.id)?.sources).toHaveLength(2);
    const item = file.items.find((i) => i.problemId === drain.id)!;
    const snapshot = async () => [
      await db.cases.count(),
      await db.problems.get(drain.id),
      await db.agendaItems.get(item.id),
    ];
    const before = await snapshot();
    const fail = () => {
      throw new Error('injected failure');
    };
    db.auditLog.hook('creating', fail);
    const r = await recordDecision(desk(FRI), item.id, {
      type: '社区处置',
      ownerId: (await db.staff.toArray())[0]!.id,
      workingDays: 2,
    }).catch((e) => e);
    db.auditLog.hook('creating').unsubscribe(fail);
    expect(r).toBeInstanceOf(Error);
    expect(await snapshot()).toEqual(before);
  });
});

describe('an agenda entry’s title', () => {
  it('names the problem, never an ID or phone number: refused at the field when edited or added', async () => {
    const { db, desk } = await week();
    const m = await planMeeting(desk(FRI), FRI);
    const item = (await getMeetingFile(desk(FRI), m.id))!.items[0]!;
    for (const title of ['联系 13812345678 的住户', '住户 430104199001011234 反映']) {
      expect(await editAgendaEntry(desk(FRI), item.id, { title }).catch((e) => failureMessage(e))).toEqual({
        message: '议题标题中不要写身份证号或电话号码',
        field: 'title',
      });
    }
    expect(await editAgendaEntry(desk(FRI), item.id, { title: '路' }).catch((e) => failureMessage(e))).toEqual({
      message: '议题标题应为 2–60 个字',
      field: 'title',
    });
    expect((await db.agendaItems.get(item.id))?.title).toBe(item.title);
    // The discussion alone leaves the title as it is; a title without numbers is saved.
    await editAgendaEntry(desk(FRI), item.id, { discussion: '已联系物业' });
    await editAgendaEntry(desk(FRI), item.id, { title: ' 3 栋门口路灯不亮 ' });
    expect(await db.agendaItems.get(item.id)).toMatchObject({ title: '3 栋门口路灯不亮', discussion: '已联系物业' });

    const count = await db.agendaItems.count();
    const added = await addAgendaEntry(desk(FRI), m.id, {
      title: '找 13812345678 的人',
      category: '公共设施',
      place: '北门',
    }).catch((e) => failureMessage(e));
    expect(added).toEqual({ message: '标题中不要写身份证号或电话号码', field: 'title' });
    expect(await db.agendaItems.count()).toBe(count);
  });
});

describe('the meeting guests kept in 设置', () => {
  it('only an admin changes the list; a new meeting lists the guests after the active staff', async () => {
    const { db, desk, clerk } = await week();
    const asClerk = testDesk(db, { staffId: clerk.id, today: MON, calendar });
    const refused = await saveMeetingGuests(asClerk, [{ name: '赵大姐', role: '居民代表' }]).catch((e) =>
      failureMessage(e),
    );
    expect(refused).toEqual({ message: '只有站长/管理员可以修改联席会议参会名单' });
    expect(await meetingGuests(desk(MON))).toEqual([]);
    await saveMeetingGuests(desk(MON), [
      { name: ' 赵大姐 ', role: '居民代表' },
      { name: '钱网格长', role: '网格长' },
      { name: '', role: '空行' },
    ]);
    expect(await meetingGuests(desk(MON))).toEqual([
      { id: '赵大姐', unit: '', name: '赵大姐', role: '居民代表' },
      { id: '钱网格长', unit: '', name: '钱网格长', role: '网格长' },
    ]);
    const m = await planMeeting(desk(FRI), FRI);
    expect(m.attendees.map((a) => [a.name, a.role, a.present])).toEqual([
      ['王秀英', '站长/管理员', false],
      ['李明', '值班员', false],
      ['赵大姐', '居民代表', false],
      ['钱网格长', '网格长', false],
    ]);
  });
});

describe('issue 25 item 16: guests from the meeting, attendance per meeting, the real time held', () => {
  const shanghaiDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
  const at = (t: string) => Date.parse(`${t}+08:00`);

  it('a guest added and edited on the meeting is kept for next time; held meetings keep their attendance', async () => {
    const { db, desk, clerk } = await week();
    const f = desk(FRI);
    const m = await planMeeting(f, FRI);
    const asClerk = testDesk(db, { staffId: clerk.id, today: FRI, calendar });
    const police = await saveGuestAtMeeting(asClerk, m.id, { unit: ' 桃花岭派出所 ', name: '孙立', role: '社区民警' });
    const refused = await saveGuestAtMeeting(f, m.id, { unit: '', name: '', role: '网格长' }).catch((e) =>
      failureMessage(e),
    );
    expect(refused).toEqual({ message: '请填写姓名', field: 'name' });
    const twice = await saveGuestAtMeeting(f, m.id, { unit: '桃花岭派出所', name: '孙立', role: '民警' }).catch((e) =>
      failureMessage(e),
    );
    expect(twice).toEqual({ message: '参会名单中已有此人', field: 'name' });
    expect(await meetingGuests(f)).toEqual([{ id: police.id, unit: '桃花岭派出所', name: '孙立', role: '社区民警' }]);
    // Edited on the meeting: the attendee and the kept row both follow, one transaction.
    await saveGuestAtMeeting(f, m.id, { id: police.id, unit: '桃花岭派出所', name: '孙立', role: '副所长' });
    let file = (await getMeetingFile(f, m.id))!;
    expect(file.meeting.attendees.at(-1)).toEqual({
      key: `guest:${police.id}`,
      unit: '桃花岭派出所',
      name: '孙立',
      role: '副所长',
      present: false,
    });
    expect(await meetingGuests(f)).toEqual([{ id: police.id, unit: '桃花岭派出所', name: '孙立', role: '副所长' }]);
    // No name in the audit details.
    const details = (await db.auditLog.where('action').equals('meeting.guests').toArray()).map((e) => e.detail ?? '');
    expect(details).toEqual(['增加参会人员，名单共 1 人', '修改参会人员，名单共 1 人']);
    expect(details.join()).not.toContain('孙立');

    // Held with the police officer present; the next meeting lists them again, absent until ticked.
    await performMeetingAction(f, m.id, {
      type: '召开',
      attendees: file.meeting.attendees.map((a) => ({ ...a, present: true })),
      heldAt: f.clock.now(),
    });
    const afterHeld = await saveGuestAtMeeting(f, m.id, { unit: '', name: '赵大姐', role: '居民代表' }).catch((e) =>
      failureMessage(e),
    );
    expect(afterHeld).toEqual({ message: '已召开的会议不能修改参会人员' });
    const nextDesk = desk('2026-12-04', T0 + 10 * DAY_MS);
    const next = await planMeeting(nextDesk, '2026-12-04');
    expect(next.attendees.at(-1)).toMatchObject({ key: `guest:${police.id}`, role: '副所长', present: false });
    await saveGuestAtMeeting(nextDesk, next.id, { id: police.id, unit: '桃花岭派出所', name: '孙立', role: '所长' });
    file = (await getMeetingFile(f, m.id))!;
    expect(file.meeting.attendees.at(-1)).toMatchObject({ role: '副所长', present: true });
  });

  it('a meeting held yesterday is recorded today with its real day and time; no decision before', async () => {
    const { desk } = await week();
    const m = await planMeeting(desk(FRI), FRI);
    const saturday = testDesk(desk(FRI).db as never, {
      staffId: (await desk(FRI).db.staff.toArray()).find((s) => s.role === '站长/管理员')!.id,
      today: '2026-11-28',
      now: at('2026-11-28T09:00:00'),
      dayOf: shanghaiDay,
      calendar,
    });
    const held = await performMeetingAction(saturday, m.id, {
      type: '召开',
      attendees: m.attendees.map((a) => ({ ...a, present: true })),
      heldAt: at('2026-11-27T15:30:00'),
    });
    expect(held).toMatchObject({ day: FRI, status: '已召开', heldAt: at('2026-11-27T15:30:00') });
  });
});
