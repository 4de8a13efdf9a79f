/**
 * Page models for the e2e tests, one per section (Actual Budget's e2e style): they act the way
 * a clerk does — labels and roles in Chinese, the keyboard where the counter uses it — and wait
 * on what the app shows, never on sleeps. `desk(page)` bundles them for one browser page; the
 * `test` exported here gives every test a `desk` for its page.
 */
import { test as base, type Page } from '@playwright/test';
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

export const test = base.extend<{ desk: Desk }>({
  desk: async ({ page }, use) => {
    await use(desk(page));
  },
});

export { expect } from '@playwright/test';
