/**
 * The report's jobs of the desk's worker (features/reports/reportJobs.ts through the job table,
 * renderer/src/worker): in a test there is no Worker, so `runJob` / `watchJob` run the same job
 * functions here (the worker's own path is timed in the bench and used by the e2e specs). The
 * view is exactly what the records give; a live view follows a visit registered in its period;
 * an export and the printed page come from the worker's own read of the period.
 */
import { describe, expect, it } from 'vitest';
import { periodOf, previousPeriod } from '@shared/reports/periods';
import { EMPTY_NOTES } from '@shared/reports/notes';
import { reportViewOf, type ReportView } from '@shared/reports/reportView';
import { readReportData } from '../../renderer/src/db/repositories/reports';
import { deskSpecOf, runJob, watchJob } from '../../renderer/src/worker/client';
import { workerDesk } from '../../renderer/src/worker/workerDesk';
import { readStreetProfile } from '../../renderer/src/db/installKind';
import { streetAsCommunity } from '@shared/domain/street/install';
import { setUpStreet } from './streetTestDb';
import { JOBS } from '../../renderer/src/worker/jobs';
import { acceptCommittedCase, communityDesk, communityWithZhangSan, freshDb, TODAY } from './testDb';

const week = periodOf('week', TODAY);
const request = { kind: 'week' as const, period: week, previous: previousPeriod(week, 'week') };

describe('the report jobs', () => {
  it('the job table names each job once, and only functions', () => {
    expect(Object.keys(JOBS).sort()).toEqual(['reportFile', 'reportPaper', 'reportView', 'streetWorkbook']);
  });

  it('the view is the summary of what the period read gives; a live view follows a new visit', async () => {
    const { db, admin, resident } = await communityWithZhangSan();
    const desk = await communityDesk(db, { staffId: admin.id });
    await acceptCommittedCase(desk, resident.id);
    const view = await runJob('reportView', desk, request);
    expect(view).toEqual(
      reportViewOf(await readReportData(desk, 'week', request.period, request.previous, EMPTY_NOTES)),
    );
    expect([view.now.visits.total, view.now.accepted.total]).toEqual([1, 1]);

    const seen: ReportView[] = [];
    let failed: string | null = null;
    const stop = watchJob(
      'reportView',
      desk,
      request,
      (v) => seen.push(v),
      (m) => (failed = m),
    );
    await expect.poll(() => seen.length).toBe(1);
    await acceptCommittedCase(desk, resident.id);
    await expect.poll(() => seen.at(-1)?.now.visits.total).toBe(2);
    stop();
    expect(failed).toBeNull();
    expect(seen.at(-1)?.now.accepted.total).toBe(2);
  });

  it('an export and the printed page are made from the period as read, with the notes', async () => {
    const { db, admin, resident } = await communityWithZhangSan();
    const desk = await communityDesk(db, { staffId: admin.id });
    await acceptCommittedCase(desk, resident.id);
    const notes = { focus: '整理台账 13812345678', issues: '' };
    const { file, covered } = await runJob('reportFile', desk, {
      ...request,
      notes,
      format: 'csv:summary',
      named: false,
      installId: 'x',
      generatedAt: Date.parse('2026-11-24T10:00:00+08:00'),
    });
    expect(file.fileName).toBe(`${desk.community.name}-周报-${week.from}至${week.to}-汇总.csv`);
    expect(file.content).toContain('整理台账 138****5678');
    expect(covered).toEqual([expect.objectContaining({ no: 1, cases: 1 })]);
    const paper = await runJob('reportPaper', desk, {
      ...request,
      notes,
      printedAt: '2026-11-24 10:00',
      printedBy: '王秀英',
    });
    expect(paper.html).toContain('138****5678');
    expect(paper.html).not.toContain('13812345678');
    expect(paper.rows).toBeGreaterThan(10);
    expect(paper.fileName).toBe(`${desk.community.name}-周报-${week.from}至${week.to}.pdf`);
  });
});

describe("the worker's own desk (workerDesk)", () => {
  it('on a street install, the street office stands for the community, as on the page', async () => {
    const db = await freshDb();
    const { adminDesk } = await setUpStreet(db);
    const desk = await workerDesk(deskSpecOf(adminDesk));
    expect(desk.community).toEqual(streetAsCommunity((await readStreetProfile(db))!));
    expect(desk.actor).toEqual(adminDesk.actor);
  });

  it("on a community install, the community's own profile", async () => {
    const { db, admin } = await communityWithZhangSan();
    const page = await communityDesk(db, { staffId: admin.id });
    expect((await workerDesk(deskSpecOf(page))).community).toEqual(page.community);
  });
});
