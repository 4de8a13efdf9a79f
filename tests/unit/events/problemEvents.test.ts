/**
 * A problem's sources and decisions as appended events (issue 23): two desks act on the same
 * problem offline with PC clocks that disagree — each adds sources (a merge of another report),
 * decisions, moves a resident's sources — exchanging events now and then. Once both know every
 * event, both folds are the same problem, and it keeps EVERY source and EVERY decision either
 * desk added (no list is rewritten whole); the lists stay in day order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextClock, observed } from '@shared/domain/events/clock';
import {
  applyProblemStep,
  foldProblem,
  mergeChanges,
  problemCoreOf,
  problemStep,
  relinkSources,
  sourceRefOf,
  type ProblemChange,
} from '@shared/domain/events/problemEvents';
import { sameValue } from '@shared/domain/events/patch';
import { insertByDay, mergeProblems } from '@shared/domain/meetings';
import type { Problem, ProblemEvent, ProblemSource } from '@shared/domain/records';

const T = 1_764_552_600_000;
const DAYS = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];

function problem(over: Partial<Problem> = {}): Problem {
  return {
    id: 'q1',
    title: '小区北门下水道堵塞',
    category: '环境卫生',
    place: '北门',
    raisedDay: DAYS[1]!,
    status: '待研究',
    sources: [{ kind: '入户走访', day: DAYS[1]!, by: 's0', residentId: 'r1', visitId: 'v0' }],
    decisions: [],
    createdAt: T,
    createdBy: 's0',
    updatedAt: T,
    updatedBy: 's0',
    ...over,
  };
}

type Desk = { no: number; last?: string; known: ProblemEvent[] };

const opening = (p: Problem): ProblemEvent => ({
  id: 'open',
  problemId: p.id,
  at: T,
  by: 's0',
  action: '登记',
  clock: nextClock(undefined, T, 1),
  desk: 1,
  base: problemCoreOf(p),
});

const viewOf = (d: Desk): Problem => foldProblem(d.known) as unknown as Problem;

describe('two desks’ problem events merged in clock order', () => {
  it('fold to the same problem on both, keeping every source and decision of both', () => {
    const step = fc.record({
      desk: fc.integer({ min: 1, max: 2 }),
      op: fc.integer({ min: 0, max: 4 }),
      jump: fc.integer({ min: -5000, max: 5000 }),
      day: fc.integer({ min: 0, max: DAYS.length - 1 }),
      resident: fc.constantFrom('r1', 'r2', undefined),
      exchange: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const base = problem();
        const open = opening(base);
        const desks: Desk[] = [1, 2].map((no) => ({ no, last: open.clock, known: [open] }));
        const added = { visits: new Set(['v0']), notes: new Set<string>() };
        let wall = T;
        steps.forEach((s, i) => {
          const d = desks[s.desk - 1]!;
          wall += s.jump;
          const day = DAYS[s.day]!;
          const change: ProblemChange =
            s.op === 0 || s.op === 1
              ? {
                  type: '并入问题',
                  merged: [`other${i}`],
                  sources: [
                    {
                      kind: '入户走访',
                      day,
                      by: `s${d.no}`,
                      visitId: `w${i}`,
                      ...(s.resident ? { residentId: s.resident } : {}),
                    },
                  ],
                  raisedDay: day < viewOf(d).raisedDay ? day : viewOf(d).raisedDay,
                }
              : s.op === 2
                ? { type: '会议决定', decision: { type: '继续跟踪', note: `跟踪${i}`, meetingId: `m${i}`, day } }
                : s.op === 3
                  ? { type: '改挂居民', from: 'r1', to: 'r2' }
                  : { type: '改挂居民', from: 'r2', to: 'r1' };
          const r = problemStep(viewOf(d), change);
          if (typeof r === 'string') return;
          d.last = nextClock(d.last, wall, d.no);
          d.known.push({
            ...r,
            id: `${d.no}-${i}`,
            problemId: 'q1',
            at: wall,
            by: `s${d.no}`,
            action: change.type,
            clock: d.last,
            desk: d.no,
          });
          if (change.type === '并入问题') added.visits.add(`w${i}`);
          if (change.type === '会议决定') added.notes.add(`跟踪${i}`);
          if (s.exchange) {
            const other = desks[2 - s.desk]!;
            for (const e of d.known)
              if (!other.known.some((k) => k.id === e.id)) {
                other.known.push(e);
                other.last = observed(other.last, e.clock);
              }
          }
        });
        // Both desks learn every event.
        const all = [...new Map(desks.flatMap((d) => d.known).map((e) => [e.id, e])).values()];
        const a = foldProblem([...all].reverse())!;
        const b = foldProblem(all)!;
        expect(sameValue(a, b)).toBe(true);
        const final = a as unknown as Problem;
        expect(new Set(final.sources.map((x) => x.visitId))).toEqual(added.visits);
        expect(final.sources).toHaveLength(added.visits.size);
        expect(new Set(final.decisions.map((x) => (x.type === '继续跟踪' ? x.note : '')))).toEqual(added.notes);
        const days = (l: { day: string }[]) => l.map((x) => x.day);
        expect(days(final.sources)).toEqual([...days(final.sources)].sort());
        expect(days(final.decisions)).toEqual([...days(final.decisions)].sort());
      }),
      { numRuns: 150 },
    );
  });

  it('a rewrite of the whole list would lose one (the property bites on the old way)', () => {
    // Desk 1 and desk 2 each add a source offline; the old way recorded the whole list.
    const base = problem();
    const open = opening(base);
    const s1: ProblemSource = { kind: '入户走访', day: DAYS[2]!, by: 's1', visitId: 'v1' };
    const s2: ProblemSource = { kind: '入户走访', day: DAYS[3]!, by: 's2', visitId: 'v2' };
    const whole = (s: ProblemSource, desk: number): ProblemEvent => ({
      id: `w${desk}`,
      problemId: 'q1',
      at: T + desk,
      by: 's',
      action: '并入问题',
      clock: nextClock(open.clock, T + desk, desk),
      desk,
      decided: { set: { sources: [...base.sources, s] } },
    });
    const old = foldProblem([open, whole(s1, 1), whole(s2, 2)]) as unknown as Problem;
    expect(old.sources.map((s) => s.visitId)).toEqual(['v0', 'v2']);
    const appended = (s: ProblemSource, desk: number): ProblemEvent => ({
      ...whole(s, desk),
      decided: { set: {} },
      appended: { sources: [s] },
    });
    const now = foldProblem([open, appended(s1, 1), appended(s2, 2)]) as unknown as Problem;
    expect(now.sources.map((s) => s.visitId)).toEqual(['v0', 'v1', 'v2']);
  });
});

describe('the problem’s rules as steps', () => {
  it('a merge as events gives what mergeProblems gives: every source in day order, the earliest day, the case', () => {
    const into = problem({ sources: [{ kind: '入户走访', day: DAYS[2]!, by: 's0' }], raisedDay: DAYS[2]! });
    const other = problem({
      id: 'q2',
      caseId: 'c9',
      raisedDay: DAYS[0]!,
      sources: [
        { kind: '窗口诉求', day: DAYS[0]!, by: 's1', caseId: 'c9', residentId: 'r1' },
        { kind: '入户走访', day: DAYS[2]!, by: 's2' },
      ],
    });
    const r = mergeChanges(into, [other]);
    const old = mergeProblems(into, [other]);
    if (!r.ok || !old.ok) throw new Error('refused');
    const step = problemStep(into, r.into);
    if (typeof step === 'string') throw new Error(step);
    expect(problemCoreOf(applyProblemStep(into, step))).toEqual(problemCoreOf({ ...old.into, residentIds: [] }));
    const merged = problemStep(other, r.merged);
    if (typeof merged === 'string') throw new Error(merged);
    expect(applyProblemStep(other, merged)).toMatchObject({ status: '已合并', mergedInto: 'q1' });
    expect(problemStep(applyProblemStep(other, merged), r.merged)).toBe('“小区北门下水道堵塞”已合并到其他问题');
  });

  it('insertByDay keeps day order and the order of one day', () => {
    const l = (...d: [string, string][]) => d.map(([day, by]) => ({ day, by }));
    expect(insertByDay(l(['1', 'a'], ['3', 'b']), l(['2', 'c'], ['3', 'd'], ['0', 'e']))).toEqual(
      l(['0', 'e'], ['1', 'a'], ['2', 'c'], ['3', 'b'], ['3', 'd']),
    );
  });

  it('a relink moves every source of the resident, or with `only` just those named (each once)', () => {
    const a: ProblemSource = { kind: '入户走访', day: DAYS[0]!, by: 's', residentId: 'k' };
    const b: ProblemSource = { kind: '窗口诉求', day: DAYS[1]!, by: 's', residentId: 'k', caseId: 'c' };
    const c: ProblemSource = { kind: '入户走访', day: DAYS[0]!, by: 's', residentId: 'k' };
    expect(relinkSources([a, b], { from: 'k', to: 'm' }).map((s) => s.residentId)).toEqual(['m', 'm']);
    // By its index when it is still there; else the first equal one (another desk's source came in between).
    const only = [{ at: 2, source: sourceRefOf(c) }];
    expect(relinkSources([a, b, c], { from: 'k', to: 'm', only }).map((s) => s.residentId)).toEqual(['k', 'k', 'm']);
    expect(
      relinkSources([b, a, c], { from: 'k', to: 'm', only: [{ at: 0, source: sourceRefOf(c) }] }).map(
        (s) => s.residentId,
      ),
    ).toEqual(['k', 'm', 'k']);
    expect(problemStep(problem(), { type: '改挂居民', from: 'k', to: ' ' })).toBe('请选择保留的居民档案');
  });
});
