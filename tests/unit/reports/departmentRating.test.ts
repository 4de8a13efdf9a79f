/**
 * issue 27 item 5: the community's 评价部门 goes back to the street in the next weekly package,
 * even when it is given the week after the 核实结项 (the rating keeps its own time).
 */
import { describe, expect, it } from 'vitest';
import { applyAction, caseStateFromRecord, recordWithState } from '@shared/domain/caseMachine';
import type { CaseRecord } from '@shared/domain/records';
import { createCalendar } from '@shared/domain/workingCalendar';
import { escalationsOf } from '@shared/reports/package';
import { periodOf } from '@shared/reports/periods';
import { reportMonthsOf } from '@shared/reports/reportIndex';

const at = (iso: string) => Date.parse(`${iso}+08:00`);
const verifiedAt = at('2026-11-27T10:00:00');
const closed = {
  id: 'c1',
  trackingNumber: 'THL-20261124-010001',
  status: '已办结',
  acceptedDay: '2026-11-24',
  completedDay: '2026-11-27',
  matterCode: 'M1',
  handlerId: 's1',
  firstContactId: 's1',
  escalations: [
    {
      level: '日常',
      request: '楼道堆物',
      office: '城管科',
      raisedAt: at('2026-11-24T10:00:00'),
      raisedDay: '2026-11-24',
      raisedBy: 's1',
      stage: '已核实',
      checkIn: { unit: '城管科', at: at('2026-11-24T14:00:00'), recordedBy: 's1' },
      feedback: [{ text: '已清理', at: at('2026-11-26T10:00:00'), recordedBy: 's1' }],
      verification: { solved: true, at: verifiedAt, by: 's1' },
    },
  ],
} as unknown as CaseRecord;

function rate(record: CaseRecord, now: number): CaseRecord {
  const r = applyAction(
    caseStateFromRecord(record, 0),
    { type: '评价部门', rating: '满意' },
    { staffId: 's1', isAdmin: false },
    { now, today: '2026-12-01' },
    createCalendar(),
  );
  if (!r.ok) throw new Error(r.reason);
  return recordWithState(record, r.next);
}

describe('评价部门 in the next package', () => {
  const ratedAt = at('2026-12-01T09:00:00');
  const rated = rate(closed, ratedAt);

  it('keeps the time of the rating', () => {
    expect(rated.escalations![0]).toMatchObject({ departmentRating: '满意', departmentRatedAt: ratedAt });
  });

  it('puts the escalation in the week of the rating, and the case in that month', () => {
    const nextWeek = periodOf('week', '2026-12-01');
    expect(escalationsOf([closed], nextWeek)).toEqual([]);
    expect(escalationsOf([rated], nextWeek).map(({ e }) => e.departmentRating)).toEqual(['满意']);
    expect(reportMonthsOf(rated)).toContain('2026-12');
    expect(reportMonthsOf(closed)).not.toContain('2026-12');
  });
});
