import { describe, expect, it } from 'vitest';
import { dueDayOf, flagsOf, withIndexes } from '@shared/domain/caseIndex';
import type { CaseRecord } from '@shared/domain/records';
import { timeLimitStatus } from '@shared/domain/timeLimit';
import { createCalendar } from '@shared/domain/workingCalendar';

const base: CaseRecord = {
  id: 'c1',
  trackingNumber: 'THL-20261120-0001',
  matterCode: 'DY-001',
  matterName: '党员组织关系转接',
  mode: '承诺件',
  status: '办理中',
  acceptedDay: '2026-11-20',
  deadline: '2026-11-25',
  documentsReceived: [],
  documentsMissing: [],
  firstContactId: 'a',
  handlerId: 'b',
  createdAt: 0,
  createdBy: 'a',
  updatedAt: 0,
  updatedBy: 'a',
};
const c = (patch: Partial<CaseRecord>): CaseRecord => ({ ...base, ...patch });

describe('derived queue indexes', () => {
  it('a running case is due on its deadline and in both people’s 我的办件', () => {
    expect(dueDayOf(base)).toBe('2026-11-25');
    expect(flagsOf(base)).toEqual(['在办', '我的:a', '我的:b']);
  });

  it('a paused case leaves the due queues — unless it was already overdue when paused', () => {
    expect(dueDayOf(c({ status: '待补正', pause: { from: '2026-11-23', resumeTo: '办理中' } }))).toBeUndefined();
    expect(dueDayOf(c({ status: '待补正', pause: { from: '2026-11-27', resumeTo: '办理中' } }))).toBe('2026-11-25');
  });

  it('finished cases wait for archiving unless a callback or rectification is open', () => {
    // Finished: out of 我的办件 (open work only), into both people's 我的已办结.
    expect(flagsOf(c({ status: '已办结' }))).toEqual(['待归档', '我办结:a', '我办结:b']);
    const callback = { status: '待回访' as const, createdDay: '2026-11-25', failedAttempts: 0 };
    expect(flagsOf(c({ status: '已办结', callback }))).toEqual(['待回访', '我办结:a', '我办结:b']);
    expect(flagsOf(c({ status: '已归档' }))).toEqual(['我办结:a', '我办结:b']);
    expect(dueDayOf(c({ status: '已办结' }))).toBeUndefined();
  });

  it('a pending transfer is in the receiver’s 待签收; withIndexes removes a stale dueDay', () => {
    const t = c({
      status: '待签收',
      transfer: { fromStaffId: 'a', toStaffId: 'x', at: 0, day: '2026-11-21', returnTo: '办理中' },
    });
    expect(flagsOf(t)).toContain('待签收:x');
    expect(withIndexes(c({ status: '已办结', dueDay: '2026-11-25' })).dueDay).toBeUndefined();
  });

  it('a case paused after its deadline reads as overdue, not as negative days left', () => {
    const s = timeLimitStatus('2026-11-25', '2026-11-30', createCalendar(), true, '2026-11-27');
    expect(s.kind).toBe('已超期');
    expect(s.label).toBe('已超期 2 个工作日（待补正）');
  });
});
