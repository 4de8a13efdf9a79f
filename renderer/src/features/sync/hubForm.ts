/**
 * 设置 → 多窗口同步, the join form: what the admin typed → a HubConfig, or the Chinese message
 * for the field that is wrong (shown at that field). Pure.
 * - the address: an http(s) URL with a host and the center's database as its path
 *   (https://192.168.1.10:6984/center-ylq), no credentials in it, no query or fragment;
 * - plain http only with "允许不加密连接（仅限局域网）" ticked;
 * - the desk's hub account and its password: required.
 */
import type { HubConfig } from '../../sync/contract';

export type HubFormInput = { url: string; username: string; password: string; allowPlainHttp: boolean };
export type HubFormField = 'url' | 'username' | 'password';
export type HubFormResult =
  { ok: true; value: HubConfig } | { ok: false; errors: Partial<Record<HubFormField, string>> };

export const HUB_FORM_MESSAGES = {
  urlEmpty: '请填写中心地址，例如 https://192.168.1.10:6984/center-ylq',
  urlShape: '中心地址应以 https:// 或 http:// 开头，例如 https://192.168.1.10:6984/center-ylq',
  urlNoDatabase: '中心地址应包含中心数据库名，例如 https://192.168.1.10:6984/center-ylq',
  urlCredentials: '请不要把账号或密码写在地址里，分别填在下面',
  urlExtra: '中心地址不能带“?”或“#”后面的内容',
  plainHttp: '这是不加密的 http 地址：仅在局域网内使用时，请勾选“允许不加密连接（仅限局域网）”',
  usernameEmpty: '请填写本窗口在中心的账号',
  passwordEmpty: '请填写本窗口在中心的密码',
} as const;

/** The address checked: a message, or the URL as kept (no trailing slash). */
function checkUrl(raw: string, allowPlainHttp: boolean): { ok: true; url: string } | { ok: false; message: string } {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return { ok: false, message: HUB_FORM_MESSAGES.urlEmpty };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: HUB_FORM_MESSAGES.urlShape };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '')
    return { ok: false, message: HUB_FORM_MESSAGES.urlShape };
  if (url.username !== '' || url.password !== '') return { ok: false, message: HUB_FORM_MESSAGES.urlCredentials };
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(text))
    return { ok: false, message: HUB_FORM_MESSAGES.urlExtra };
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '') return { ok: false, message: HUB_FORM_MESSAGES.urlNoDatabase };
  if (url.protocol === 'http:' && !allowPlainHttp) return { ok: false, message: HUB_FORM_MESSAGES.plainHttp };
  return { ok: true, url: `${url.origin}${path}` };
}

/** Checks every field at once (each wrong field gets its message); the config when all are right. */
export function validateHubForm(input: HubFormInput): HubFormResult {
  const errors: Partial<Record<HubFormField, string>> = {};
  const url = checkUrl(input.url, input.allowPlainHttp);
  if (!url.ok) errors.url = url.message;
  const username = input.username.normalize('NFKC').trim();
  if (username === '') errors.username = HUB_FORM_MESSAGES.usernameEmpty;
  // The password is kept as typed (a space may belong to it); only an empty one is refused.
  if (input.password === '') errors.password = HUB_FORM_MESSAGES.passwordEmpty;
  if (!url.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { url: url.url, username, password: input.password, allowPlainHttp: input.allowPlainHttp },
  };
}

/** Whether a kept config reaches its hub over plain HTTP (shown on the status). */
export function isPlainHttp(config: Pick<HubConfig, 'url'>): boolean {
  return config.url.startsWith('http:');
}
