/**
 * Once per sign-in of a 站长/管理员, after the first screens (SignedInDesk.tsx `ReportWarmUp`): the desk's worker works out the
 * summaries of last week, last month and last year (shared/reports/warmPeriods.ts), one after
 * the other, and keeps them (a closed period's `reportView` keeps its row: keptSummaries), so
 * the first look at them in 统计报表 reads one row. A complement only: a period asked for before
 * this ran, or after a write dropped its row, is worked out then, as ever. The page's thread
 * only waits (the worker reads and summarises).
 */
import { periodsToWarm } from '@shared/reports/warmPeriods';
import type { Desk } from '../db/desk';
import { runJob } from '../worker/client';

/** Works out and keeps the summaries of the periods to warm, in order; the first failure ends it (logged). */
export async function warmReports(desk: Desk, run: typeof runJob = runJob): Promise<void> {
  for (const r of periodsToWarm(desk.clock.today())) {
    try {
      await run('reportView', desk, r);
    } catch (e) {
      console.error('统计报表预先计算失败', e instanceof Error ? e.name : typeof e);
      return;
    }
  }
}
