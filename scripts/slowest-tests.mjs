// Prints the slowest tests by their share of their time limit, from the JSON reports that
// scripts/test.sh writes (reports/summary/vitest.json, e2e-join.json and e2e.json; electron.json too when
// present). A test over half its limit is marked: on a loaded 2-core machine it is the next to
// fail (issue 22, item 14). Usage:
//   node scripts/slowest-tests.mjs [dir-or-files…] [--top N] [--fail-over 0.5]
// With --fail-over, exits 1 when a test's share exceeds it (the default only prints).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return Number(value);
};
const top = option('--top', 10);
const failOver = option('--fail-over', Infinity);
/** vitest's testTimeout when a report predates tests/timeoutMeta.ts (vitest.config.ts). */
const VITEST_DEFAULT_LIMIT = 30_000;

const inputs = args.length > 0 ? args : ['reports/summary'];
const files = inputs.flatMap((p) =>
  existsSync(p) && statSync(p).isDirectory()
    ? ['vitest.json', 'e2e-join.json', 'e2e.json', 'electron.json']
        .map((f) => path.join(p, f))
        .filter((f) => existsSync(f))
    : [p],
);

/** @type {{ name: string; file: string; ms: number; limit: number; limitKnown: boolean; status: string }[]} */
const rows = [];
for (const file of files) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (Array.isArray(report.testResults)) {
    // Vitest: the limit is in each test's meta (tests/timeoutMeta.ts).
    for (const f of report.testResults)
      for (const t of f.assertionResults ?? []) {
        if (typeof t.duration !== 'number') continue;
        const limit = t.meta?.timeout;
        rows.push({
          name: t.fullName,
          file: path.relative(process.cwd(), f.name),
          ms: t.duration,
          limit: limit ?? VITEST_DEFAULT_LIMIT,
          limitKnown: limit !== undefined,
          status: t.status,
        });
      }
  } else if (Array.isArray(report.suites)) {
    // Playwright: each test carries its timeout (config, test.setTimeout, test.slow()).
    const walk = (suite, titles) => {
      for (const spec of suite.specs ?? [])
        for (const t of spec.tests ?? [])
          for (const r of t.results ?? [])
            rows.push({
              name: [...titles, spec.title].filter(Boolean).join(' › '),
              file: spec.file ?? suite.file ?? '',
              ms: r.duration,
              limit: t.timeout,
              limitKnown: typeof t.timeout === 'number' && t.timeout > 0,
              status: r.status,
            });
      for (const s of suite.suites ?? []) walk(s, [...titles, s.title]);
    };
    for (const s of report.suites) walk(s, []);
  }
}

const share = (r) => (r.limit > 0 ? r.ms / r.limit : 0);
rows.sort((a, b) => share(b) - share(a) || b.ms - a.ms);
if (rows.length === 0) {
  console.log(`slowest tests: no test results in ${files.join(', ') || inputs.join(', ')}`);
  process.exit(0);
}
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log(`slowest tests by share of their limit (of ${rows.length}, from ${files.join(', ')}):`);
for (const r of rows.slice(0, top)) {
  const pct = `${Math.round(share(r) * 100)}%`.padStart(4);
  const mark = share(r) > 0.5 ? '  ← over half its limit' : '';
  const limit = r.limitKnown ? s(r.limit) : `${s(r.limit)}?`;
  console.log(`${pct}  ${s(r.ms).padStart(7)} / ${limit.padEnd(7)} ${r.file} › ${r.name}${mark}`);
}
const over = rows.filter((r) => share(r) > failOver);
if (over.length > 0) {
  console.log(`${over.length} test(s) over ${Math.round(failOver * 100)}% of their limit`);
  process.exit(1);
}
