/**
 * Debian's Chromium as every browser test runs it (never a downloaded browser): its path and the
 * flags for a headless CI box — one place for the e2e config (playwright.config.ts), the crash
 * loop's child (tests/crash/chromiumChild.ts) and the wipe tests' persistent profiles.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
