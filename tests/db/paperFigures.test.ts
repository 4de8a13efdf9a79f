/**
 * Papers and figures the street office reads (issue 25, items 7 and 9), through the data layer:
 * an anonymous phone 诉求 with 第二网格 chosen counts under 第二网格 (its visit and its case), not
 * 未分网格; a 诉求 longer than a problem's short title keeps its whole text (numbers masked) on the
 * problem, in the 问题库 and on the printed 会议议程 and 会议纪要.
 */
import { describe, expect, it } from 'vitest';
import { registerVisit } from '../../renderer/src/db/repositories/visits';
import { problemPool } from '../../renderer/src/db/repositories/problems';
import { getMeetingFile, planMeeting } from '../../renderer/src/db/repositories/meetings';
import { readReportData } from '../../renderer/src/db/repositories/reports';
import { agendaPaper, entryViews, minutesPaper } from '../../renderer/src/features/meetings/meetingText';
import { renderMeetingAgenda } from '@shared/receipts/meetingAgenda';
import { renderMeetingMinutes } from '@shared/receipts/meetingMinutes';
import { previousPeriod, weekOf } from '@shared/reports/periods';
import { EMPTY_NOTES, namesOf, summariesOf } from '@shared/reports/reportData';
import { summarySections } from '@shared/reports/summaryRows';
import { communityDesk, freshDb, setUpCommunity, T0 } from './testDb';

const TUE = '2026-11-24';
const FRI = '2026-11-27';

async function center() {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const desk = (today = TUE) => communityDesk(db, { staffId: admin.id, today, now: T0 });
  return { db, admin, desk };
}

describe('an anonymous phone 诉求 with a 网格 chosen', () => {
  it('counts under that 网格 — its visit and its case — not under 未分网格', async () => {
    const { desk } = await center();
    const d = await desk();
    const second = d.community.grids[1]!;
    await registerVisit(d, {
      channel: '来电',
      kind: '诉求',
      content: '5 栋楼下的垃圾三天没人清运',
      cases: [],
      complaint: { category: '环境卫生', gridId: second.id },
    });
    const week = weekOf(TUE);
    const report = await readReportData(d, 'week', week, previousPeriod(week, 'week'), EMPTY_NOTES);
    const { now, before } = summariesOf(report);
    expect(now.byGrid).toEqual({ [second.id]: { visits: 1, cases: 1 } });
    const byGrid = summarySections(now, before, namesOf(report)).find((s) => s.title === '分网格')!;
    expect(byGrid.rows.map((r) => [r.label, r.now])).toEqual([
      [`${second.name} 来访`, 1],
      [`${second.name} 受理`, 1],
    ]);
  });
});

describe('a 诉求 longer than a short title', () => {
  const said =
    '小区东门外的路灯已经坏了两个多星期，晚上一片漆黑，老人和孩子出门很不安全，我的电话13812345678，希望尽快派人修好';

  it('keeps its whole text, numbers masked, in the 问题库 and on the printed agenda and minutes', async () => {
    const { desk } = await center();
    await registerVisit(await desk(), {
      channel: '来电',
      kind: '诉求',
      content: said,
      cases: [],
      complaint: { category: '公共设施', place: '东门' },
    });
    const whole = said.replace('13812345678', '138****5678');
    const [row] = await problemPool(await desk());
    expect(row!.problem.title.endsWith('…')).toBe(true);
    expect(row!.problem.detail).toBe(whole);

    const f = await desk(FRI);
    const meeting = await planMeeting(f, FRI);
    const file = (await getMeetingFile(f, meeting.id))!;
    const context = {
      file,
      entries: entryViews(file, new Map(), () => '王秀英'),
      community: f.community,
      staffName: () => '王秀英',
      printedAt: '2026-11-27 09:00',
      printedBy: '王秀英',
    };
    for (const html of [renderMeetingMinutes(minutesPaper(context)), renderMeetingAgenda(agendaPaper(context))]) {
      expect(html).toContain(whole);
      expect(html).not.toContain('13812345678');
    }
  });
});
