/**
 * Name/version/runtime of the running app, for the "关于" page and support calls.
 * Pure: the entry file passes app.getName(), process.versions etc. Nothing here identifies
 * the machine or its user (no host name, no user name, no paths).
 */
import type { AppInfo, MainServices } from '../../../shared/ipc/contract';

export type AppInfoInput = {
  name: string;
  version: string;
  platform: string;
  osRelease: string;
  arch: string;
  versions: { electron?: string; chrome?: string };
};

export function getAppInfo(input: AppInfoInput): AppInfo {
  const runtime = [
    input.versions.electron ? `Electron ${input.versions.electron}` : null,
    input.versions.chrome ? `Chromium ${input.versions.chrome}` : null,
  ]
    .filter((part): part is string => part !== null)
    .join(' / ');
  return {
    name: input.name,
    version: input.version,
    shell: 'electron',
    os: `${input.platform} ${input.osRelease} ${input.arch}`,
    runtime: runtime || 'unknown',
  };
}

/** The app service of the contract: app:info answers with the value computed at start-up. */
export function appInfoService(info: AppInfo): MainServices['app'] {
  return { appInfo: () => info };
}
