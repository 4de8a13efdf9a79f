/**
 * Start-up decisions that must not depend on Electron being present: where user data lives,
 * what the window loads, and which origins are trusted.
 *
 * Invariants:
 * - userData is `<appData>/DutyDesk`, set in code — NOT derived from productName/appId — so
 *   renaming the product or the installer can never orphan the IndexedDB store.
 * - A packaged build ignores ELECTRON_RENDERER_URL: an environment variable must not be able
 *   to point the app (and its IPC privileges) at another page. In development only loopback
 *   http(s) URLs are accepted.
 */
import nodePath from 'node:path';
import { APP_ORIGIN, APP_START_URL } from './protocol';
import { originOf } from './security';

export const USER_DATA_FOLDER = 'DutyDesk';
export const APP_USER_MODEL_ID = 'cn.community.dutydesk';
/**
 * The app's own locale, whatever the PC's (`--lang`, set before 'ready'): the forms' native
 * controls (the 统计月份 month input, dates) and the spell-checker speak Chinese on an
 * English-language Windows too, as the rest of the screen does.
 */
export const APP_LOCALE = 'zh-CN';

export function userDataPath(appDataDir: string, pathApi: Pick<typeof nodePath, 'join'> = nodePath): string {
  return pathApi.join(appDataDir, USER_DATA_FOLDER);
}

/**
 * The userData folder to use. `override` (env DUTY_DESK_USER_DATA_DIR) exists so e2e tests can
 * start from a fresh profile; a packaged build ignores it, so the desk's data folder can only
 * ever be `<appData>/DutyDesk`.
 */
export function resolveUserDataDir(input: {
  appDataDir: string;
  isPackaged: boolean;
  override: string | undefined;
}): string {
  if (!input.isPackaged && input.override && nodePath.isAbsolute(input.override)) return input.override;
  return userDataPath(input.appDataDir);
}

export type StartTarget = {
  isDev: boolean;
  startUrl: string;
  /** Every origin allowed to navigate and to call IPC (app origin first). */
  allowedOrigins: readonly string[];
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function resolveStartTarget(input: { isPackaged: boolean; rendererUrl: string | undefined }): StartTarget {
  const production: StartTarget = { isDev: false, startUrl: APP_START_URL, allowedOrigins: [APP_ORIGIN] };
  if (input.isPackaged || !input.rendererUrl) return production;
  let url: URL;
  try {
    url = new URL(input.rendererUrl);
  } catch {
    return production;
  }
  const origin = originOf(input.rendererUrl);
  if (origin === null || !['http:', 'https:'].includes(url.protocol) || !LOOPBACK_HOSTS.has(url.hostname)) {
    return production;
  }
  return { isDev: true, startUrl: input.rendererUrl, allowedOrigins: [APP_ORIGIN, origin] };
}
