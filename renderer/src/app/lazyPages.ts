/**
 * The screens load as their own chunks (code splitting per section): the sign-in screen needs
 * none of them, so the first paint downloads and parses only the gates. Once a clerk is signed
 * in, `prefetchPages` fetches the rest in the background, so moving between sections (Alt+1…9)
 * does not wait for the network or the disk.
 */
import { lazy, type ComponentType } from 'react';

const loaders: (() => Promise<unknown>)[] = [];

/** A lazily loaded named export `name` of the module `load` imports. */
function page<K extends string, P>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  loaders.push(load);
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

export const SignedInDesk = page(() => import('./SignedInDesk'), 'SignedInDesk');
export const SetupWizard = page(() => import('../features/setup/SetupWizard'), 'SetupWizard');
export const UpgradeBackupScreen = page(() => import('../features/backup/UpgradeBackupScreen'), 'UpgradeBackupScreen');
export const DataLossScreen = page(() => import('../features/backup/DataLossScreen'), 'DataLossScreen');
export const DashboardPage = page(() => import('../features/dashboard/DashboardPage'), 'DashboardPage');
export const SettingsPage = page(() => import('../features/settings/SettingsPage'), 'SettingsPage');
export const IntakeSection = page(() => import('../features/intake/IntakeSection'), 'IntakeSection');
export const ResidentsSection = page(() => import('../features/residents/ResidentsSection'), 'ResidentsSection');
export const ReportsSection = page(() => import('../features/reports/ReportsSection'), 'ReportsSection');
export const ProxySection = page(() => import('../features/proxy/ProxySection'), 'ProxySection');
export const MeetingsSection = page(() => import('../features/meetings/MeetingsSection'), 'MeetingsSection');
export const SyncRunner = page(() => import('../features/sync/SyncRunner'), 'SyncRunner');
export const AuditLogPage = page(() => import('../features/audit/AuditLogPage'), 'AuditLogPage');
export const CasesSection = page(() => import('../features/cases/CasesSection'), 'CasesSection');

/** Starts loading every screen (idempotent: the browser caches each module once). */
export function prefetchPages(): void {
  for (const load of loaders) void load().catch(() => undefined);
}
