/**
 * The screens load as their own chunks (code splitting per section): the sign-in screen needs
 * none of them, so the first paint downloads and parses only the gates. Once the first screen is
 * usable, `prefetchPages` fetches the rest in the background (firstScreen.ts), so signing in and
 * moving between sections (Alt+1…9) do not wait for the network or the disk.
 *
 * A `screen` is a whole window behind the first screen (the desk, setup, data loss, the upgrade's
 * backup): it comes with MUI's theme (Themed.tsx), which the first screen does not load.
 */
import { createElement, lazy, type ComponentType } from 'react';

const loaders: (() => Promise<unknown>)[] = [];

/** A lazily loaded named export `name` of the module `load` imports. */
function page<K extends string, P>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  loaders.push(load);
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

/** Like `page`, wrapped in MUI's theme (loaded with it, in its own chunk). */
function screen<K extends string, P extends object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  const themed = () => import('./Themed');
  loaders.push(load, themed);
  return lazy(() =>
    Promise.all([load(), themed()]).then(([m, { Themed }]) => {
      const Screen = m[name];
      const ThemedScreen = (props: P) => createElement(Themed, null, createElement(Screen, props));
      return { default: ThemedScreen };
    }),
  );
}

export const SignedInDesk = screen(() => import('./SignedInDesk'), 'SignedInDesk');
export const SetupWizard = screen(() => import('../features/setup/SetupWizard'), 'SetupWizard');
export const UpgradeBackupScreen = screen(
  () => import('../features/backup/UpgradeBackupScreen'),
  'UpgradeBackupScreen',
);
export const DataLossScreen = screen(() => import('../features/backup/DataLossScreen'), 'DataLossScreen');
export const DashboardPage = page(() => import('../features/dashboard/DashboardPage'), 'DashboardPage');
export const SettingsPage = page(() => import('../features/settings/SettingsPage'), 'SettingsPage');
export const IntakeSection = page(() => import('../features/intake/IntakeSection'), 'IntakeSection');
export const ResidentsSection = page(() => import('../features/residents/ResidentsSection'), 'ResidentsSection');
export const ReportsSection = page(() => import('../features/reports/ReportsSection'), 'ReportsSection');
export const ProxySection = page(() => import('../features/proxy/ProxySection'), 'ProxySection');
export const MeetingsSection = page(() => import('../features/meetings/MeetingsSection'), 'MeetingsSection');
export const SyncRunner = page(() => import('../features/sync/SyncRunner'), 'SyncRunner');
export const AuditLogPage = page(() => import('../features/audit/AuditLogPage'), 'AuditLogPage');
export const DutySection = page(() => import('../features/duty/DutySection'), 'DutySection');
export const CasesSection = page(() => import('../features/cases/CasesSection'), 'CasesSection');
// A street installation's pages (issue 27), each its own chunk.
export const StreetCommunitiesPage = page(
  () => import('../features/street/communities/StreetCommunitiesPage'),
  'StreetCommunitiesPage',
);
export const StreetImportPage = page(() => import('../features/street/import/StreetImportPage'), 'StreetImportPage');
export const StreetSummaryPage = page(
  () => import('../features/street/summary/StreetSummaryPage'),
  'StreetSummaryPage',
);
export const StreetWhistlePage = page(
  () => import('../features/street/whistle/StreetWhistlePage'),
  'StreetWhistlePage',
);
export const StreetSettingsPage = page(
  () => import('../features/street/settings/StreetSettingsPage'),
  'StreetSettingsPage',
);
export const StreetBackupPage = page(() => import('../features/street/backup/StreetBackupPage'), 'StreetBackupPage');

/** Starts loading every screen (idempotent: the browser caches each module once). */
export function prefetchPages(): void {
  for (const load of loaders) void load().catch(() => undefined);
}
