/**
 * The 联席会议 agenda rules (shared/domain/meetings), clock-free: the meeting day and the last
 * meeting held are inputs. The agenda holds exactly the right problems and cases, grouped and
 * counted, carry-overs marked; a cancelled week's problems come up as new; a merged problem is
 * listed (and counted) once; the last meeting's decisions are shown with their progress.
 */
import { describe, expect, it } from 'vitest';
import {
  agendaCounts,
  buildAgenda,
  checkDecision,
  decisionProgress,
  mergeProblems,
  problemInputRefusal,
  agendaTitleRefusal,
  applyMeetingAction,
  allowedMeetingActions,
  guessCategory,
  problemTitleOf,
  type AgendaCase,
} from '@shared/domain/meetings';
import type { Problem } from '@shared/domain/records';
import { createCalendar } from '@shared/domain/workingCalendar';

const calendar = createCalendar();
const STAMP = { createdAt: 1, createdBy: 's1', updatedAt: 1, updatedBy: 's1' };
const problem = (id: string, patch: Partial<Problem>): Problem => ({
  id,
  title: `问题${id}`,
  category: '其他',
  raisedDay: '2026-11-23',
  status: '待研究',
  sources: [{ kind: '窗口诉求', day: patch.raisedDay ?? '2026-11-23', by: 's1' }],
  decisions: [],
  ...STAMP,
  ...patch,
});
const aCase = (id: string, patch: Partial<AgendaCase>): AgendaCase => ({
  id,
  trackingNumber: `THL-20261101-${id}`,
  matterName: '高龄津贴申请',
  status: '办理中',
  deadline: '2026-11-25',
  category: '社会保障',
  ...patch,
});

const DAY = '2026-11-27';
const problems: Problem[] = [
  problem('p1', { category: '公共设施', gridId: 'g1', raisedDay: '2026-11-23', title: '3 栋路灯不亮' }),
  problem('p2', { category: '环境卫生', gridId: 'g2', raisedDay: '2026-11-25', caseId: 'c3' }),
  problem('p3', { category: '环境卫生', gridId: 'g1', raisedDay: '2026-11-18' }),
  problem('p4', { category: '物业管理', raisedDay: '2026-11-10', status: '继续跟踪' }),
  problem('p5', { category: '公共设施', raisedDay: '2026-11-24', status: '已合并', mergedInto: 'p1' }),
  problem('p6', { category: '公共设施', raisedDay: '2026-11-24', status: '社区处置' }),
  problem('p7', { category: '公共设施', raisedDay: '2026-11-28' }),
];
const cases: AgendaCase[] = [
  aCase('c1', {}),
  aCase('c2', { status: '已上报街道', deadline: '2026-12-10', category: '投诉建议' }),
  aCase('c3', { deadline: '2026-11-20', category: '投诉建议' }),
  aCase('c4', { status: '待补正', deadline: '2026-11-01' }),
  aCase('c5', { deadline: DAY }),
  aCase('c6', { status: '已办结', deadline: '2026-11-01' }),
];

describe('the agenda of a meeting', () => {
  it('lists carry-overs, the new problems, overdue cases and cases waiting on the street, in that order', () => {
    const agenda = buildAgenda({ day: DAY, since: '2026-11-20', problems, cases });
    expect(agenda.map((e) => [e.kind, e.problemId ?? e.caseId])).toEqual([
      ['上次结转', 'p3'], // 环境卫生 before 物业管理 (the category order)
      ['上次结转', 'p4'],
      ['新问题', 'p2'],
      ['新问题', 'p1'],
      ['超期办件', 'c1'],
      ['待街道', 'c2'],
    ]);
    // c3 is on the agenda through its problem p2; c4 is paused (待补正), c5 not past due, c6 closed.
    expect(agenda.find((e) => e.problemId === 'p2')?.caseId).toBe('c3');
    const counts = agendaCounts(agenda);
    expect(counts.byKind).toEqual({ 上次结转: 2, 新问题: 2, 超期办件: 1, 待街道: 1 });
    expect(counts.byCategory).toEqual({ 环境卫生: 2, 物业管理: 1, 公共设施: 1, 社会保障: 1, 投诉建议: 1 });
    expect(counts.groups).toEqual([
      { category: '环境卫生', gridId: 'g1', count: 1 },
      { category: '物业管理', count: 1 },
      { category: '环境卫生', gridId: 'g2', count: 1 },
      { category: '公共设施', gridId: 'g1', count: 1 },
      { category: '社会保障', count: 1 },
      { category: '投诉建议', count: 1 },
    ]);
  });

  it('after a cancelled week, the problems since the last meeting HELD come up as new', () => {
    const agenda = buildAgenda({ day: DAY, since: '2026-11-13', problems, cases: [] });
    expect(agenda.map((e) => [e.kind, e.problemId])).toEqual([
      ['上次结转', 'p4'],
      ['新问题', 'p3'],
      ['新问题', 'p2'],
      ['新问题', 'p1'],
    ]);
  });

  it('the first meeting lists every open problem as new; a merged problem once, with all its sources', () => {
    const merged = mergeProblems(problems[0]!, [
      problem('p8', {
        raisedDay: '2026-11-21',
        residentIds: ['r2'],
        sources: [{ kind: '入户走访', day: '2026-11-21', by: 's2', residentId: 'r2' }],
      }),
    ]);
    if (!merged.ok) throw new Error(merged.reason);
    expect(merged.into.sources.map((s) => s.kind)).toEqual(['入户走访', '窗口诉求']);
    expect(merged.into.raisedDay).toBe('2026-11-21');
    expect(merged.into.residentIds).toEqual(['r2']);
    const pool = [merged.into, ...merged.merged, problems[3]!];
    const agenda = buildAgenda({ day: DAY, problems: pool, cases: [] });
    expect(agenda.map((e) => [e.kind, e.problemId])).toEqual([
      ['上次结转', 'p4'],
      ['新问题', 'p1'],
    ]);
    expect(agendaCounts(agenda).byCategory).toEqual({ 物业管理: 1, 公共设施: 1 });
  });

  it('opens with the last meeting’s decisions and their progress', () => {
    const decided = [
      problem('d1', {
        status: '社区处置',
        caseId: 'k1',
        decisions: [
          { type: '社区处置', ownerId: 's2', workingDays: 5, dueDay: '2026-11-27', meetingId: 'm1', day: '2026-11-20' },
        ],
      }),
      problem('d2', {
        status: '已解决',
        decisions: [{ type: '已解决', note: '物业已清理', meetingId: 'm1', day: '2026-11-20' }],
      }),
      problem('d3', {
        status: '继续跟踪',
        decisions: [{ type: '继续跟踪', note: '等业委会', meetingId: 'm1', day: '2026-11-20' }],
      }),
      problem('d4', { decisions: [{ type: '已解决', note: '旧的', meetingId: 'm0', day: '2026-11-13' }] }),
    ];
    const progress = decisionProgress('m1', decided, (id) =>
      id === 'k1' ? { status: '办理中', deadline: '2026-11-27' } : undefined,
    );
    expect(progress.map((p) => [p.title, p.decision.type, p.caseStatus, p.deadline, p.done])).toEqual([
      ['问题d1', '社区处置', '办理中', '2026-11-27', false],
      ['问题d2', '已解决', undefined, undefined, true],
    ]);
    expect(decisionProgress(undefined, decided, () => undefined)).toEqual([]);
  });
});

describe('decisions', () => {
  it('社区处置 gets its due day in working days from the meeting; each payload is checked at its field', () => {
    const r = checkDecision({ type: '社区处置', ownerId: 's2', workingDays: 3 }, DAY, calendar);
    expect(r).toEqual({
      ok: true,
      decision: { type: '社区处置', ownerId: 's2', workingDays: 3, dueDay: '2026-12-02' },
    });
    expect(checkDecision({ type: '社区处置', ownerId: '', workingDays: 3 }, DAY, calendar)).toMatchObject({
      field: 'ownerId',
    });
    expect(checkDecision({ type: '社区处置', ownerId: 's2', workingDays: 0 }, DAY, calendar)).toMatchObject({
      field: 'workingDays',
    });
    expect(
      checkDecision({ type: '上报街道', level: '日常', office: ' ', request: '修路灯' }, DAY, calendar),
    ).toMatchObject({ field: 'office' });
    expect(checkDecision({ type: '继续跟踪', note: '' }, DAY, calendar)).toMatchObject({ field: 'note' });
    expect(checkDecision({ type: '已解决', note: ' 已修好 ' }, DAY, calendar)).toEqual({
      ok: true,
      decision: { type: '已解决', note: '已修好' },
    });
    expect(checkDecision({ type: '乱写' } as never, DAY, calendar)).toMatchObject({ field: 'type' });
  });
});

describe('problems and meetings', () => {
  it('a problem has a short title without numbers, a category, and a resident, a place or a 网格', () => {
    expect(problemInputRefusal({ title: '路灯', category: '公共设施', place: '3 栋' })).toBeNull();
    expect(problemInputRefusal({ title: '路', category: '公共设施', place: '3 栋' })?.field).toBe('title');
    expect(problemInputRefusal({ title: '找 13875001234 的人', category: '公共设施', place: '3 栋' })?.field).toBe(
      'title',
    );
    expect(problemInputRefusal({ title: '路灯', category: '', place: '3 栋' })?.field).toBe('category');
    expect(agendaTitleRefusal(' 3 栋门口路灯不亮 ')).toBeNull();
    expect(agendaTitleRefusal('路')).toEqual({ reason: '议题标题应为 2–60 个字', field: 'title' });
    expect(agendaTitleRefusal('找 13875001234 的人')).toEqual({
      reason: '议题标题中不要写身份证号或电话号码',
      field: 'title',
    });
    expect(agendaTitleRefusal('住户 430104199001011234 反映')?.field).toBe('title');
    expect(problemInputRefusal({ title: '路灯', category: '公共设施' })?.field).toBe('place');
    expect(problemInputRefusal({ title: '路灯', category: '公共设施', gridId: 'g1' })).toBeNull();
    expect(guessCategory('楼下垃圾三天没人清运')).toBe('环境卫生');
    expect(guessCategory('隔壁装修噪音扰民')).toBe('邻里纠纷');
    expect(problemTitleOf('3 栋路灯坏了。联系 13875001234')).toBe('3 栋路灯坏了');
  });

  it('merging refuses two problems with cases of their own, and a problem already merged', () => {
    const a = problem('a', { caseId: 'c1' });
    expect(mergeProblems(a, [problem('b', { caseId: 'c2' })])).toMatchObject({ ok: false });
    expect(mergeProblems(a, [problem('b', { status: '已合并', mergedInto: 'x' })])).toMatchObject({ ok: false });
    expect(mergeProblems(a, [a])).toMatchObject({ ok: false });
    expect(mergeProblems(a, [problem('b', {})])).toMatchObject({ ok: true });
  });

  it('a meeting is moved (earlier days kept), cancelled with a reason, or held (not in the future) with someone present', () => {
    const m = {
      day: DAY,
      status: '筹备中' as const,
      attendees: [{ key: 'staff:s1', name: '王秀英', role: '站长/管理员', present: false }],
    };
    const dayOf = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
    const ctx = { today: '2026-11-25', now: Date.parse('2026-11-25T10:00:00+08:00'), dayOf };
    const moved = applyMeetingAction(m, { type: '改期', day: '2026-11-28' }, ctx);
    expect(moved).toMatchObject({ ok: true, next: { day: '2026-11-28', movedFrom: [DAY] } });
    expect(applyMeetingAction(m, { type: '改期', day: '2026-11-24' }, ctx)).toMatchObject({ field: 'day' });
    const friday = Date.parse(`${DAY}T15:00:00+08:00`);
    expect(applyMeetingAction(m, { type: '召开', attendees: m.attendees, heldAt: friday }, ctx)).toMatchObject({
      field: 'heldAt',
    });
    const onDay = { today: DAY, now: friday + 60_000, dayOf };
    expect(applyMeetingAction(m, { type: '召开', attendees: m.attendees, heldAt: friday }, onDay)).toMatchObject({
      field: 'attendees',
    });
    const held = applyMeetingAction(
      m,
      { type: '召开', attendees: [{ ...m.attendees[0]!, present: true }], summary: ' 好 ', heldAt: friday },
      onDay,
    );
    expect(held).toMatchObject({ ok: true, next: { status: '已召开', heldAt: friday, day: DAY, summary: '好' } });
    const cancelled = applyMeetingAction(m, { type: '取消', reason: '台风停会' }, ctx);
    expect(cancelled).toMatchObject({ ok: true, next: { status: '已取消', cancelReason: '台风停会' } });
    expect(allowedMeetingActions({ ...m, status: '已取消' })).toEqual([]);
  });
});
