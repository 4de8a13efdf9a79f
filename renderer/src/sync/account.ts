/**
 * A joined desk's hub account changed (issue 24, `sync.manage`): the hub admin changed this desk's
 * password (or gave it another account), the desk shows 未连接 (账号或密码); the 站长 types the new
 * one in 设置 → 多窗口同步 without leaving the center. The new account is tried on the hub first
 * (checkHub: it answers, and its validation is there), then the change is audited (`sync.account`,
 * the hub's host only: never the account or password). The caller keeps the config and restarts
 * the exchange with it.
 */
import { can, holdersOf } from '@shared/domain/roles';
import { requirePermission } from '../db/authorize';
import { deskNumberOf, type Desk } from '../db/desk';
import { DomainRefusal } from '../db/refusal';
import { databaseOf, writeTx } from '../db/write';
import type { HubConfig } from './contract';
import { checkHub } from './hubCheck';
import { checkedHubConfig } from './join';
import { isJoined } from './outbox';
import { openRemote, type PouchConstructor } from './pouch';

/** Checks `config` on the hub and audits the change; returns the config as kept. Refusals in Chinese. */
export async function changeHubAccount(
  desk: Desk,
  config: HubConfig,
  deps: { PouchDB: PouchConstructor },
): Promise<HubConfig> {
  const db = databaseOf(desk);
  const me = desk.actor ? await db.staff.get(desk.actor.id) : undefined;
  if (!me || !can(me, 'sync.manage')) throw new DomainRefusal(`只有${holdersOf('sync.manage')}可以更改中心账号`);
  if (!(await isJoined(db))) throw new DomainRefusal('本机尚未加入中心同步');
  const hub = checkedHubConfig(config);
  const remote = openRemote(deps.PouchDB, hub);
  try {
    const check = await checkHub(remote);
    if (!check.ok) throw new DomainRefusal(check.reason, check.status === 401 ? 'password' : undefined);
  } finally {
    await remote.close().catch(() => undefined);
  }
  await writeTx(desk, ['deskMeta'], async (tx) => {
    await requirePermission(tx, desk.actor, 'sync.manage', '更改中心账号');
    await tx.audit({
      action: 'sync.account',
      entity: 'sync',
      entityId: String(deskNumberOf(desk)),
      detail: new URL(hub.url).host,
    });
  });
  return hub;
}
