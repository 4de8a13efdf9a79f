/**
 * Appended lists fold as appends (issue 23): an event records a list that grew as "append these
 * items" (shared/domain/events/fieldEdits.ts), so two desks adding 处理反馈 (and the other
 * escalation steps) to one case offline both keep their items once their events are merged
 * (an item whose escalation the other desk closed first is a 同步冲突, issue 24, never lost);
 * events recorded before (whole-list patches) fold as they always did.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAction, caseStateFromRecord, recordWithState, type CaseAction } from '@shared/domain/caseMachine';
import { nextClock, observed } from '@shared/domain/events/clock';
import { caseConflictsOf, caseCoreOf, caseDecision, foldCase } from '@shared/domain/events/caseEvents';
import { applyPatch, diffRecord, foldRecord } from '@shared/domain/events/patch';
import type { CaseEvent, CaseRecord, Escalation } from '@shared/domain/records';
import { actOn, calendar, DAY, exchange, openingEvent, T, type KnowingDesk } from './deskExchange';

const escalation: Escalation = {
  level: '日常',
  request: '路灯损坏，请街道城管科维修',
  office: '城管科',
  raisedAt: T - 3_600_000,
  raisedDay: DAY,
  raisedBy: 's1',
  stage: '已报到',
  checkIn: { who: '城管科', at: T - 1_800_000, recordedBy: 's1' },
  feedback: [],
};

function escalated(): CaseRecord {
  return {
    id: 'c1',
    trackingNumber: 'THL-20261201-0001',
    matterCode: 'SQ-001',
    matterName: '社区吹哨',
    mode: '承诺件',
    status: '已上报街道',
    acceptedDay: DAY,
    deadline: calendar.addWorkingDays(DAY, 5).date,
    timeLimitDays: 5,
    documentsReceived: ['身份证'],
    documentsMissing: ['户口簿', '房产证'],
    firstContactId: 's1',
    handlerId: 's1',
    escalations: [escalation],
    createdAt: T,
    createdBy: 's1',
    updatedAt: T,
    updatedBy: 's1',
  };
}

const opening = (): CaseEvent => openingEvent(escalated());

describe('a list that grew is recorded as its new items', () => {
  it('处理反馈 appends to the open escalation’s feedback; folding it gives the record', () => {
    const before = escalated();
    const r = applyAction(
      caseStateFromRecord(before),
      { type: '处理反馈', text: '已派人维修' },
      ADMIN,
      at(T),
      calendar,
    );
    if (!r.ok) throw new Error(r.reason);
    const after = recordWithState(before, r.next);
    const patch = caseDecision(before, after);
    expect(patch.set).toEqual({});
    expect(patch.edits).toEqual([
      {
        path: ['escalations', { index: 0, key: 'raisedAt', value: escalation.raisedAt }, 'stage'],
        op: 'set',
        value: '已反馈',
      },
      {
        path: ['escalations', { index: 0, key: 'raisedAt', value: escalation.raisedAt }, 'feedback'],
        op: 'append',
        items: [{ text: '已派人维修', at: T, recordedBy: 's1' }],
      },
    ]);
    expect(applyPatch(caseCoreOf(before), patch)).toEqual(caseCoreOf(after));
  });

  it('documents checked off on two desks are both checked off (append and remove by item)', () => {
    const base = caseCoreOf(escalated());
    const one = diffRecord(base, { ...base, documentsReceived: ['身份证', '户口簿'], documentsMissing: ['房产证'] });
    const two = diffRecord(base, { ...base, documentsReceived: ['身份证', '房产证'], documentsMissing: ['户口簿'] });
    const both = applyPatch(applyPatch(base, one), two);
    expect(both.documentsReceived).toEqual(['身份证', '户口簿', '房产证']);
    expect(both.documentsMissing).toEqual([]);
  });

  it('a field that did not grow or shrink is still recorded whole; an edit whose item is gone is skipped', () => {
    expect(diffRecord({ a: [1, 2], b: { x: 1 } }, { a: [2, 1], b: { x: 2 } })).toEqual({
      set: { a: [2, 1], b: { x: 2 } },
    });
    const patch = diffRecord({ list: [{ id: 'p', tags: [] }] }, { list: [{ id: 'p', tags: ['t'] }] });
    expect(applyPatch({ list: [{ id: 'q', tags: [] }] }, patch)).toEqual({ list: [{ id: 'q', tags: [] }] });
    expect(applyPatch({ list: [{ id: 'q' }, { id: 'p', tags: [] }] }, patch)).toEqual({
      list: [{ id: 'q' }, { id: 'p', tags: ['t'] }],
    });
  });

  it('events recorded before (whole-list patches) fold as they always did', () => {
    const fb = (text: string) => ({ text, at: T, recordedBy: 's1' });
    const old = (id: string, minute: number, feedback: ReturnType<typeof fb>[]): CaseEvent => ({
      id,
      caseId: 'c1',
      at: T + minute * 60_000,
      by: 's1',
      action: '处理反馈',
      clock: nextClock(undefined, T + minute * 60_000, 1),
      desk: 1,
      decided: { set: { escalations: [{ ...escalation, stage: '已反馈', feedback }] } },
    });
    const folded = foldRecord<CaseRecord>([opening(), old('e1', 1, [fb('一')]), old('e2', 2, [fb('二')])]);
    expect(folded?.escalations?.[0]?.feedback).toEqual([fb('二')]);
  });
});

const ADMIN = { staffId: 's1', isAdmin: true };
const at = (now: number) => ({ now, today: DAY });

/** The escalation steps, each a function of a step number (feedback texts are unique). */
const STEPS: ((n: number, now: number) => CaseAction)[] = [
  (n) => ({ type: '处理反馈', text: `反馈${n}` }),
  (n) => ({ type: '处理反馈', text: `反馈${n}` }),
  (n) =>
    n % 2 === 0
      ? { type: '核实结项', solved: true, result: '已解决', notifiedBy: '电话', needsCallback: false }
      : { type: '核实结项', solved: false, note: '未解决，继续跟进' },
  () => ({ type: '评价部门', rating: '满意' }),
  (n) => ({ type: '上报街道', level: '日常', request: `事项${n}`, office: '城管科' }),
  (_n, now) => ({ type: '报到', unit: '城管科', at: now }),
];

/** A desk, with the 处理反馈 it recorded: the event's id and the text. */
type Desk = KnowingDesk<CaseEvent> & { feedback: { eventId: string; text: string }[] };
const viewOf = (d: Desk): CaseRecord => ({ ...escalated(), ...(foldCase(d.known) as Partial<CaseRecord>) });

describe('two desks record escalation steps on one case offline', () => {
  it('fold to the same state on both, with every feedback item of both on its escalation or a 同步冲突', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3_600_000, max: 3_600_000 }),
        fc.array(
          fc.record({
            desk: fc.integer({ min: 0, max: 1 }),
            step: fc.integer({ min: 0, max: STEPS.length - 1 }),
            minutes: fc.integer({ min: 0, max: 120 }),
            exchange: fc.boolean(),
          }),
          { maxLength: 30 },
        ),
        (skew, steps) => {
          const open = opening();
          const desks: Desk[] = [
            { no: 1, skew: 0, last: open.clock, known: [open], feedback: [] },
            { no: 2, skew: skew + 1, last: observed(undefined, open.clock!), known: [open], feedback: [] },
          ];
          let wall = T;
          let n = 0;
          const raisedOf = new Map<string, number>();
          steps.forEach((s, i) => {
            wall += s.minutes * 60_000;
            const d = desks[s.desk]!;
            const before = viewOf(d);
            const now = wall + d.skew;
            const action = STEPS[s.step]!(i, now);
            const after = actOn(d, before, action, ADMIN, now, `e${++n}`);
            if (!after) return;
            expect(caseCoreOf(viewOf(d))).toEqual(caseCoreOf(after));
            if (action.type === '处理反馈') {
              d.feedback.push({ eventId: `e${n}`, text: action.text });
              raisedOf.set(action.text, after.escalations!.at(-1)!.raisedAt);
            }
            if (s.exchange) exchange(desks[0]!, desks[1]!);
          });
          exchange(desks[0]!, desks[1]!);
          const [a, b] = [viewOf(desks[0]!), viewOf(desks[1]!)];
          expect(caseCoreOf(a)).toEqual(caseCoreOf(b));
          const conflicts = caseConflictsOf(desks[0]!.known);
          expect(conflicts).toEqual(caseConflictsOf(desks[1]!.known));
          // Every item recorded is on its escalation, or its event is a 同步冲突 (the escalation
          // was closed on the other desk first): never silently gone.
          const refused = new Set(conflicts.map((c) => c.eventId));
          const kept = (a.escalations ?? []).flatMap((e) => e.feedback.map((f) => [f.text, e.raisedAt] as const));
          const recorded = [...desks[0]!.feedback, ...desks[1]!.feedback].filter((f) => !refused.has(f.eventId));
          expect(kept.map(([text]) => text).sort()).toEqual(recorded.map((f) => f.text).sort());
          for (const [text, raisedAt] of kept) expect(raisedAt).toBe(raisedOf.get(text));
        },
      ),
      { numRuns: 150 },
    );
  });
});
