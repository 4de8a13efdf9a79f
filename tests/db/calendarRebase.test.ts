import { describe, expect, it } from 'vitest';
import { createCalendar } from '@shared/domain/workingCalendar';
import { registerVisit } from '../../renderer/src/db/repositories/visits';
import { saveCalendarOverrides, setCalendarYearComplete } from '../../renderer/src/db/repositories/calendar';
import { caseEvents } from '../../renderer/src/db/repositories/caseTimeline';
import { counterIds, createZhangSan, freshDb, setUpCommunity, T0, testDesk } from './testDb';

describe('entering a year of holidays recounts open promised dates', () => {
  it('a case counted over 元旦 2027 with plain weekdays moves and loses its flag', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const resident = await createZhangSan(db, admin.id, '2026-12-28');
    const matter = (await db.matterTypes.get('YL-002'))!; // 10 working days
    const { cases } = await registerVisit(
      testDesk(db, {
        staffId: admin.id,
        now: T0,
        today: '2026-12-28',
        calendar: createCalendar(),
        ...counterIds('v'),
      }),
      {
        residentId: resident.id,
        channel: '来站',
        kind: '办件',
        content: '',
        cases: [{ matter, mode: '承诺件', received: matter.documents.map((d) => d.name) }],
      },
    );
    const before = cases[0]!;
    expect(before.deadlineUncoveredYears).toEqual([2027]);

    const overrides = [{ date: '2027-01-01', kind: 'holiday' as const, name: '元旦' }];
    await saveCalendarOverrides(testDesk(db, { staffId: admin.id, now: T0 }), overrides);
    // Entries alone do not make 2027 covered: still flagged, date recounted with 元旦 off.
    const afterEntry = (await db.cases.get(before.id))!;
    expect(afterEntry.deadlineUncoveredYears).toEqual([2027]);
    await setCalendarYearComplete(testDesk(db, { staffId: admin.id, now: T0 }), 2027, true);
    const after = (await db.cases.get(before.id))!;
    const expected = createCalendar({ overrides, completeYears: [2027] }).addWorkingDays('2026-12-28', 10).date;
    expect(after.deadline).toBe(expected);
    expect(after.deadline! > before.deadline!).toBe(true);
    expect(after.deadlineUncoveredYears).toBeUndefined();
    expect(after.dueDay).toBe(expected);
    const actions = (await caseEvents(testDesk(db), before.id)).map((e) => e.action);
    expect(actions).toContain('调整承诺办结日期');
  });
});
