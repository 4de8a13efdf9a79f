/**
 * The custody rules (shared/domain/custody) as a table, and a property: over random sequences
 * of custody actions by random staff, the rule table and a deliberately simple model written
 * here (a holder string and a settled flag, with the rules restated plainly) always agree on
 * what is refused, who holds each item and whether it is settled.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allowedCustodyActions,
  applyCustody,
  closingRefusal,
  type CustodyAction,
  type CustodyState,
} from '@shared/domain/custody';

const ctx = (actorId: string, now = 1) => ({ actorId, now });
function run(actions: [string, CustodyAction][]): CustodyState | string {
  let s: CustodyState | undefined;
  for (const [actor, a] of actions) {
    const r = applyCustody(s, a, ctx(actor));
    if (!r.ok) return r.reason;
    s = r.next;
  }
  return s!;
}
const collected: [string, CustodyAction] = ['s1', { type: '收取' }];
const street = { kind: 'street' as const, name: '岳麓街道政务服务中心' };

describe('custody rules, as a table', () => {
  const cases: [string, [string, CustodyAction][], string | RegExp | ((s: CustodyState) => void)][] = [
    ['no 归还 before 收取', [['s1', { type: '归还' }]], '该材料尚未收取'],
    ['no second 收取 of the same item', [collected, ['s1', { type: '收取' }]], '该材料已收取过，不能重复收取'],
    [
      'no hand-over by someone who does not hold it',
      [collected, ['s2', { type: '移交', to: street }]],
      /只有保管人可以办理/,
    ],
    [
      'no hand-over to oneself',
      [collected, ['s1', { type: '移交', to: { kind: 'staff', staffId: 's1' } }]],
      /不能是自己/,
    ],
    [
      'a colleague who received it may hand it on; the one who gave it may not',
      [collected, ['s1', { type: '移交', to: { kind: 'staff', staffId: 's2' } }], ['s1', { type: '归还' }]],
      /只有保管人可以办理/,
    ],
    [
      'from the street office it is fetched (取回) before it goes home',
      [collected, ['s1', { type: '移交', to: street }], ['s1', { type: '归还' }]],
      /只有保管人可以办理/,
    ],
    [
      '取回 then 归还 settles it with the resident',
      [collected, ['s1', { type: '移交', to: street }], ['s2', { type: '取回' }], ['s2', { type: '归还' }]],
      (s) =>
        expect([s.status, s.holder, s.events.map((e) => e.type)]).toEqual([
          '已归还',
          { kind: 'resident' },
          ['收取', '移交', '取回', '归还'],
        ]),
    ],
    [
      '留存 only at a department or the street',
      [collected, ['s1', { type: '留存', reason: '按规定留存' }]],
      /只有交给部门或街道/,
    ],
    [
      '留存 needs its reason, and settles',
      [collected, ['s1', { type: '移交', to: street }], ['s1', { type: '留存', reason: '街道按规定留存原件' }]],
      (s) => expect([s.status, s.events.at(-1)?.note]).toEqual(['已留存', '街道按规定留存原件']),
    ],
    ['遗失损坏 needs a report', [collected, ['s1', { type: '遗失损坏', report: ' ' }]], '请填写遗失或损坏的情况说明'],
    [
      'nothing after it is settled',
      [collected, ['s1', { type: '归还' }], ['s1', { type: '移交', to: street }]],
      /不在外/,
    ],
  ];
  for (const [name, actions, expected] of cases)
    it(name, () => {
      const out = run(actions);
      if (typeof expected === 'function') {
        expect(typeof out).toBe('object');
        expected(out as CustodyState);
      } else if (typeof expected === 'string') expect(out).toBe(expected);
      else expect(out).toMatch(expected);
    });

  it('offers only what the actor may do; closing is refused naming the originals still out', () => {
    const s = run([collected]) as CustodyState;
    expect(allowedCustodyActions(undefined, 's1')).toEqual(['收取']);
    expect(allowedCustodyActions(s, 's1')).toEqual(['移交', '归还', '遗失损坏']);
    expect(allowedCustodyActions(s, 's2')).toEqual(['遗失损坏']);
    const items = [
      { document: '户口簿', original: true, status: '在外' as const },
      { document: '身份证复印件', original: false, status: '在外' as const },
      { document: '残疾证', original: true, status: '已留存' as const },
    ];
    expect(closingRefusal(items)).toBe('以下原件尚未归还居民（或登记留存、遗失）：户口簿');
    expect(closingRefusal(items.slice(1))).toBeNull();
  });
});

// --- the property: the rule table against a plain model ---
type ModelItem = { holder: string | null; settled: boolean };
const STAFF = ['s1', 's2', 's3'];

/** The rules restated as plainly as possible: holder is 'staff:<id>', 'cabinet', 'street', 'resident' or null (not collected). */
function model(m: ModelItem, actor: string, a: CustodyAction): ModelItem | null {
  const mine = m.holder === `staff:${actor}` && !m.settled;
  const away = (m.holder === 'cabinet' || m.holder === 'street') && !m.settled;
  switch (a.type) {
    case '收取':
      return m.holder === null ? { holder: `staff:${actor}`, settled: false } : null;
    case '移交': {
      if (!mine) return null;
      const to = a.to.kind === 'staff' ? `staff:${a.to.staffId}` : a.to.kind === 'cabinet' ? 'cabinet' : 'street';
      return to === `staff:${actor}` ? null : { holder: to, settled: false };
    }
    case '取回':
      return away ? { holder: `staff:${actor}`, settled: false } : null;
    case '归还':
      return mine ? { holder: 'resident', settled: true } : null;
    case '留存':
      return m.holder === 'street' && !m.settled ? { holder: 'street', settled: true } : null;
    case '遗失损坏':
      return m.holder !== null && !m.settled ? { ...m, settled: true } : null;
  }
}

const holderOf = (s: CustodyState | undefined) =>
  !s
    ? null
    : s.holder.kind === 'staff'
      ? `staff:${s.holder.staffId}`
      : s.holder.kind === 'department'
        ? 'street'
        : s.holder.kind;

const actionArb: fc.Arbitrary<CustodyAction> = fc.oneof(
  fc.constant({ type: '收取' as const }),
  fc.constantFrom(...STAFF).map((id) => ({ type: '移交' as const, to: { kind: 'staff' as const, staffId: id } })),
  fc.constant({ type: '移交' as const, to: { kind: 'cabinet' as const } }),
  fc.constant({ type: '移交' as const, to: street }),
  fc.constant({ type: '取回' as const }),
  fc.constant({ type: '归还' as const }),
  fc.constant({ type: '留存' as const, reason: '部门留存' }),
  fc.constant({ type: '遗失损坏' as const, report: '登记遗失' }),
);

describe('custody property', () => {
  it('the holder and the settled state always agree with the plain model', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...STAFF), actionArb), { maxLength: 40 }), (steps) => {
        let s: CustodyState | undefined;
        let m: ModelItem = { holder: null, settled: false };
        for (const [actor, a] of steps) {
          const r = applyCustody(s, a, ctx(actor));
          const expected = model(m, actor, a);
          expect(r.ok).toBe(expected !== null);
          if (r.ok && expected) {
            s = r.next;
            m = expected;
          }
          expect(holderOf(s)).toBe(m.holder);
          expect(s ? s.status !== '在外' : false).toBe(m.settled);
          // The chain never loses an event and each starts where the last ended.
          const ev = s?.events ?? [];
          ev.forEach((e, i) => i > 0 && expect(e.from).toEqual(ev[i - 1]!.to));
        }
      }),
      { numRuns: 500 },
    );
  });
});
