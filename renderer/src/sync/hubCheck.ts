/**
 * Is the configured hub one this desk can join? Called by the join (engine side) before it
 * claims a desk number: the center database answers with this desk's credentials, and the hub's
 * validation (shared/sync/designDoc.ts) is installed and fits this app's documents. The design
 * document is installed by the setup step with the hub admin's account (desks are members, never
 * database admins); a desk only checks it — a hub without it would accept documents no desk can
 * apply, so the join is refused rather than started.
 *
 * `remote` is the hub's database as a PouchDB (http adapter) or anything answering the same two
 * calls. Measured with PouchDB 9's http adapter: `info()` does NOT reject on 401/404, it resolves
 * with `{ error: 'unauthorized' | 'not_found', … }`; other calls reject with `status` (and
 * `name`); a refused connection rejects with no status (FetchError / TypeError).
 * The reason is Chinese, for the screen: never the password, never personal data.
 */
import { DESIGN_DOC_ID, designDocProblem } from '@shared/sync/designDoc';
import { SYNC_SCHEMA } from './contract';

export type HubRemote = { info(): Promise<unknown>; get(id: string): Promise<unknown> };

export type HubCheck = { ok: true } | { ok: false; reason: string; status?: number };

const ERROR_STATUS: Record<string, number> = { unauthorized: 401, forbidden: 403, not_found: 404 };

/** The HTTP status of a hub failure (a rejection or an `{ error }` answer); undefined: no answer. */
export function hubFailureStatus(e: unknown): number | undefined {
  if (e === null || typeof e !== 'object') return undefined;
  const { status, error, name } = e as { status?: unknown; error?: unknown; name?: unknown };
  if (typeof status === 'number' && status !== 500) return status;
  for (const key of [error, name]) if (typeof key === 'string' && key in ERROR_STATUS) return ERROR_STATUS[key];
  return typeof status === 'number' ? status : undefined;
}

/** The Chinese reason for a failed request to the hub (join, and the status line). */
export function hubErrorReason(e: unknown): string {
  const status = hubFailureStatus(e);
  if (status === 401) return '中心服务器拒绝了本窗口的账号或密码';
  if (status === 403) return '本窗口的账号无权使用中心数据库';
  if (status === 404) return '中心服务器上没有这个中心数据库，请检查地址';
  if (status !== undefined) return `中心服务器出错（${status}），请稍后再试`;
  return '无法连接中心服务器，请检查地址和网络';
}

const failed = (e: unknown): HubCheck => {
  const status = hubFailureStatus(e);
  return { ok: false, reason: hubErrorReason(e), ...(status === undefined ? {} : { status }) };
};

export async function checkHub(remote: HubRemote): Promise<HubCheck> {
  try {
    const info = await remote.info();
    if (info !== null && typeof info === 'object' && 'error' in info) return failed(info);
  } catch (e) {
    return failed(e);
  }
  let found: unknown = null;
  try {
    found = await remote.get(DESIGN_DOC_ID);
  } catch (e) {
    if (hubFailureStatus(e) !== 404) return failed(e);
  }
  const problem = designDocProblem(found, { schema: SYNC_SCHEMA });
  return problem === undefined ? { ok: true } : { ok: false, reason: problem };
}
