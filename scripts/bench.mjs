#!/usr/bin/env node
/**
 * npm run bench [-- --full | --sizes tiny,tenth]: builds the app and the bench page, then runs
 * the Chromium benchmarks (bench/chromium.bench.test.ts) and the sync benchmarks against a hub
 * (bench/sync.bench.test.ts: on the first size; with --full on the full desk, whose fresh-desk join
 * is issue 28's five-year join — about an hour more). Quick (1/10) by default; --full runs 1/10,
 * full and 2× of the five-year desk. Then the crash loop (tests/e2e/crashLoop.spec.ts) with
 * more kills than CI's 20: CRASH_KILLS (default 100; CRASH_SEED replays a run), skipped with
 * --no-crash. Last, every goal of bench/goals.mjs is judged on the figures of this run
 * (scripts/bench-judge.mjs): PASS/FAIL per goal, exit 1 when one fails; `--no-judge` prints the
 * verdicts without failing.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const args = process.argv.slice(2);
const at = args.indexOf('--sizes');
const sizes =
  at >= 0 ? args[at + 1] : args.includes('--full') ? 'tenth,full,double' : (process.env.BENCH_SIZES ?? 'tenth');
const run = (cmd, argv, env = {}) => execFileSync(cmd, argv, { stdio: 'inherit', env: { ...process.env, ...env } });

const figures = new URL('../bench/.results/figures.jsonl', import.meta.url);
rmSync(figures, { force: true });
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vite', 'build', '--config', 'bench/chromium/vite.config.ts']);
// The five-year join (goal `join`, judged at full) needs the sync benchmarks on the full center.
const syncSize = process.env.BENCH_SYNC_SIZE ?? (args.includes('--full') ? 'full' : undefined);
run('npx', ['vitest', 'run', '--config', 'bench/vitest.bench.config.ts'], {
  BENCH_SIZES: sizes,
  ...(syncSize ? { BENCH_SYNC_SIZE: syncSize } : {}),
});
if (!args.includes('--no-crash')) {
  run('npx', ['playwright', 'test', 'tests/e2e/crashLoop.spec.ts', '--reporter=list'], {
    CRASH_KILLS: process.env.CRASH_KILLS ?? '100',
  });
}
const judge = ['scripts/bench-judge.mjs', ...(args.includes('--no-judge') ? ['--no-judge'] : [])];
try {
  run('node', judge);
} catch {
  process.exitCode = 1;
}
