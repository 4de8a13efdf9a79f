/**
 * Records each test's time limit in its task meta, so the JSON report (reports/summary/vitest.json)
 * carries the limit beside the duration and scripts/slowest-tests.mjs can print each test's share
 * of its limit. Nothing else: no test reads it.
 */
import { beforeEach } from 'vitest';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- declaration merging needs an interface
  interface TaskMeta {
    /** The test's timeout in ms (the config's testTimeout unless the test or its describe sets one). */
    timeout?: number;
  }
}

beforeEach(({ task }) => {
  task.meta.timeout = task.timeout;
});
