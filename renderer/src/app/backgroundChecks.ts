/**
 * Once per sign-in, in the background: the kept counts of the 工作台 and the queues against a full
 * recount, then the kept last 走访 of the 重点服务对象 against theirs, then the summaries' slim rows'
 * keys against the records' indexes, each repaired and logged when they differ
 * (db/tallies/repair.ts, db/careVisits/repair.ts, db/slimRows/repair.ts, chunks of their own).
 *
 * Each check starts only once the desk has been quiet for CHECK_QUIET_MS (`quietFor`: no save, no
 * key, pointer or wheel input): a check reads every counted table's index keys in one read
 * transaction (at five years some 400,000 keys), and a save meanwhile waits for it (s43, full
 * size: the 工作台 after a save p95 465 ms with the checks starting 5 s after sign-in, 206 ms with
 * them waiting for quiet). A clerk's pause between two visitors is when they run.
 */
import type { Desk } from '../db/desk';
import { quietFor } from './quietFor';

/** How long the desk must be quiet before each check starts. */
export const CHECK_QUIET_MS = 5_000;

type Check = { failure: string; load: () => Promise<(desk: Desk) => Promise<unknown>> };

const CHECKS: readonly Check[] = [
  { failure: '统计计数检查失败', load: () => import('../db/tallies/repair').then((m) => m.checkTallies) },
  { failure: '超期未走访排序检查失败', load: () => import('../db/careVisits/repair').then((m) => m.checkCareVisits) },
  { failure: '报表精简记录检查失败', load: () => import('../db/slimRows/repair').then((m) => m.checkSlimRows) },
];

/**
 * Runs the checks in order, each after a quiet span; a failure is logged (its name only) and the
 * next check still runs; `signal` (signed out) ends it.
 */
export async function runBackgroundChecks(
  desk: Desk,
  o: {
    signal?: AbortSignal;
    quiet?: (signal?: AbortSignal) => Promise<void>;
    checks?: readonly Check[];
  } = {},
): Promise<void> {
  const quiet = o.quiet ?? ((signal?: AbortSignal) => quietFor(CHECK_QUIET_MS, signal));
  for (const { failure, load } of o.checks ?? CHECKS) {
    await quiet(o.signal);
    if (o.signal?.aborted) return;
    try {
      const check = await load();
      await check(desk);
    } catch (e) {
      console.error(failure, e instanceof Error ? e.name : typeof e);
    }
  }
}
