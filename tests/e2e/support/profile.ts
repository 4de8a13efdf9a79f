/**
 * Chromium on a persistent profile, as the desk's PC runs it: the wipe tests, the join and every
 * test that asks for `onDisk` (pages/index.ts). Defaults: 1366×768, zh-CN, Shanghai, downloads on.
 */
import { chromium, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../chromium';

type ProfileOptions = Pick<BrowserContextOptions, 'locale' | 'timezoneId' | 'viewport' | 'acceptDownloads'>;

export function launchProfile(
  profile: string,
  baseURL: string | undefined,
  options: ProfileOptions = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS],
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
    ...options,
  });
}
