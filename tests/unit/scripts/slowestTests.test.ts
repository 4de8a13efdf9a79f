/**
 * scripts/slowest-tests.mjs (issue 22, item 14) reads the JSON reports scripts/test.sh writes —
 * Vitest's (the limit in each test's meta, tests/timeoutMeta.ts) and Playwright's (the limit on
 * each test) — and prints the slowest tests by their share of their limit, marking those over
 * half; with --fail-over it fails the run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function reports(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slowest-'));
  const vitest = {
    testResults: [
      {
        name: join(process.cwd(), 'tests/db/a.test.ts'),
        assertionResults: [
          { fullName: 'quick one', duration: 100, status: 'passed', meta: { timeout: 30_000 } },
          { fullName: 'slow property', duration: 3_500, status: 'passed', meta: { timeout: 5_000 } },
          { fullName: 'long drill', duration: 40_000, status: 'passed', meta: { timeout: 120_000 } },
        ],
      },
    ],
  };
  const e2e = {
    suites: [
      {
        title: 'intake.spec.ts',
        file: 'intake.spec.ts',
        specs: [],
        suites: [
          {
            title: 'window intake',
            specs: [
              {
                title: 'a journey',
                file: 'intake.spec.ts',
                tests: [{ timeout: 60_000, results: [{ duration: 45_000, status: 'passed' }] }],
              },
            ],
          },
        ],
      },
    ],
  };
  writeFileSync(join(dir, 'vitest.json'), JSON.stringify(vitest));
  writeFileSync(join(dir, 'e2e.json'), JSON.stringify(e2e));
  return dir;
}

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/slowest-tests.mjs', ...args], { encoding: 'utf8' });

describe('scripts/slowest-tests.mjs', () => {
  it('lists the tests of both reports by share of their limit, marking those over half', () => {
    const out = run(reports(), '--top', '3');
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toContain('of 4');
    expect(lines.slice(1)).toHaveLength(3);
    expect(lines[1]).toMatch(/^ 75% .*intake\.spec\.ts › window intake › a journey .*over half/);
    expect(lines[2]).toMatch(/^ 70% .*3\.5 s \/ 5\.0 s .*tests\/db\/a\.test\.ts › slow property .*over half/);
    expect(lines[3]).toMatch(/^ 33% .*long drill$/);
  });

  it('with --fail-over, fails when a test is over that share', () => {
    expect(run(reports(), '--fail-over', '0.5').status).toBe(1);
    expect(run(reports(), '--fail-over', '0.8').status).toBe(0);
  });
});
