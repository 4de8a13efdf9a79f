/**
 * A problem through its one door (changeProblem.ts): every writer — addProblem, a 诉求 at the
 * desk, a merge of reports, a meeting's decision, 合并居民档案 and its undo — appends events
 * (clock, desk, who acted, input, decision), and the stored problem is always the fold of them;
 * the v18 upgrade gives every problem stored before one opening event carrying its state.
 */
import { describe, expect, it } from 'vitest';
import { foldProblem, problemCoreOf } from '@shared/domain/events/problemEvents';
import { UPGRADE_OPENING } from '@shared/domain/events/caseEvents';
import type { Problem, ProblemEvent } from '@shared/domain/records';
import { DutyDeskDB, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { mergeIntoProblem, addProblem } from '../../renderer/src/db/repositories/problems';
import { getMeetingFile, performMeetingAction, planMeeting } from '../../renderer/src/db/repositories/meetings';
import { recordDecision } from '../../renderer/src/db/repositories/meetingDecisions';
import { mergeResidents, undoResidentMerge } from '../../renderer/src/db/repositories/residentMerge';
import { registerVisit } from '../../renderer/src/db/repositories/visits';
import { problemOpeningId } from '../../renderer/src/db/upgrades/v18-problem-events';
import { openShipped } from './shippedSchemas';
import { twoRecordsOfOnePerson } from './support/twoRecords';

/** The ids of the problems whose fold differs from the stored problem. */
async function unfolded(db: DutyDeskDB): Promise<string[]> {
  const events = await db.problemEvents.toArray();
  return (await db.problems.toArray())
    .filter((p) => {
      const folded = foldProblem(events.filter((e) => e.problemId === p.id));
      return !folded || JSON.stringify(sortKeys(folded)) !== JSON.stringify(sortKeys(problemCoreOf(p)));
    })
    .map((p) => p.id);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => [k, sortKeys(x)]),
    );
  return v;
}

const actionsOf = (events: ProblemEvent[], id: string) =>
  events
    .filter((e) => e.problemId === id)
    .sort((a, b) => (a.clock < b.clock ? -1 : 1))
    .map((e) => e.action);

describe('a problem through its one door', () => {
  it('every writer appends events, and the stored problem is their fold', async () => {
    const { db, at, kept, other } = await twoRecordsOfOnePerson();
    const lamp = (await db.problems.toArray())[0]!;
    // A 诉求 at the desk and another home-visit report of the same lamp, merged into the first.
    const complaint = await registerVisit(at(2), {
      residentId: kept.id,
      channel: '来站',
      kind: '诉求',
      content: '楼道灯又坏了',
      cases: [],
      complaint: { category: '公共设施' },
    });
    const again = await addProblem(at(3), {
      title: '楼道灯不亮（再次反映）',
      category: '公共设施',
      residentId: kept.id,
      source: '入户走访',
    });
    const merged = await mergeIntoProblem(at(4), lamp.id, [again.id]);
    expect(merged.sources.map((s) => s.residentId)).toEqual([other.id, kept.id]);
    // The meeting's decision on it, appended to its history.
    const meeting = await planMeeting(at(5), '2026-11-27');
    const file = (await getMeetingFile(at(5), meeting.id))!;
    const entry = file.items.find((i) => i.problemId === lamp.id)!;
    await performMeetingAction(at(5), meeting.id, {
      type: '召开',
      attendees: meeting.attendees.map((a) => ({ ...a, present: true })),
      heldAt: at(5).clock.now(),
    });
    await recordDecision(at(6, '站长/管理员', '2026-11-27'), entry.id, { type: '继续跟踪', note: '联系物业更换灯管' });
    // 合并居民档案 moves the sources naming the merged record; its undo moves them back.
    await mergeResidents(at(7), { keptId: kept.id, mergedId: other.id, choices: {} });
    expect((await db.problems.get(lamp.id))!.sources.map((s) => s.residentId)).toEqual([kept.id, kept.id]);
    await undoResidentMerge(at(8), other.id);
    expect((await db.problems.get(lamp.id))!.sources.map((s) => s.residentId)).toEqual([other.id, kept.id]);

    const events = await db.problemEvents.toArray();
    expect(actionsOf(events, lamp.id)).toEqual(['登记', '并入问题', '会议决定', '改挂居民', '改挂居民']);
    expect(actionsOf(events, again.id)).toEqual(['登记', '合并到']);
    const complaintProblem = (await db.problems.where('caseId').equals(complaint.cases[0]!.id).first())!;
    expect(actionsOf(events, complaintProblem.id)).toEqual(['登记']);
    // The lists are never rewritten whole: what each event adds, not the list.
    const byAction = (a: string) => events.filter((e) => e.problemId === lamp.id && e.action === a);
    expect(byAction('并入问题')[0]!.appended?.sources).toHaveLength(1);
    expect(byAction('会议决定')[0]!.appended?.decisions?.map((d) => d.type)).toEqual(['继续跟踪']);
    for (const e of events.filter((x) => !x.base)) {
      expect(Object.keys(e.decided?.set ?? {})).not.toContain('sources');
      expect(Object.keys(e.decided?.set ?? {})).not.toContain('decisions');
    }
    expect(events.every((e) => e.clock && e.desk === 1 && e.by)).toBe(true);
    expect(new Set(events.map((e) => e.clock)).size).toBe(events.length);
    expect(await unfolded(db)).toEqual([]);
    const stored = (await db.problems.get(lamp.id)) as Problem;
    expect(stored.decisions.map((d) => d.type)).toEqual(['继续跟踪']);
    expect(stored.status).toBe('继续跟踪');
  });
});

describe('upgrade to v18 (problems as events)', () => {
  it('gives every stored problem one opening event carrying its state; the desk clock moves past it', async () => {
    const name = `upgrade-v18-${Math.random()}`;
    const v11 = openShipped(name, 11);
    const problem = (id: string, updatedAt: number): Problem => ({
      id,
      title: '小区北门下水道堵塞',
      category: '环境卫生',
      place: '北门',
      raisedDay: '2026-11-20',
      status: '继续跟踪',
      sources: [
        { kind: '入户走访', day: '2026-11-20', by: 's1', residentId: 'r1' },
        { kind: '窗口诉求', day: '2026-11-21', by: 's2', caseId: 'c1' },
      ],
      decisions: [{ type: '继续跟踪', note: '下周再看', meetingId: 'm1', day: '2026-11-21' }],
      residentIds: ['r1'],
      createdAt: 1,
      createdBy: 's1',
      updatedAt,
      updatedBy: 's2',
    });
    await v11.table('problems').bulkAdd([problem('p1', 1_764_000_000_000), problem('p2', 1_764_000_500_000)]);
    v11.close();

    const db = new DutyDeskDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const events = await db.problemEvents.toArray();
    expect(events.map((e) => [e.id, e.action, e.problemId]).sort()).toEqual([
      [problemOpeningId('p1'), UPGRADE_OPENING, 'p1'],
      [problemOpeningId('p2'), UPGRADE_OPENING, 'p2'],
    ]);
    expect(await unfolded(db)).toEqual([]);
    const clock = (await db.counters.get('eventClock'))?.clock;
    expect(
      clock! >=
        events
          .map((e) => e.clock)
          .sort()
          .at(-1)!,
    ).toBe(true);
    db.close();
  });
});
