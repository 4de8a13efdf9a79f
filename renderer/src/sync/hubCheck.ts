/**
 * Is the configured hub one this desk can join? Called by the join (engine side) before it
 * claims a desk number: the center database answers with this desk's credentials, and the hub's
 * validation (shared/sync/designDoc.ts) is installed and fits this app's documents. The design
 * document is installed by the setup step with the hub admin's account (desks are members, never
 * database admins); a desk only checks it — a hub without it would accept documents no desk can
 * apply, so the join is refused rather than started.
 *
 * `remote` is the hub's database as a PouchDB (http adapter) or anything answering the same two
 * calls; its errors carry the HTTP `status` (PouchDB's http adapter does so).
 * The reason is Chinese, for the screen: never the password, never personal data.
 */
import { DESIGN_DOC_ID, designDocProblem } from '@shared/sync/designDoc';
import { SYNC_SCHEMA } from './contract';

export type HubRemote = { info(): Promise<unknown>; get(id: string): Promise<unknown> };

export type HubCheck = { ok: true } | { ok: false; reason: string; status?: number };

const statusOf = (e: unknown): number | undefined => {
  const s = (e as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
};

/** The Chinese reason for a failed request to the hub (join, and the status line). */
export function hubErrorReason(e: unknown): string {
  const status = statusOf(e);
  if (status === 401) return '中心服务器拒绝了本窗口的账号或密码';
  if (status === 403) return '本窗口的账号无权使用中心数据库';
  if (status === 404) return '中心服务器上没有这个中心数据库，请检查地址';
  if (status !== undefined && status >= 500 && status < 600 && status !== 500) return '中心服务器暂时不可用';
  return '无法连接中心服务器，请检查地址和网络';
}

export async function checkHub(remote: HubRemote): Promise<HubCheck> {
  try {
    await remote.info();
  } catch (e) {
    return { ok: false, reason: hubErrorReason(e), ...(statusOf(e) ? { status: statusOf(e) } : {}) };
  }
  let found: unknown = null;
  try {
    found = await remote.get(DESIGN_DOC_ID);
  } catch (e) {
    if (statusOf(e) !== 404) return { ok: false, reason: hubErrorReason(e) };
  }
  const problem = designDocProblem(found, { schema: SYNC_SCHEMA });
  return problem === undefined ? { ok: true } : { ok: false, reason: problem };
}
