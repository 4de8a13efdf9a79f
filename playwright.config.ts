/**
 * End-to-end tests: the built renderer served by `vite preview`, driven in Debian's Chromium
 * (never a downloaded browser). Every test gets a fresh browser context = a fresh profile with
 * an empty IndexedDB.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './tests/chromium';

const PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * The join of issue 24's center, whose time the issue sets (60 s): its own project, which CI runs
 * ALONE before the rest (scripts/test.sh: `--project=join`, then `--project=long --project=e2e`),
 * so that it measures a desk joining, not the suite's other work beside it. In CI beside two other
 * specs it showed 62.0 s (s40, three workers); beside one, 46.2–58.7 s (s38–s39); alone here,
 * 25.6–28.3 s.
 */
const JOIN_SPEC = 'syncJoinCenter.spec.ts';

/**
 * The specs that take a minute or more (CI's reports/summary/e2e.json): they start first, so the
 * workers end together instead of one finishing a long sync spec alone at the end (files start in
 * alphabetical order within a project, which put every sync spec last). A spec missing here still
 * runs, only later.
 */
const LONG_SPECS = [
  'privacyScan.spec.ts',
  'crashLoop.spec.ts',
  'syncPumpKill.spec.ts',
  'meetings.spec.ts',
  'syncConflicts.spec.ts',
  'proxy.spec.ts',
  'syncAuth.spec.ts',
  'syncHubKill.spec.ts',
  'syncTwoDesks.spec.ts',
  'streetSummary.spec.ts',
];

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Limits for a loaded 2-core machine (issue 22, item 14). Measured with the suite on two
  // workers beside other work: the slowest default-limit test took 45 s of the old 60 s, three
  // more over half of it. A test's work is fixed by its steps, never by time; these limits only
  // catch a hang. Long journeys set their own (test.setTimeout); scripts/slowest-tests.mjs prints
  // each test's share of its limit from reports/summary/e2e.json.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  // Two at a time in CI. Three were measured twice (s40): beside two engineers' work all 96 passed
  // in 19.2 min; in a clean-clone CI run e2e took 945 s against 953–1,014 s on two (s39), with the
  // slowest test at 49% of its limit (reports.spec; 30% on two) and the join 62.0 s beside two
  // other specs — no gain, less margin. (s36: on three, the pump-kill spec's restarted desk once
  // stayed 未连接 past its wait.) E2E_WORKERS overrides.
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 850 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_FLAGS],
    },
  },
  // Projects run in this order (Playwright queues each project's tests after the one before).
  projects: [
    { name: 'join', testMatch: JOIN_SPEC },
    { name: 'long', testMatch: LONG_SPECS },
    { name: 'e2e', testIgnore: [JOIN_SPEC, ...LONG_SPECS] },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
