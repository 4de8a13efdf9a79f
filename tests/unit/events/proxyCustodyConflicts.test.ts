/**
 * Issue 24 item 6 for 帮代办 and 材料保管 (pure): the actions the rules refuse after two desks'
 * events are merged (one desk 移交s a document the other 归还s offline; one cancels a request the
 * other accepts) are listed as 同步冲突 with who, which desk and when; the fold keeps the recorded
 * decisions; a 确认同步冲突 event handles the events it names. Properties over random histories
 * of two desks: a desk alone never conflicts with itself, and a merged history without a listed
 * conflict is one the rules accept event by event, ending where the fold ends.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedCustodyActions, applyCustody, type CustodyAction } from '@shared/domain/custody';
import { allowedProxyActions, applyProxy, DEFAULT_PROXY_SETTINGS, type ProxyAction } from '@shared/domain/proxy';
import { nextClock } from '@shared/domain/events/clock';
import { custodyConflictsOf, custodyCoreOf, custodyDecision, foldCustody } from '@shared/domain/events/custodyEvents';
import {
  CANCEL_AFTER_ACCEPT,
  foldProxy,
  proxyConflictsOf,
  proxyCoreOf,
  proxyDecision,
} from '@shared/domain/events/proxyEvents';
import { pendingCustodyConflicts, pendingProxyConflicts } from '@shared/domain/events/syncConflicts';
import { acknowledgeConflicts, syncConflictAtOf } from '@shared/domain/events/refused';
import type { CustodyItem, CustodyItemEvent, EventInput, ProxyEvent, ProxyTask } from '@shared/domain/records';
import { createCalendar } from '@shared/domain/workingCalendar';

const T = Date.parse('2026-11-24T09:30:00+08:00');
const TODAY = '2026-11-24';
const STAMP = { createdAt: T, createdBy: 'a', updatedAt: T, updatedBy: 'a' };

/** A desk writing events: its clock, and a counter for ids. */
type EventDesk = { no: number; last?: string; n: number };
const deskNo = (no: number): EventDesk => ({ no, n: 0 });

function stamp(d: EventDesk, at: number, by: string) {
  d.last = nextClock(d.last, at, d.no);
  d.n += 1;
  return { id: `d${d.no}-${d.n}`, at, by, clock: d.last, desk: d.no };
}

// --- 材料保管 ---

const ITEM: CustodyItem = {
  ...STAMP,
  id: 'item-1',
  caseId: 'case-1',
  residentId: 'r1',
  document: '户口簿',
  original: true,
  count: 1,
  holder: { kind: 'staff', staffId: 'a' },
  status: '在外',
  collectedAt: T,
  events: [{ n: 1, type: '收取', from: { kind: 'resident' }, to: { kind: 'staff', staffId: 'a' }, at: T, by: 'a' }],
};
const opening = (d: EventDesk): CustodyItemEvent => ({
  ...stamp(d, T, 'a'),
  itemId: ITEM.id,
  caseId: ITEM.caseId,
  action: '收取',
  input: { type: '收取' },
  base: custodyCoreOf(ITEM),
});

/** `by` takes `action` on `item` at `at` on desk `d`, as the door does: the next item and its event. */
function custodyStep(d: EventDesk, item: CustodyItem, action: CustodyAction, by: string, at: number) {
  const r = applyCustody(item, action, { actorId: by, now: at });
  if (!r.ok) throw new Error(r.reason);
  const next: CustodyItem = { ...item, ...r.next };
  const event: CustodyItemEvent = {
    ...stamp(d, at, by),
    itemId: item.id,
    caseId: item.caseId,
    action: action.type,
    input: action as unknown as EventInput,
    decided: custodyDecision(item, next),
  };
  return { next, event };
}

/** A 确认同步冲突 event naming `eventIds` (its decision: nothing the fold keeps). */
const ack = (d: EventDesk, at: number, eventIds: string[]) => ({
  ...stamp(d, at, 'a'),
  action: '确认同步冲突',
  input: { type: '确认同步冲突', eventIds, note: '已核实' },
  decided: { set: {} },
});

describe('材料保管: 移交 on one desk, 归还 on the other', () => {
  const d1 = deskNo(1);
  const d2 = deskNo(2);
  const open = opening(d1);
  const moved = custodyStep(d1, ITEM, { type: '移交', to: { kind: 'staff', staffId: 'b' } }, 'a', T + 60_000);
  const returned = custodyStep(d2, ITEM, { type: '归还' }, 'a', T + 120_000);
  const merged = [returned.event, open, moved.event]; // any arrival order

  it('lists the later 归还 as refused (only the holder returns it), with who, desk and when', () => {
    expect(custodyConflictsOf(merged)).toEqual([
      { eventId: returned.event.id, action: '归还', reason: '该材料现由工作人员保管，只有保管人可以办理' },
    ]);
    expect(pendingCustodyConflicts(merged)).toEqual([
      {
        eventId: returned.event.id,
        action: '归还',
        reason: '该材料现由工作人员保管，只有保管人可以办理',
        by: 'a',
        desk: 2,
        at: T + 120_000,
      },
    ]);
  });

  it('the fold keeps both recorded decisions: returned to the resident, both steps on the item', () => {
    const fold = foldCustody(merged) as CustodyItem;
    expect(fold).toMatchObject({ status: '已归还', holder: { kind: 'resident' } });
    expect(fold.events.map((e) => e.type)).toEqual(['收取', '移交', '归还']);
  });

  it('neither desk alone conflicts; a 确认同步冲突 event handles the refused one on every desk', () => {
    expect(custodyConflictsOf([open, moved.event])).toEqual([]);
    expect(custodyConflictsOf([open, returned.event])).toEqual([]);
    const handled = { ...ack(d1, T + 180_000, [returned.event.id]), itemId: ITEM.id, caseId: ITEM.caseId };
    expect(pendingCustodyConflicts([...merged, handled])).toEqual([]);
    // Naming another event handles nothing here.
    const other = { ...ack(d1, T + 180_000, ['elsewhere']), itemId: ITEM.id, caseId: ITEM.caseId };
    expect(pendingCustodyConflicts([...merged, other])).toHaveLength(1);
  });
});

// --- 帮代办 ---

const TASK: ProxyTask = {
  ...STAMP,
  id: 'task-1',
  residentId: 'r1',
  source: '电话',
  status: '待确认',
  request: '代办',
  requestedDay: TODAY,
};
const proxyCtx = (by: string, at: number) => ({
  actorId: by,
  now: at,
  today: TODAY,
  settings: DEFAULT_PROXY_SETTINGS,
  calendar: createCalendar(),
  originalsOut: [],
});
const proxyOpening = (d: EventDesk): ProxyEvent => ({
  ...stamp(d, T, 'a'),
  taskId: TASK.id,
  action: '登记',
  base: proxyCoreOf(TASK),
});

function proxyStep(d: EventDesk, task: ProxyTask, action: ProxyAction, by: string, at: number) {
  const r = applyProxy(task, action, proxyCtx(by, at));
  if (!r.ok) throw new Error(r.reason);
  const next: ProxyTask = { ...task, ...r.next };
  const event: ProxyEvent = {
    ...stamp(d, at, by),
    taskId: task.id,
    action: action.type,
    from: task.status,
    to: next.status,
    input: action as unknown as EventInput,
    decided: proxyDecision(task, next),
  };
  return { next, event };
}

describe('帮代办: one desk cancels a request, the other accepts it', () => {
  const d1 = deskNo(1);
  const d2 = deskNo(2);
  const open = proxyOpening(d1);
  const cancelled = proxyStep(d1, TASK, { type: '取消', reason: '居民撤回' }, 'a', T + 60_000);
  const accepted = proxyStep(d2, TASK, { type: '受理', caseId: 'case-9' }, 'b', T + 120_000);

  it('the later 受理 is refused with the rule’s own reason, by whom and where', () => {
    const merged = [accepted.event, cancelled.event, open];
    expect(pendingProxyConflicts(merged)).toEqual([
      { eventId: accepted.event.id, action: '受理', reason: '已取消的代办不能受理', by: 'b', desk: 2, at: T + 120_000 },
    ]);
    // The fold keeps the recorded decisions: accepted last (its case), the cancellation kept too.
    expect(foldProxy(merged)).toMatchObject({ status: '待上门', caseId: 'case-9', cancel: { reason: '居民撤回' } });
  });

  it('accepted first: the cancellation, decided before the 受理 was seen, is listed (its case stays open)', () => {
    const early = proxyStep(deskNo(3), TASK, { type: '受理', caseId: 'case-9' }, 'b', T + 30_000);
    expect(proxyConflictsOf([open, early.event, cancelled.event])).toEqual([
      { eventId: cancelled.event.id, action: '取消', reason: CANCEL_AFTER_ACCEPT },
    ]);
    // A cancellation decided on the accepted request (the desk had seen the 受理) is an ordinary one.
    const seen = proxyStep(deskNo(4), early.next, { type: '取消', reason: '居民撤回' }, 'a', T + 60_000);
    expect(proxyConflictsOf([open, early.event, seen.event])).toEqual([]);
  });

  it('the acknowledgement removes the handled conflicts from the record, needs a note, refuses when none', () => {
    const c = pendingProxyConflicts([open, cancelled.event, accepted.event]);
    const record = { ...TASK, syncConflicts: c };
    expect(syncConflictAtOf(record)).toBe(T + 120_000);
    expect(acknowledgeConflicts(record, { eventIds: [c[0]!.eventId], note: ' ' }, '该代办')).toBe('请填写处理说明');
    expect(acknowledgeConflicts(record, { eventIds: [], note: '已核实' }, '该代办')).toBe('该代办没有待处理的同步冲突');
    const done = acknowledgeConflicts(record, { eventIds: [c[0]!.eventId], note: ' 已核实 ' }, '该代办');
    expect(done).toEqual({ next: TASK, note: '确认同步冲突：已核实' });
    expect(syncConflictAtOf(TASK)).toBeUndefined();
  });
});

// --- Properties over two desks' random histories ---

/** A random step: who acts (index into the staff), which allowed action (index), and where to. */
const stepArb = fc.record({ who: fc.nat(2), pick: fc.nat(9), to: fc.nat(3) });
const STAFF = ['a', 'b', 'c'];
const OTHER_HOLDERS = [
  { kind: 'cabinet' as const },
  { kind: 'street' as const, name: '岳麓街道' },
  { kind: 'department' as const, name: '区残联' },
];

/** The custody action `step` picks among those the rules allow `by` now, or undefined (none). */
function custodyActionOf(item: CustodyItem, step: Step) {
  const by = STAFF[step.who]!;
  const allowed = allowedCustodyActions(item, by).filter((t) => t !== '收取');
  if (allowed.length === 0) return undefined;
  const type = allowed[step.pick % allowed.length]!;
  const others = STAFF.filter((s) => s !== by).map((staffId) => ({ kind: 'staff' as const, staffId }));
  const targets = [...others, ...OTHER_HOLDERS];
  const action: CustodyAction =
    type === '移交'
      ? { type, to: targets[step.to % targets.length]! }
      : type === '留存'
        ? { type, reason: '部门留存' }
        : type === '遗失损坏'
          ? { type, report: '途中遗失' }
          : ({ type } as CustodyAction);
  return { by, action };
}

/** Each desk takes its steps on its own copy of the item (offline); their times interleave. */
function twoDeskCustody(steps1: StepList, steps2: StepList) {
  const desks = [deskNo(1), deskNo(2)] as const;
  const open = opening(desks[0]);
  const own: CustodyItemEvent[][] = [[], []];
  [steps1, steps2].forEach((steps, k) => {
    let item = ITEM;
    steps.forEach((s, i) => {
      const chosen = custodyActionOf(item, s);
      if (!chosen) return;
      const r = custodyStep(desks[k]!, item, chosen.action, chosen.by, T + (i + 1) * 1000 + k * 500);
      item = r.next;
      own[k]!.push(r.event);
    });
  });
  return { open, own };
}
type StepList = Step[];
type Step = { who: number; pick: number; to: number };

describe('properties over two desks’ histories', () => {
  const steps = fc.array(stepArb, { maxLength: 6 });

  it('材料保管: a desk alone never conflicts; merged without a conflict, the rules accept every event and end at the fold', () => {
    fc.assert(
      fc.property(steps, steps, (s1, s2) => {
        const { open, own } = twoDeskCustody(s1, s2);
        expect(custodyConflictsOf([open, ...own[0]!])).toEqual([]);
        expect(custodyConflictsOf([open, ...own[1]!])).toEqual([]);
        const merged = [open, ...own[0]!, ...own[1]!];
        const conflicts = custodyConflictsOf(merged);
        // Handled all at once, nothing is pending; a subset handled leaves the rest.
        const ids = conflicts.map((c) => c.eventId);
        expect(
          pendingCustodyConflicts([
            ...merged,
            { ...ack(deskNo(3), T + 99_000, ids), itemId: ITEM.id, caseId: ITEM.caseId },
          ]),
        ).toEqual([]);
        const half = ids.slice(0, 1);
        const rest = pendingCustodyConflicts([
          ...merged,
          { ...ack(deskNo(3), T + 99_000, half), itemId: ITEM.id, caseId: ITEM.caseId },
        ]);
        expect(rest.map((c) => c.eventId)).toEqual(ids.slice(1));
        if (conflicts.length > 0) return;
        // No refused action: replaying the merged events through the rules, as their authors, succeeds
        // every time and ends where the fold ends.
        let item = ITEM;
        for (const e of [...own[0]!, ...own[1]!].sort((a, b) => (a.clock < b.clock ? -1 : 1))) {
          const r = applyCustody(item, e.input as unknown as CustodyAction, { actorId: e.by, now: e.at });
          expect(r.ok).toBe(true);
          if (r.ok) item = { ...item, ...r.next };
        }
        const fold = foldCustody(merged) as CustodyItem;
        expect({ holder: fold.holder, status: fold.status }).toEqual({ holder: item.holder, status: item.status });
      }),
      { numRuns: 200 },
    );
  });

  it('帮代办: a desk alone never conflicts; merged without a conflict, the rules accept every event and end at the fold', () => {
    const INPUTS: Record<string, ProxyAction> = {
      受理: { type: '受理', caseId: 'case-1' },
      预约上门: { type: '预约上门', day: TODAY, slot: '上午', staffIds: ['a', 'b'] },
      上门完成: { type: '上门完成' },
      办理完毕: { type: '办理完毕' },
      送达: { type: '送达', method: '来站领取', at: T, by: 'a' },
      取消: { type: '取消', reason: '居民撤回' },
      委托书回收: { type: '委托书回收', day: TODAY, keptAt: '档案柜 1 号' },
    };
    fc.assert(
      fc.property(steps, steps, (s1, s2) => {
        const desks = [deskNo(1), deskNo(2)] as const;
        const open = proxyOpening(desks[0]);
        const own: ProxyEvent[][] = [[], []];
        [s1, s2].forEach((list, k) => {
          let task = TASK;
          list.forEach((s, i) => {
            const allowed = allowedProxyActions(task);
            if (allowed.length === 0) return;
            const action = INPUTS[allowed[s.pick % allowed.length]!]!;
            const r = proxyStep(desks[k]!, task, action, STAFF[s.who]!, T + (i + 1) * 1000 + k * 500);
            task = r.next;
            own[k]!.push(r.event);
          });
        });
        expect(proxyConflictsOf([open, ...own[0]!])).toEqual([]);
        expect(proxyConflictsOf([open, ...own[1]!])).toEqual([]);
        const merged = [open, ...own[0]!, ...own[1]!];
        if (proxyConflictsOf(merged).length > 0) return;
        let task = TASK;
        for (const e of [...own[0]!, ...own[1]!].sort((a, b) => (a.clock < b.clock ? -1 : 1))) {
          const r = applyProxy(task, e.input as unknown as ProxyAction, proxyCtx(e.by, e.at));
          expect(r.ok).toBe(true);
          if (r.ok) task = { ...task, ...r.next };
        }
        expect((foldProxy(merged) as ProxyTask).status).toBe(task.status);
      }),
      { numRuns: 200 },
    );
  });
});
