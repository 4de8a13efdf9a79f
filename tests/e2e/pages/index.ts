/**
 * Page models for the e2e tests, one per section (Actual Budget's e2e style): they act the way
 * a clerk does — labels and roles in Chinese, the keyboard where the counter uses it — and wait
 * on what the app shows, never on sleeps. `desk(page)` bundles them for one browser page; the
 * `test` exported here gives every test a `desk` for its page.
 */
import { test as base, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile } from '../support/profile';
import { AppShell } from './AppShell';
import { BackupPage } from './BackupPage';
import { CasesPage } from './CasesPage';
import { DashboardPage } from './DashboardPage';
import { ImportPage } from './ImportPage';
import { LockScreen } from './LockScreen';
import { MeetingsPage } from './MeetingsPage';
import { ProxyPage } from './ProxyPage';
import { IntakePage } from './IntakePage';
import { ReportsPage } from './ReportsPage';
import { ResidentsPage } from './ResidentsPage';
import { SettingsPage } from './SettingsPage';
import { SetupWizard } from './SetupWizard';
import { SignInPage } from './SignInPage';
import { SyncPage } from './SyncPage';

export { ADMIN, COMMUNITY } from './SetupWizard';
export { BACKUP_PASSPHRASE } from './BackupPage';

export function desk(page: Page) {
  return {
    setup: new SetupWizard(page),
    signIn: new SignInPage(page),
    shell: new AppShell(page),
    lockScreen: new LockScreen(page),
    dashboard: new DashboardPage(page),
    intake: new IntakePage(page),
    cases: new CasesPage(page),
    residents: new ResidentsPage(page),
    proxy: new ProxyPage(page),
    meetings: new MeetingsPage(page),
    reports: new ReportsPage(page),
    residentImport: new ImportPage(page),
    settings: new SettingsPage(page),
    backup: new BackupPage(page),
    sync: new SyncPage(page),
  };
}

export type Desk = ReturnType<typeof desk>;

export const test = base.extend<{ desk: Desk; onDisk: boolean }>({
  /**
   * `test.use({ onDisk: true })`: the test's browser context on a profile on disk, as the desk's
   * PC runs it, instead of an incognito one. Chromium keeps an incognito context's IndexedDB in
   * memory, where a bulk load is about 4× slower (the 1/10 desk: 113 s against 27 s on disk), so
   * the specs that seed a generated desk ask for this.
   */
  onDisk: [false, { option: true }],
  context: async ({ onDisk, context, baseURL, locale, timezoneId, viewport, acceptDownloads }, use) => {
    if (!onDisk) return use(context);
    const dir = await mkdtemp(join(tmpdir(), 'duty-desk-e2e-'));
    const persistent = await launchProfile(dir, baseURL, { locale, timezoneId, viewport, acceptDownloads });
    await use(persistent);
    await persistent.close();
    await rm(dir, { recursive: true, force: true });
  },
  desk: async ({ page }, use) => {
    await use(desk(page));
  },
});

export { expect } from '@playwright/test';
