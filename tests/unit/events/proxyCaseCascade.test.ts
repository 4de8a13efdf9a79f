/**
 * Issue 25 item 1: the case follows the 帮代办 steps — one pure rule (cascades.ts
 * `caseChangeOnProxyStep`), as a table: a visit made with documents collected, or the result
 * ready or delivered, starts a case still 已受理; nothing else moves it, and no other case status
 * is touched.
 */
import { describe, expect, it } from 'vitest';
import { caseChangeOnProxyStep } from '@shared/domain/events/cascades';
import type { CaseStatus, ProxyStatus } from '@shared/domain/records';

const START = { type: '开始办理' };

// [case status, request status after the step, documents collected, the case's action]
const TABLE: [CaseStatus, ProxyStatus, number, typeof START | null][] = [
  ['已受理', '待上门', 0, null],
  ['已受理', '待上门', 2, null], // collected before the booked day: the visit is not made yet
  ['已受理', '办理中', 0, null], // visited, nothing collected yet
  ['已受理', '办理中', 1, START],
  ['已受理', '待送达', 0, START],
  ['已受理', '已送达', 0, START],
  ['已受理', '已送达', 3, START],
  ['已受理', '已取消', 3, null],
  ['办理中', '办理中', 3, null],
  ['办理中', '已送达', 3, null],
  ['待补正', '办理中', 1, null],
  ['待补正', '待送达', 1, null],
  ['待签收', '已送达', 1, null],
  ['已上报街道', '待送达', 1, null],
  ['已办结', '已送达', 1, null],
  ['不予受理', '已取消', 1, null],
];

describe('the case follows the 帮代办 steps', () => {
  it.each(TABLE)('case %s, request %s, %i collected → %o', (status, proxyStatus, collected, expected) => {
    expect(caseChangeOnProxyStep({ status }, proxyStatus, collected)).toEqual(expected);
  });
});
