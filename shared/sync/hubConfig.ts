/**
 * How a desk reaches its hub, checked (contract.ts `HubConfig`, issue 24): the one schema main
 * validates a saved config with, the TLS rule, and the origin the CSP names.
 * - `https://` always; `http://` only with `allowPlainHttp` (the admin's explicit choice, shown on
 *   the status) — otherwise refused with a Chinese message at the field;
 * - the URL is the center DATABASE (a path after the host), without credentials, query or hash:
 *   the password is kept apart (OS-encrypted in Electron), never inside a URL.
 */
import { z } from 'zod';

export const HUB_CONFIG_MESSAGES = {
  url: '请填写中心数据库的地址，例如 https://192.168.1.10:6984/center-ylq',
  credentialsInUrl: '地址里不能带账号或密码，请分别填写',
  plainHttp:
    '这是不加密的 http:// 地址：只能在局域网内、由管理员勾选「允许不加密连接」后使用；否则请改用 https:// 地址',
  username: '请填写本窗口在中心服务器上的账号',
  password: '请填写本窗口在中心服务器上的密码',
} as const;

export const hubConfigSchema = z
  .object({
    url: z.string().min(1).max(500),
    username: z.string().min(1).max(100),
    password: z.string().min(1).max(500),
    allowPlainHttp: z.boolean(),
  })
  .strict();

export type HubConfigInput = z.infer<typeof hubConfigSchema>;

/** scheme, authority, path, query and fragment of an absolute URL (shared code has no `URL`). */
const URL_PARTS = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i;
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$/i;

/** The first problem of `config` as { field, message } in Chinese; undefined when it is usable. */
export function hubConfigProblem(
  config: HubConfigInput,
): { field: 'url' | 'username' | 'password'; message: string } | undefined {
  const parts = URL_PARTS.exec(config.url.trim());
  if (!parts) return { field: 'url', message: HUB_CONFIG_MESSAGES.url };
  const [, scheme = '', authority = '', path = '', query, fragment] = parts;
  if (authority.includes('@')) return { field: 'url', message: HUB_CONFIG_MESSAGES.credentialsInUrl };
  const database = path.replace(/^\/+|\/+$/g, '');
  const protocol = scheme.toLowerCase();
  if (!['http', 'https'].includes(protocol) || !HOST.test(authority) || database === '' || query || fragment) {
    return { field: 'url', message: HUB_CONFIG_MESSAGES.url };
  }
  if (protocol === 'http' && !config.allowPlainHttp) return { field: 'url', message: HUB_CONFIG_MESSAGES.plainHttp };
  if (config.username.trim() === '') return { field: 'username', message: HUB_CONFIG_MESSAGES.username };
  if (config.password === '') return { field: 'password', message: HUB_CONFIG_MESSAGES.password };
  return undefined;
}

/** `scheme://host[:port]` of a usable config's URL (what Electron's CSP connect-src names). */
export function hubOrigin(config: HubConfigInput): string | null {
  if (hubConfigProblem(config) !== undefined) return null;
  const [, scheme = '', authority = ''] = URL_PARTS.exec(config.url.trim()) ?? [];
  return `${scheme}://${authority}`.toLowerCase();
}
