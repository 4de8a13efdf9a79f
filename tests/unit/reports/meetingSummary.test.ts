/**
 * The 联席会议 part of the period summary on hand-built problems, meetings and agenda items,
 * against figures counted by hand: problems raised (a merged report counted once, as the problem
 * it went into), by the kind of their first report and by category; a meeting moved to Thursday
 * and held, one cancelled, one held after the period; attendance (present of everyone listed);
 * agenda items of the held meetings by kind (a carry-over, 上次结转, among them); decisions by
 * type and the 社区处置 finished by their due day; the problems open at the period's end replayed
 * from their days (one decided after the end is open at it, one whose case was finished later is
 * open at the end of the week before). Then the rows every output shows and the package: its
 * closed schema takes the figures and refuses anything more.
 */
import { describe, expect, it } from 'vitest';
import type { AgendaItem, Attendee, CaseRecord, Decision, Meeting, Problem } from '@shared/domain/records';
import { meetingSummary, problemOpenAtEndOf, summarize, type SummaryInput } from '@shared/reports/summary';
import { summarySections } from '@shared/reports/summaryRows';
import type { WirePackage } from '@shared/reports/wire/types';
import { listOf } from '@shared/reports/wire/figures';
import { namesOf, summariesOf } from '@shared/reports/reportData';
import { oldCase } from '../../db/shippedSchemas';
import { contentOf, expectPackageValid, expectSmugglesRefused, listItem, weekData } from './packageFixtures';

const week = { from: '2026-11-16', to: '2026-11-22' };
const before = { from: '2026-11-09', to: '2026-11-15' };
const stamp = { createdAt: 1, createdBy: 's1', updatedAt: 1, updatedBy: 's1' };

/** Everyone listed for a meeting: `present` of `total` there. */
const people = (total: number, present: number): Attendee[] =>
  Array.from({ length: total }, (_, i) => ({
    key: `staff:s${i}`,
    name: `人员${i}`,
    role: '值班员',
    present: i < present,
  }));

function meeting(id: string, day: string, status: Meeting['status'], patch: Partial<Meeting> = {}): Meeting {
  return { id, day, status, attendees: people(4, status === '已召开' ? 3 : 0), ...stamp, ...patch };
}

const meetings: Meeting[] = [
  meeting('m0', '2026-11-06', '已召开'),
  meeting('m1', '2026-11-13', '已召开', { since: '2026-11-06' }),
  // Planned for Friday, moved to Thursday and held: 4 of 5 there.
  meeting('m2', '2026-11-19', '已召开', {
    movedFrom: ['2026-11-20'],
    since: '2026-11-13',
    attendees: people(5, 4),
  }),
  // An extra meeting planned for Saturday, cancelled.
  meeting('m3', '2026-11-21', '已取消', { cancelReason: '防汛值守', since: '2026-11-19' }),
  meeting('m4', '2026-11-27', '已召开', { since: '2026-11-19' }),
];

const assign = (dueDay: string): Decision => ({ type: '社区处置', ownerId: 's2', workingDays: 3, dueDay });
const follow: Decision = { type: '继续跟踪', note: '下周继续跟踪' };
const solved: Decision = { type: '已解决', note: '网格员已现场协调' };
const escalate: Decision = { type: '上报街道', level: '日常', office: '街道城管科', request: '请街道协调处理' };
const on = (meetingId: string, d: Decision) => ({
  ...d,
  meetingId,
  day: meetings.find((m) => m.id === meetingId)!.day,
});

function problem(id: string, raisedDay: string, patch: Partial<Problem> = {}): Problem {
  return {
    id,
    title: `问题${id}`,
    category: '环境卫生',
    gridId: 'g1',
    raisedDay,
    status: '待研究',
    sources: [{ kind: '入户走访', day: raisedDay, by: 's1' }],
    decisions: [],
    ...stamp,
    ...patch,
  };
}

const problems: Problem[] = [
  // A 诉求 of the week before, handed to the community; its case finished by the due day, after that week.
  problem('pA', '2026-11-10', {
    caseId: 'cA',
    status: '社区处置',
    sources: [{ kind: '窗口诉求', day: '2026-11-10', by: 's1', caseId: 'cA' }],
    decisions: [on('m1', assign('2026-11-18'))],
  }),
  // From a home visit the week before, kept watching, solved this week.
  problem('pB', '2026-11-12', {
    category: '公共设施',
    status: '已解决',
    decisions: [on('m1', follow), on('m2', solved)],
  }),
  // Two reports of the same drain this week, merged: counted once.
  problem('pC', '2026-11-17', {
    status: '继续跟踪',
    sources: [
      { kind: '入户走访', day: '2026-11-17', by: 's1' },
      { kind: '入户走访', day: '2026-11-18', by: 's2' },
    ],
    decisions: [on('m2', follow)],
  }),
  problem('pC2', '2026-11-18', {
    status: '已合并',
    mergedInto: 'pC',
    sources: [{ kind: '入户走访', day: '2026-11-18', by: 's2' }],
  }),
  // A 诉求 this week handed to the community; its case finished after the due day (and the week).
  problem('pD', '2026-11-18', {
    category: '邻里纠纷',
    caseId: 'cD',
    status: '社区处置',
    sources: [{ kind: '窗口诉求', day: '2026-11-18', by: 's1', caseId: 'cD' }],
    decisions: [on('m2', assign('2026-11-21'))],
  }),
  // Raised at the meeting (临时增加) and solved there.
  problem('pE', '2026-11-19', {
    category: '其他',
    status: '已解决',
    sources: [{ kind: '会上提出', day: '2026-11-19', by: 's1' }],
    decisions: [on('m2', solved)],
  }),
  // Raised after the week's meeting, solved at next week's: open at this week's end.
  problem('pF', '2026-11-20', {
    category: '违建占道',
    status: '已解决',
    caseId: 'cF',
    sources: [{ kind: '窗口诉求', day: '2026-11-20', by: 's1', caseId: 'cF' }],
    decisions: [on('m4', solved)],
  }),
  // Raised long before, kept watching, then escalated this week with a case the meeting accepted.
  problem('pG', '2026-11-05', {
    category: '公共设施',
    status: '已上报街道',
    caseId: 'cG',
    decisions: [on('m0', follow), on('m2', escalate)],
  }),
];

const item = (
  id: string,
  meetingId: string,
  order: number,
  kind: AgendaItem['kind'],
  patch: Partial<AgendaItem> = {},
) => ({ id, meetingId, order, kind, title: `议题${id}`, category: '环境卫生', ...patch }) satisfies AgendaItem;

const agendaItems: AgendaItem[] = [
  item('i1', 'm1', 1, '新问题', { problemId: 'pA', caseId: 'cA', decision: assign('2026-11-18') }),
  item('i2', 'm1', 2, '新问题', { problemId: 'pB', decision: follow }),
  item('i3', 'm1', 3, '上次结转', { problemId: 'pG' }),
  item('i4', 'm1', 4, '超期办件', { caseId: 'cX' }),
  item('i5', 'm2', 1, '上次结转', { problemId: 'pB', decision: solved }),
  item('i6', 'm2', 2, '上次结转', { problemId: 'pG', caseId: 'cG', decision: escalate }),
  item('i7', 'm2', 3, '新问题', { problemId: 'pC', decision: follow }),
  item('i8', 'm2', 4, '新问题', { problemId: 'pD', caseId: 'cD', decision: assign('2026-11-21') }),
  item('i9', 'm2', 5, '待街道', { caseId: 'cY' }),
  item('i10', 'm2', 6, '临时增加', { problemId: 'pE', decision: solved }),
  // The cancelled meeting's agenda: not discussed.
  item('i11', 'm3', 1, '上次结转', { problemId: 'pC' }),
  item('i12', 'm3', 2, '新问题', { problemId: 'pF', caseId: 'cF' }),
  item('i13', 'm4', 1, '新问题', { problemId: 'pF', caseId: 'cF', decision: solved }),
];

const cases: CaseRecord[] = [
  oldCase('cA', {
    trackingNumber: 'THL-20261110-0001',
    matterCode: 'TS-002',
    acceptedDay: '2026-11-10',
    status: '已办结',
    completedDay: '2026-11-17',
  }),
  oldCase('cD', {
    trackingNumber: 'THL-20261110-0002',
    matterCode: 'TS-001',
    acceptedDay: '2026-11-18',
    status: '已办结',
    completedDay: '2026-11-24',
  }),
  oldCase('cF', {
    trackingNumber: 'THL-20261110-0003',
    matterCode: 'TS-003',
    acceptedDay: '2026-11-20',
    status: '办理中',
  }),
  oldCase('cG', {
    trackingNumber: 'THL-20261110-0004',
    matterCode: 'TS-002',
    acceptedDay: '2026-11-19',
    status: '已上报街道',
  }),
];

const input = (patch: Partial<SummaryInput> = {}): SummaryInput => ({
  visits: [],
  cases,
  residents: [],
  categoryOf: () => '投诉建议',
  proxyTasks: [],
  custodyItems: [],
  custodyAlertDays: 7,
  problems,
  meetings,
  agendaItems,
  ...patch,
});

describe('联席会议 in the period summary, counted by hand', () => {
  it('this week: problems raised, meetings, attendance, items, decisions, open at the end', () => {
    expect(meetingSummary(input(), week)).toEqual({
      // pC (pC2 merged into it), pD, pE, pF.
      problems: {
        raised: 4,
        bySource: { 入户走访: 1, 窗口诉求: 2, 会上提出: 1 },
        byCategory: { 环境卫生: 1, 邻里纠纷: 1, 其他: 1, 违建占道: 1 },
      },
      held: 1,
      moved: 1,
      cancelled: 1,
      planned: 0,
      attendance: { expected: 5, present: 4, rate: 0.8 },
      // m2's agenda only: the cancelled m3's is not discussed.
      items: { total: 6, byKind: { 上次结转: 2, 新问题: 2, 待街道: 1, 临时增加: 1 } },
      decisions: { total: 5, byType: { 已解决: 2, 上报街道: 1, 继续跟踪: 1, 社区处置: 1 } },
      // pD's case was finished on 11-24, after its due day 11-21.
      assigned: { total: 1, due: 1, finishedByDue: 0, finishedByDueRate: 0 },
      // pC (继续跟踪), pD (its case open on 11-22), pF (solved only on 11-27), pG (escalated, case open).
      openAtEnd: 4,
    });
  });

  it('the week before: its own figures; pA open at its end though its case was finished since', () => {
    expect(meetingSummary(input(), before)).toEqual({
      problems: { raised: 2, bySource: { 窗口诉求: 1, 入户走访: 1 }, byCategory: { 环境卫生: 1, 公共设施: 1 } },
      held: 1,
      moved: 0,
      cancelled: 0,
      planned: 0,
      attendance: { expected: 4, present: 3, rate: 0.75 },
      items: { total: 4, byKind: { 新问题: 2, 上次结转: 1, 超期办件: 1 } },
      decisions: { total: 2, byType: { 社区处置: 1, 继续跟踪: 1 } },
      // pA's 社区处置 is due on 11-18, after this week: nothing was due by its end, no rate
      // (its case finished on 11-17 is not 按期办结 of this week, nor a 0.0%).
      assigned: { total: 1, due: 0, finishedByDue: 0, finishedByDueRate: null },
      // pA (社区处置, case finished on 11-17), pB (继续跟踪), pG (继续跟踪 since 11-06).
      openAtEnd: 3,
    });
  });

  it('a problem is open at a day by its days, not by its status now', () => {
    const caseOf = (id: string) => cases.find((c) => c.id === id);
    const pF = problems.find((p) => p.id === 'pF')!;
    expect(pF.status).toBe('已解决');
    expect(problemOpenAtEndOf(pF, '2026-11-22', caseOf)).toBe(true);
    expect(problemOpenAtEndOf(pF, '2026-11-27', caseOf)).toBe(false);
    expect(problemOpenAtEndOf(pF, '2026-11-19', caseOf)).toBe(false); // not raised yet
    const pA = problems.find((p) => p.id === 'pA')!;
    expect(problemOpenAtEndOf(pA, '2026-11-16', caseOf)).toBe(true);
    expect(problemOpenAtEndOf(pA, '2026-11-17', caseOf)).toBe(false); // its case finished that day
    // A merged report is never open on its own.
    expect(
      problemOpenAtEndOf(
        problems.find((p) => p.id === 'pC2')!,
        '2026-11-22',
        caseOf,
      ),
    ).toBe(false);
  });

  it('a week not over yet is judged as of today; a meeting being prepared is counted as such', () => {
    const next = { ...meetings[4]!, status: '筹备中' as const, attendees: people(4, 0) };
    const s = meetingSummary(input({ today: '2026-11-18', meetings: [...meetings.slice(0, 4), next] }), week);
    // On 11-18: pB (继续跟踪 since m1), pC, pD (undecided yet), pG; pA's case was finished on 11-17.
    expect(s.openAtEnd).toBe(4);
    const after = meetingSummary(input({ meetings: [...meetings.slice(0, 4), next] }), {
      from: '2026-11-23',
      to: '2026-11-29',
    });
    expect([after.held, after.planned, after.items.total, after.decisions.total]).toEqual([0, 1, 0, 1]);
  });

  it('no meeting, no rates', () => {
    const s = meetingSummary(input({ problems: [], meetings: [], agendaItems: [] }), week);
    expect(s.attendance).toEqual({ expected: 0, present: 0, rate: null });
    expect(s.assigned).toEqual({ total: 0, due: 0, finishedByDue: 0, finishedByDueRate: null });
    expect(s.openAtEnd).toBe(0);
  });

  it('the 联席会议 rows every output shows: this week against the week before, no one named', () => {
    const all = input();
    const sections = summarySections(
      summarize(all, week),
      summarize(all, before),
      namesOf({ catalog: [], staff: [], grids: [] }),
    );
    const joint = sections.find((x) => x.title === '联席会议')!;
    expect(Object.fromEntries(joint.rows.map((r) => [r.label, [r.now, r.before]]))).toEqual({
      新增问题: [4, 2],
      '来源：窗口诉求': [2, 1],
      '来源：入户走访': [1, 1],
      '来源：会上提出': [1, 0],
      '问题类别：其他': [1, 0],
      '问题类别：环境卫生': [1, 1],
      '问题类别：违建占道': [1, 0],
      '问题类别：邻里纠纷': [1, 0],
      '问题类别：公共设施': [0, 1],
      '召开会议（次）': [1, 1],
      '改期会议（次）': [1, 0],
      '取消会议（次）': [1, 0],
      '筹备中会议（次）': [0, 0],
      '应出席（人次）': [5, 4],
      '实际出席（人次）': [4, 3],
      出席率: ['80.0%', '75.0%'],
      '研究议题（项）': [6, 4],
      '议题：新问题': [2, 2],
      '议题：上次结转': [2, 1],
      '议题：超期办件': [0, 1],
      '议题：待街道': [1, 0],
      '议题：临时增加': [1, 0],
      '会议决定（项）': [5, 2],
      '决定：社区处置': [1, 1],
      '决定：上报街道': [1, 0],
      '决定：继续跟踪': [1, 1],
      '决定：已解决': [2, 0],
      '社区处置到期（项）': [1, 0],
      社区处置按期办结: [0, 0],
      社区处置按期办结率: ['0.0%', '—'],
      期末未结问题: [4, 3],
    });
    expect(JSON.stringify(joint)).not.toMatch(/s1|s2|人员|问题p|议题i/);
  });
});

describe('联席会议 in the JSON package', () => {
  const data = weekData({ period: week, previous: before, cases, meetings, agendaItems, problems });

  it('carries the week’s figures (rates as their parts) and passes its closed schema', async () => {
    const { now } = summariesOf(data);
    const m = now.meetings;
    const c = contentOf(data);
    expect(c.counts).toMatchObject({
      problemsRaised: m.problems.raised,
      meetingsHeld: m.held,
      meetingsMoved: m.moved,
      meetingsCancelled: m.cancelled,
      meetingsPlanned: m.planned,
      attendanceExpected: m.attendance.expected,
      attendancePresent: m.attendance.present,
      agendaItems: m.items.total,
      decisions: m.decisions.total,
      assignedDecisions: m.assigned.total,
      assignedDue: m.assigned.due,
      assignedFinishedByDue: m.assigned.finishedByDue,
      problemsOpenAtEnd: m.openAtEnd,
    });
    expect(c.rates.attendance).toEqual({ num: m.attendance.present, den: m.attendance.expected });
    expect(c.rates.assignedFinishedByDue).toEqual({ num: m.assigned.finishedByDue, den: m.assigned.due });
    expect(c.lists.problemsBySource).toEqual(listOf(m.problems.bySource));
    expect(c.lists.decisionsByType).toEqual(listOf(m.decisions.byType));
    // Nothing was due by the week before's end: that week's package has the rate as 0 of 0 (shown '—').
    const previous = contentOf(weekData({ period: before, previous: week, cases, meetings, agendaItems, problems }));
    expect(previous.rates.assignedFinishedByDue).toEqual({ num: 0, den: 0 });
    await expectPackageValid(data);
  });

  it('refuses a 联席会议 figure it does not know (re-hashed): no names can ride along', async () => {
    await expectSmugglesRefused(data, [
      (p: WirePackage) => Object.assign(p.content.counts, { attendees: 1 }),
      (p: WirePackage) => p.content.lists.problemsBySource.push(listItem('王秀英')),
      (p: WirePackage) => p.content.lists.problemsByCategory.push(listItem('3栋路灯')),
      (p: WirePackage) => Object.assign(p.content.rates.attendance, { names: ['值班员1号'] }),
    ]);
  });
});
