/**
 * Playwright config for the Electron smoke test only. Kept apart from the browser e2e suite
 * (tests/e2e) because it needs the Electron binary, which the offline dev machines lack.
 * Run:  npx electron-vite build && npx playwright test -c tests/e2e-electron/playwright.config.ts
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  timeout: 60_000,
  workers: 1,
  reporter: 'list',
  outputDir: '../../test-results/e2e-electron',
});
