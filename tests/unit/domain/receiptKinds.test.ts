/**
 * The paper a case gives the resident, decided once (shared/domain/receiptKinds): written out
 * by hand per situation, and the same answer at the counter (planCase) as on a reprint of the
 * stored case.
 */
import { describe, expect, it } from 'vitest';
import { receiptKindsFor, type ReceiptFacts } from '../../../shared/domain/receiptKinds';
import { planCase, COUNTER_MODES, type CaseDraft } from '../../../shared/domain/intake';
import { createCalendar } from '../../../shared/domain/workingCalendar';
import { TEST_MATTER } from './helpers';

const none: string[] = [];
const CASES: [string, ReceiptFacts, string[]][] = [
  ['不予受理', { status: '不予受理', mode: '不予受理', documentsMissing: none }, ['不予受理告知书']],
  [
    'refused earlier, reopened record still carries the reason',
    { status: '不予受理', mode: '承诺件', documentsMissing: none, refusalReason: '不属于社区受理范围' },
    ['不予受理告知书'],
  ],
  [
    '承诺件 waiting for documents',
    { status: '待补正', mode: '承诺件', documentsMissing: ['户口簿'] },
    ['一次性告知单'],
  ],
  ['即办 waiting for documents', { status: '待补正', mode: '即办', documentsMissing: ['户口簿'] }, ['一次性告知单']],
  ['承诺件 accepted', { status: '已受理', mode: '承诺件', documentsMissing: none }, ['受理回执']],
  ['预约 accepted', { status: '已受理', mode: '预约', documentsMissing: none }, ['受理回执']],
  [
    '帮代办 accepted, documents to collect at home',
    { status: '已受理', mode: '帮代办', documentsMissing: ['户口簿'] },
    ['受理回执'],
  ],
  ['承诺件 in handling', { status: '办理中', mode: '承诺件', documentsMissing: none }, ['受理回执']],
  ['承诺件 finished', { status: '已办结', mode: '承诺件', documentsMissing: none }, ['办结回执', '受理回执']],
  ['承诺件 archived', { status: '已归档', mode: '承诺件', documentsMissing: none }, ['办结回执', '受理回执']],
  ['即办 done at the counter', { status: '已办结', mode: '即办', documentsMissing: none }, ['办结回执']],
  [
    '承诺件 paused later for a document',
    { status: '待补正', mode: '承诺件', documentsMissing: ['照片'] },
    ['一次性告知单'],
  ],
];

describe('receiptKindsFor', () => {
  for (const [name, facts, kinds] of CASES) {
    it(name, () => expect(receiptKindsFor(facts)).toEqual(kinds));
  }
});

describe('the counter and a reprint agree', () => {
  const calendar = createCalendar();
  const matter = TEST_MATTER;
  for (const mode of COUNTER_MODES.filter((m) => m !== '咨询')) {
    for (const received of [[], ['居民身份证'], ['居民身份证', '户口簿', '照片']]) {
      it(`${mode}, received [${received.join('、')}]`, () => {
        const draft: CaseDraft = {
          matter,
          mode,
          received,
          ...(mode === '预约' ? { appointmentAt: '2026-11-26T10:00' } : {}),
          ...(mode === '不予受理' ? { refusalReason: '理由', redirectTo: '去处' } : {}),
        };
        const plan = planCase(draft, '2026-11-24', calendar);
        const stored: ReceiptFacts = {
          status: plan.status,
          mode,
          documentsMissing: plan.missing.map((m) => m.name),
          ...(mode === '不予受理' ? { refusalReason: '理由' } : {}),
        };
        expect(plan.receipts).toEqual(receiptKindsFor(stored));
        expect(plan.receipts.length).toBeGreaterThan(0);
      });
    }
  }
});

describe('issue 9 item 3: a 咨询 prints nothing when answered on the spot, a 受理回执 while the reply is due', () => {
  const calendar = createCalendar();
  const consultation = {
    ...TEST_MATTER,
    documents: [],
    timeLimitDays: 0,
    defaultMode: '咨询' as const,
    replyLimitDays: 3,
  };
  it.each([
    [true, []],
    [false, ['受理回执']],
  ])('answered on the spot: %s', (answered, kinds) => {
    const plan = planCase({ matter: consultation, mode: '咨询', received: [], answered }, '2026-11-24', calendar);
    expect(plan.receipts).toEqual(kinds);
    const callback = plan.replyBy
      ? { status: '待回访' as const, createdDay: '2026-11-24', failedAttempts: 0 }
      : undefined;
    expect(receiptKindsFor({ status: plan.status, mode: '咨询', documentsMissing: [], callback })).toEqual(kinds);
    // Once the reply is given (回访 done), a reprint offers nothing to bring back.
    if (callback)
      expect(
        receiptKindsFor({
          status: '已办结',
          mode: '咨询',
          documentsMissing: [],
          callback: { ...callback, status: '已回访' },
        }),
      ).toEqual([]);
  });
});
