/**
 * Once per sign-in of a 站长/管理员, after the first screens (SignedInDesk.tsx `ReportWarmUp`): the desk's worker works out the
 * summaries of last week, last month and last year (shared/reports/warmPeriods.ts), one after
 * the other, and keeps them (a closed period's `reportView` keeps its row: keptSummaries), so
 * the first look at them in 统计报表 reads one row. Each starts only when the desk is quiet. A complement only: a period asked for before
 * this ran, or after a write dropped its row, is worked out then, as ever. The page's thread
 * only waits (the worker reads and summarises).
 */
import { periodsToWarm } from '@shared/reports/warmPeriods';
import type { Desk } from '../db/desk';
import { runJob } from '../worker/client';
import { quietFor } from './quietFor';

/** How long the desk must be quiet (no write, no input) before each period is worked out. */
export const WARM_QUIET_MS = 30_000;

/**
 * Works out and keeps the summaries of the periods to warm, in order, each once the desk has been
 * quiet for WARM_QUIET_MS (`quietFor`: a year's read keeps the database busy for seconds, and a
 * save meanwhile waits for a step of it and sends it back to the start); the first failure ends it
 * (logged), and so does `signal` (signed out).
 */
export async function warmReports(
  desk: Desk,
  run: typeof runJob = runJob,
  o: { signal?: AbortSignal; quiet?: (signal?: AbortSignal) => Promise<void> } = {},
): Promise<void> {
  const quiet = o.quiet ?? ((signal?: AbortSignal) => quietFor(WARM_QUIET_MS, signal));
  for (const r of periodsToWarm(desk.clock.today())) {
    await quiet(o.signal);
    if (o.signal?.aborted) return;
    try {
      await run('reportView', desk, r);
    } catch (e) {
      console.error('统计报表预先计算失败', e instanceof Error ? e.name : typeof e);
      return;
    }
  }
}
