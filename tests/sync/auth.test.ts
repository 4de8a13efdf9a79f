/**
 * A joined desk and its hub account (issue 24), against a real hub process (tests/sync/hub.ts):
 * - its password changed on the hub: 未连接 with the reason, the desk keeps working, and with the
 *   new password everything it did meanwhile goes up;
 * - its desk number taken by another PC (the hub admin freed it, another installation claimed it):
 *   the next start re-checks the claim and stops, 未连接 with what to do — nothing goes up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubConfig, SyncDoc } from '../../renderer/src/sync/contract';
import { joinCenter, startSync } from '../../renderer/src/sync/engine';
import { syncStatus } from '../../renderer/src/sync/status';
import { acceptCommittedCase, addSignedStaff, communityDesk, T0 } from '../db/testDb';
import { changeHubAccount } from '../../renderer/src/sync/account';
import { failureMessage } from '../../renderer/src/db/refusal';
import { joinedWorld } from '../db/sync/world';
import { adminRemote, engineDeps, eventually, hubConfig } from './deskFixtures';
import { startHub, type HubAuth, type TestHub } from './hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ users: 3 });
});
afterAll(async () => {
  await hub?.stop();
});

const config = (auth: HubAuth): HubConfig => hubConfig(hub, auth);
const deps = () => engineDeps('auth');
const admin = () => adminRemote(hub);
const basic = (a: HubAuth) => 'Basic ' + Buffer.from(`${a.username}:${a.password}`).toString('base64');

/** The hub admin sets a desk account's password (the `_users` document, as the README's steps do). */
async function setPassword(username: string, password: string): Promise<void> {
  const url = `${hub.apiUrl}/_users/org.couchdb.user:${username}`;
  const headers = { authorization: basic(hub.adminAuth), 'content-type': 'application/json' };
  const user = (await (await fetch(url, { headers })).json()) as Record<string, unknown>;
  const put = await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ ...user, password }) });
  expect(put.status).toBeLessThan(300);
}

/** Whether the hub holds document `id` (asked as the admin). */
async function onHub(id: string): Promise<boolean> {
  const db = admin();
  const found = await db.get(id).then(
    () => true,
    () => false,
  );
  await db.close();
  return found;
}

const caseEventIds = async (world: Awaited<ReturnType<typeof joinedWorld>>) =>
  (await world.db.caseEvents.toArray()).map((e) => `caseEvents:${e.id}`);

describe('a joined desk whose hub password was changed', () => {
  it(
    'shows 未连接 with the reason, keeps working, and syncs again with the new password',
    { timeout: 30_000 },
    async () => {
      const world = await joinedWorld({ joined: false });
      const auth = hub.deskAuth(3);
      const same = deps(); // one desk, one PouchDB across its starts
      await joinCenter(world.desk, config(auth), same);
      const first = await startSync(world.desk, config(auth), same);
      await eventually(() => syncStatus().phase === 'synced', 'synced');

      await setPassword(auth.username, 'changed-by-the-admin');
      const { record } = await acceptCommittedCase(world.desk, world.zhang.id);
      await eventually(() => syncStatus().phase === 'refused', 'refused');
      expect(syncStatus().reason).toBe('中心服务器拒绝了本窗口的账号或密码');
      expect(syncStatus().since).toBeDefined();
      // The desk keeps working: another case is accepted while the hub refuses it.
      await acceptCommittedCase(world.desk, world.zhang.id);
      expect(await world.db.cases.count()).toBe(2);
      expect(record.trackingNumber).toBeTruthy();
      await first.stop();

      // The 站长 types the new password (设置 → 多窗口同步): tried on the hub first, then audited.
      const fresh = { ...auth, password: 'changed-by-the-admin' };
      const clerk = await addSignedStaff(world.desk, {
        name: '李明',
        role: '值班员',
        grids: [],
        password: world.admin.password,
      });
      const asClerk = await communityDesk(world.db, { staffId: clerk.id, role: '值班员', now: T0 });
      const refusal = (p: Promise<unknown>) => p.then(() => undefined, failureMessage);
      expect((await refusal(changeHubAccount(asClerk, config(fresh), same)))?.message).toBe(
        '只有站长/管理员可以更改中心账号',
      );
      const stale = await refusal(changeHubAccount(world.desk, config(auth), same));
      expect(stale).toMatchObject({ message: '中心服务器拒绝了本窗口的账号或密码', field: 'password' });
      expect(await world.db.auditLog.where('action').equals('sync.account').count()).toBe(0);
      expect(await changeHubAccount(world.desk, config(fresh), same)).toEqual(config(fresh));
      expect(await world.db.auditLog.where('action').equals('sync.account').count()).toBe(1);

      const again = await startSync(world.desk, config(fresh), same);
      const ids = await caseEventIds(world);
      await eventually(async () => (await Promise.all(ids.map(onHub))).every(Boolean), 'the cases on the hub');
      await eventually(() => syncStatus().phase === 'synced', 'synced again');
      expect(syncStatus().reason).toBeUndefined();
      await again.stop();
    },
  );
});

describe('the desk claim re-checked at start', () => {
  it(
    'another PC holding the number stops the sync with what to do; nothing goes up',
    { timeout: 120_000 },
    async () => {
      const third = { no: 3, name: '三号窗口' };
      const world = await joinedWorld({ joined: false });
      const desk = { ...world.desk, identity: third };
      await joinCenter(desk, config(hub.deskAuth(1)), deps());

      // The hub admin frees number 3; another installation joins as desk 3 (a restored or cloned PC).
      const db = admin();
      const claim = await db.get<SyncDoc>('desk:3');
      await db.remove(claim._id, claim._rev);
      await db.close();
      const other = await joinedWorld({ joined: false });
      await joinCenter({ ...other.desk, identity: { no: 3, name: '借来的电脑' } }, config(hub.deskAuth(2)), deps());

      const handle = await startSync(desk, config(hub.deskAuth(1)), deps());
      await eventually(() => syncStatus().phase === 'refused', 'refused at start');
      expect(syncStatus().reason).toContain('本机窗口号 3 已被另一台电脑（「借来的电脑」）占用，本机已停止同步');
      expect(syncStatus().reason).toContain('退出中心');
      // The desk keeps working; what it writes stays on it (in its own PouchDB, not on the hub).
      const asAdmin = await communityDesk(world.db, { staffId: world.admin.id, role: world.admin.role, now: T0 });
      await acceptCommittedCase({ ...asAdmin, identity: third }, world.zhang.id);
      await handle.idle();
      const ids = await caseEventIds(world);
      const local = await handle.local.allDocs({ keys: ids });
      expect(local.rows.every((r) => !('error' in r))).toBe(true);
      expect((await Promise.all(ids.map(onHub))).some(Boolean)).toBe(false);
      expect(syncStatus().phase).toBe('refused');
      await handle.stop();
    },
  );
});
