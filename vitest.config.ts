import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';

export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/sync/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts', 'tests/timeoutMeta.ts'],
    // Limits for a loaded 2-core machine (CI runs the suite beside the e2e build, and several
    // agents share these machines): the slowest default-limit test took 2 s alone, and a busy
    // machine makes it several times slower, so 5 s (vitest's default) failed whole runs.
    // Budgets of work are counts (numRuns, loop bounds), never seconds; these limits only catch
    // a hang. Long tests still set their own, larger limit. scripts/slowest-tests.mjs prints each
    // test's share of its limit from the JSON report.
    // Two files at a time on CI's 2 cores: vitest's default (cores − 1) ran one file at a time
    // there (270 s of the run, ~300 s of CPU); each file has its own process and fake IndexedDB,
    // and the hub tests take free ports and their own folders, so files do not share state.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The sync tests SIGKILL the test hub mid-exchange (tests/sync/engine.test.ts). PouchDB 9's http
    // adapter then leaves one request's rejection unhandled inside the library (node-fetch:
    // "socket hang up" / refused, to the hub on 127.0.0.1); the replication itself retries and the
    // test asserts nothing was lost. Only that error is let through; any other unhandled error
    // still fails the run.
    onUnhandledError(error) {
      const e = error as { name?: string; message?: string; code?: string };
      const droppedHubRequest =
        e.name === 'FetchError' &&
        /^request to http:\/\/127\.0\.0\.1:\d+\/db\//.test(e.message ?? '') &&
        ['ECONNRESET', 'ECONNREFUSED'].includes(e.code ?? '');
      return droppedHubRequest ? false : undefined;
    },
  },
});
