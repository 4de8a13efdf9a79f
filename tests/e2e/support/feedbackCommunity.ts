/**
 * The community of the 反馈包 spec (issue 27 item 5), run in the test's Node process through the
 * app's own data layer (fake-indexeddb): three cases escalated to the street, its week's package
 * made by the real `readReportData` + `packageContent` + `writePackage`, and later the community's
 * side of the loop (closing a case meanwhile, importing the street's 反馈包 with
 * `importStreetFeedback`). No JSON is hand-written.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { performCaseAction } from '../../../renderer/src/db/repositories/cases';
import { caseEvents } from '../../../renderer/src/db/repositories/caseTimeline';
import { readReportData } from '../../../renderer/src/db/repositories/reports';
import { importStreetFeedback } from '../../../renderer/src/db/repositories/streetFeedbackImport';
import type { Desk } from '../../../renderer/src/db/desk';
import { packageContent, writePackage } from '@shared/reports/package';
import { previousPeriod, periodOf } from '@shared/reports/periods';
import { EMPTY_NOTES } from '@shared/reports/reportData';
import { dayOfInstant } from '@shared/reports/reportIndex';
import { acceptCommittedCase, communityDesk, communityWithZhangSan } from '../../db/testDb';

const sha256Hex = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export async function feedbackCommunity(street: string, week: string, raisedAt: number) {
  const { db, admin, resident } = await communityWithZhangSan(week);
  const stored = await communityDesk(db);
  const community = { ...stored.community, street };
  // The desk's day is the clock's (the test desk's default day is another week).
  const desk = (now: number): Promise<Desk> =>
    communityDesk(db, { staffId: admin.id, now, today: dayOfInstant(now), community });
  const cases = [];
  for (let i = 0; i < 3; i++) {
    const { record } = await acceptCommittedCase(await desk(raisedAt), resident.id);
    cases.push(
      await performCaseAction(await desk(raisedAt + i * 60_000), record.id, {
        type: '上报街道',
        level: '日常',
        request: '楼道堆物需清理',
        office: i === 2 ? '民政科' : '城管科',
      }),
    );
  }
  return {
    cases,
    /** The week's package file, as the 统计报表 export writes it. */
    async packageFile(generatedAt: number): Promise<string> {
      const period = periodOf('week', week);
      const data = await readReportData(
        await desk(generatedAt),
        'week',
        { ...period },
        previousPeriod(period, 'week'),
        EMPTY_NOTES,
      );
      return writePackage(packageContent(data, 'install-e2e', new Date(generatedAt).toISOString()), sha256Hex);
    },
    /** The clerk closes a case meanwhile: the street's answer taken by phone, verified solved. */
    async closeByPhone(caseId: string, now: number) {
      await performCaseAction(await desk(now), caseId, { type: '报到', unit: '民政科', at: now - 60_000 });
      await performCaseAction(await desk(now), caseId, { type: '处理反馈', text: '电话告知已处理' });
      await performCaseAction(await desk(now), caseId, {
        type: '核实结项',
        solved: true,
        result: '已处理',
        notifiedBy: '电话',
        needsCallback: false,
      });
    },
    importFeedback: async (text: string, now: number) => importStreetFeedback(await desk(now), text),
    timeline: async (caseId: string, now: number) => caseEvents(await desk(now), caseId),
  };
}
