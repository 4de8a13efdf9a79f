/**
 * The event clock and the fold across desks (issue 23):
 * - the clock: a desk's stamps strictly increase whatever its PC clock does (set back, frozen),
 *   stamps of two desks never collide, and string order is the (wall, counter, desk) order;
 * - two desks act on the same case offline with PC clocks that disagree, exchanging events now
 *   and then: each desk's record is the fold of the events it knows, and once both know every
 *   event, both folds are the same state; the order of the merged history keeps each desk's own
 *   order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseAction } from '@shared/domain/caseMachine';
import { compareClocks, nextClock, observed, parseClock } from '@shared/domain/events/clock';
import { caseCoreOf, caseConflictsOf, foldCase } from '@shared/domain/events/caseEvents';
import { inClockOrder } from '@shared/domain/events/patch';
import type { CaseEvent, CaseRecord } from '@shared/domain/records';
import { actOn, calendar, DAY, exchange, openingEvent, T, type KnowingDesk } from './deskExchange';

describe('the event clock', () => {
  it('never runs backwards on a desk, never collides between desks, sorts as its parts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: -5000, max: 5000 })), { maxLength: 80 }),
        (steps) => {
          const last: Record<number, string | undefined> = {};
          let wall = 1_764_748_800_000;
          const issued: string[] = [];
          for (const [desk, jump] of steps) {
            wall += jump; // the PC clock may go back
            const stamp = nextClock(last[desk], wall, desk);
            if (last[desk]) expect(compareClocks(stamp, last[desk]!)).toBe(1);
            last[desk] = stamp;
            issued.push(stamp);
          }
          expect(new Set(issued).size).toBe(issued.length);
          const byParts = [...issued].sort((a, b) => {
            const x = parseClock(a)!;
            const y = parseClock(b)!;
            return x.wall - y.wall || x.counter - y.counter || x.desk - y.desk;
          });
          expect([...issued].sort()).toEqual(byParts);
        },
      ),
      { numRuns: 200 },
    );
  });
});

function accepted(): CaseRecord {
  return {
    id: 'c1',
    trackingNumber: 'THL-20261201-0001',
    matterCode: 'DY-001',
    matterName: '党员组织关系转接',
    mode: '承诺件',
    status: '已受理',
    acceptedDay: DAY,
    deadline: calendar.addWorkingDays(DAY, 5).date,
    timeLimitDays: 5,
    documentsReceived: ['身份证'],
    documentsMissing: [],
    firstContactId: 's1',
    handlerId: 's1',
    createdAt: T,
    createdBy: 's1',
    updatedAt: T,
    updatedBy: 's1',
  };
}

/** Actions with their payloads; who acts: s1 (站长/管理员) or s2 (值班员). */
const ACTIONS: CaseAction[] = [
  { type: '开始办理' },
  { type: '要求补正', missing: ['户口簿'] },
  { type: '补正材料', received: ['户口簿'] },
  { type: '转办', toStaffId: 's2' },
  { type: '签收' },
  { type: '退回', reason: '不属于本岗位' },
  { type: '办结', result: '已办好', notifiedBy: '电话', needsCallback: false },
  { type: '重新办理', reason: '居民要求再办' },
  { type: '不予受理', reason: '不符合条件', redirectTo: '街道' },
];

type Desk = KnowingDesk<CaseEvent>;

/** The desk's view: the fold of the events it knows (what its doors stored). */
const viewOf = (d: Desk): CaseRecord => ({ ...accepted(), ...(foldCase(d.known) as Partial<CaseRecord>) });

describe('two desks offline on one case', () => {
  it('fold to the same state on both once they know each other’s events', () => {
    const opening = openingEvent(accepted());
    fc.assert(
      fc.property(
        fc.integer({ min: -3_600_000, max: 3_600_000 }),
        fc.array(
          fc.record({
            desk: fc.integer({ min: 0, max: 1 }),
            action: fc.integer({ min: 0, max: ACTIONS.length - 1 }),
            admin: fc.boolean(),
            minutes: fc.integer({ min: 0, max: 600 }),
            exchange: fc.boolean(),
          }),
          { maxLength: 30 },
        ),
        (skew, steps) => {
          const desks: Desk[] = [
            { no: 1, skew: 0, last: opening.clock, known: [opening] },
            { no: 2, skew, last: undefined, known: [opening] },
          ];
          desks[1]!.last = observed(undefined, opening.clock!);
          let wall = T;
          let n = 0;
          for (const step of steps) {
            wall += step.minutes * 60_000;
            const d = desks[step.desk]!;
            const before = viewOf(d);
            const actor = step.admin ? { staffId: 's1', isAdmin: true } : { staffId: 's2', isAdmin: false };
            const action = ACTIONS[step.action]!;
            const now = wall + d.skew;
            const after = actOn(d, before, action, actor, now, `e${++n}`);
            // What the desk stored is the fold of what it knows.
            if (after) expect(caseCoreOf(viewOf(d))).toEqual(caseCoreOf(after));
            if (step.exchange) exchange(desks[0]!, desks[1]!);
          }
          exchange(desks[0]!, desks[1]!);
          const [a, b] = desks;
          expect(caseCoreOf(viewOf(a!))).toEqual(caseCoreOf(viewOf(b!)));
          expect(caseConflictsOf(a!.known)).toEqual(caseConflictsOf(b!.known));
          // The merged order keeps each desk's own order of its events.
          const merged = inClockOrder(a!.known);
          for (const no of [1, 2]) {
            const own = merged.filter((e) => e.desk === no && e.id !== 'e-open').map((e) => Number(e.id.slice(1)));
            expect(own).toEqual([...own].sort((x, y) => x - y));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
