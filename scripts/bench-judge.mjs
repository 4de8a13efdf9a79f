#!/usr/bin/env node
/**
 * The benchmarks' verdict: every goal of bench/goals.mjs with the figures it covers (recorded by
 * the benchmarks in bench/.results/figures.jsonl, or BENCH_FIGURES), PASS or FAIL, and the load
 * average each was measured under. Exits 1 when a goal fails; `--no-judge` prints the same table
 * and exits 0 (CI's 1/100 smoke run: it must finish, its times are not judged).
 *
 *   node scripts/bench-judge.mjs [--no-judge] [figures.jsonl]
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judge } from '../bench/goals.mjs';

const args = process.argv.slice(2);
const noJudge = args.includes('--no-judge');
const file = resolve(
  args.find((a) => !a.startsWith('--')) ??
    process.env.BENCH_FIGURES ??
    fileURLToPath(new URL('../bench/.results/figures.jsonl', import.meta.url)),
);

const figures = existsSync(file)
  ? readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l))
  : [];
const { verdicts, unmeasured } = judge(figures);
const cols = (text, width) =>
  text + ' '.repeat(Math.max(0, width - [...text].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0)));
const value = (v) =>
  v.goal.measure.startsWith('ratio') || v.goal.measure === 'growth50' ? `${v.value.toFixed(2)}×` : v.value.toFixed(0);

console.log(
  `\n== goals (${figures.length} figures from ${file}; load average now ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')})`,
);
console.log(`${cols('goal', 46)} ${cols('size', 12)} ${cols('row', 44)} ${cols('value', 10)} verdict  (figures; load)`);
for (const v of verdicts)
  console.log(
    `${cols(v.goal.what, 46)} ${cols(v.size, 12)} ${cols(v.row.slice(0, 40), 44)} ${cols(value(v), 10)} ${v.pass ? 'PASS' : 'FAIL'}     (${v.detail}${v.load ? `; load ${v.load}` : ''})`,
  );
for (const g of unmeasured) console.log(`${cols(g.what, 46)} ${cols('—', 12)} ${cols('not measured in this run', 44)}`);
const failed = verdicts.filter((v) => !v.pass);
const passed = verdicts.length - failed.length;
console.log(`\n${passed} passed, ${failed.length} failed, ${unmeasured.length} goals not measured in this run`);
if (noJudge) console.log('(--no-judge: times are printed, not judged)');
else if (failed.length > 0) {
  console.log(`FAILED: ${[...new Set(failed.map((v) => v.goal.what))].join('；')}`);
  process.exitCode = 1;
}
