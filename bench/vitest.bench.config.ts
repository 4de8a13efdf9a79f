/**
 * Vitest config for benchmarks only (kept out of the normal `npx vitest run`, whose root
 * config includes tests/unit and tests/db). Run:
 *
 *   npx vitest run --config bench/vitest.bench.config.ts
 */
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  define: { __APP_VERSION__: JSON.stringify('bench') },
  test: {
    include: ['bench/**/*.bench.test.ts'],
    // One browser at a time: timings must not share the CPU with another run.
    fileParallelism: false,
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Timings are printed; keep vitest's own reporter terse.
    reporters: ['default'],
  },
});
