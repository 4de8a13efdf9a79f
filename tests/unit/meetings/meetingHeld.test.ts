/**
 * Issue 25 item 16 (the pure rules): 登记召开 records when the meeting was actually held, and
 * decisions wait until it is held (or it is marked 会前已议定).
 */
import { describe, expect, it } from 'vitest';
import {
  allowedMeetingActions,
  applyMeetingAction,
  decisionRefusal,
  DECIDE_AFTER_HOLDING,
} from '@shared/domain/meetings';
import type { MeetingState } from '@shared/domain/meetings';

const at = (t: string) => Date.parse(`${t}+08:00`);
const dayOf = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const present = [{ key: 'staff:s1', name: '王秀英', role: '站长/管理员', present: true }];
const friday: MeetingState = { day: '2026-11-27', status: '筹备中', attendees: present, since: '2026-11-20' };
const saturday = { today: '2026-11-28', now: at('2026-11-28T09:00:00'), dayOf };

describe('登记召开 records when the meeting was held', () => {
  it('a meeting held yesterday, recorded today, keeps its real day and time', () => {
    const out = applyMeetingAction(
      friday,
      { type: '召开', attendees: present, heldAt: at('2026-11-27T15:30:00') },
      saturday,
    );
    expect(out).toEqual({
      ok: true,
      next: { ...friday, status: '已召开', heldAt: at('2026-11-27T15:30:00'), day: '2026-11-27' },
    });
  });

  it('held on another day than planned: that day is the meeting’s, the planned one kept', () => {
    const out = applyMeetingAction(
      friday,
      { type: '召开', attendees: present, heldAt: at('2026-11-26T16:00:00') },
      saturday,
    );
    expect(out).toMatchObject({ ok: true, next: { day: '2026-11-26', movedFrom: ['2026-11-27'] } });
  });

  it.each([
    ['in the future', at('2026-11-28T09:01:00'), '召开时间不能晚于现在'],
    ['not a time', NaN, '请填写会议实际召开的日期和时间'],
    ['on or before the last meeting held', at('2026-11-20T15:00:00'), '召开日期应晚于上次会议（2026-11-20）'],
  ])('refused %s, at the time field', (_what, heldAt, reason) => {
    expect(applyMeetingAction(friday, { type: '召开', attendees: present, heldAt }, saturday)).toEqual({
      ok: false,
      reason,
      field: 'heldAt',
    });
  });
});

describe('decisions wait for the meeting', () => {
  it('refused while it is being prepared, allowed once held or marked 会前已议定, never when cancelled', () => {
    expect(decisionRefusal(friday)).toBe(DECIDE_AFTER_HOLDING);
    expect(decisionRefusal({ ...friday, status: '已召开' })).toBeNull();
    expect(decisionRefusal({ ...friday, status: '已取消' })).toBe('已取消的会议不能记录决定');
    const marked = applyMeetingAction(friday, { type: '会前议定' }, saturday);
    expect(marked).toEqual({ ok: true, next: { ...friday, decidedBefore: true } });
    if (!marked.ok) return;
    expect(decisionRefusal(marked.next)).toBeNull();
    expect(allowedMeetingActions(marked.next)).toEqual(['改期', '取消', '召开']);
    expect(applyMeetingAction(marked.next, { type: '会前议定' }, saturday)).toMatchObject({ ok: false });
    expect(allowedMeetingActions({ ...friday, status: '已召开' })).toEqual([]);
  });
});
