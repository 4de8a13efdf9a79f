/**
 * The sync engine's outbound side against a REAL hub process (tests/sync/hub.ts: express-pouchdb
 * in fullCouchDB mode, set up with desk accounts and the design document): desks are
 * fake-indexeddb databases with pouchdb memory. A desk that worked alone joins and everything it
 * held is on the hub, record by record; later writes follow; the desk number is claimed; the hub
 * SIGKILLed mid-write or stopped for a while loses nothing; a document the hub refuses is listed
 * once; leaving stops the exchange and keeps the data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubConfig, SyncDoc } from '../../renderer/src/sync/contract';
import { joinCenter, leaveCenter, rejectedDocs, startSync, type SyncHandle } from '../../renderer/src/sync/engine';
import type { JoinProgress } from '../../renderer/src/sync/join';
import { TRAVELLING } from '../../renderer/src/sync/outbox';
import { canonical } from '../../renderer/src/sync/pump';
import { portableRecord } from '../../renderer/src/sync/docs';
import { syncStatus } from '../../renderer/src/sync/status';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { EntityName } from '../../renderer/src/db/entities';
import { failureMessage } from '../../renderer/src/db/refusal';
import { addSignedStaff, acceptCommittedCase, communityDesk, T0, WANG_WU } from '../db/testDb';
import { createResident } from '../../renderer/src/db/repositories/residents';
import { joinedWorld } from '../db/sync/world';
import { adminRemote, engineDeps, eventually, hubConfig } from './deskFixtures';
import { startHub, type TestHub } from './hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ users: 3 });
});
afterAll(async () => {
  await hub?.stop();
});

const config = (n: number): HubConfig => hubConfig(hub, hub.deskAuth(n));
const deps = () => engineDeps('desk');

/** Every travelling record of the desk as its document's record should read (canonical JSON by id). */
async function deskDocs(db: DutyDeskDB): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const table of TRAVELLING as EntityName[]) {
    const t = db.table(table);
    const keyPath = t.schema.primKey.keyPath as string;
    for (const r of (await t.toArray()) as Record<string, unknown>[]) {
      const key = table === 'auditLog' ? r.id : r[keyPath];
      out.set(`${table}:${String(key)}`, canonical(JSON.parse(JSON.stringify(portableRecord(table, r)))));
    }
  }
  return out;
}

/** Whether every record of the desk is on the hub with the same content. */
async function hubHasAll(db: DutyDeskDB): Promise<{ missing: number; differing: number }> {
  const want = await deskDocs(db);
  const remote = adminRemote(hub);
  const held = await remote.allDocs({ keys: [...want.keys()], include_docs: true });
  await remote.close();
  let missing = 0;
  let differing = 0;
  for (const row of held.rows) {
    const doc = 'doc' in row ? (row.doc as unknown as SyncDoc | null) : null;
    if (!doc) missing += 1;
    else if (canonical(doc.record) !== want.get(row.key)) differing += 1;
  }
  return { missing, differing };
}

const allUp = async (db: DutyDeskDB) => {
  const { missing, differing } = await hubHasAll(db);
  return missing === 0 && differing === 0;
};

describe('join, the outbound exchange and leave, against a real hub', () => {
  let world: Awaited<ReturnType<typeof joinedWorld>>;
  let handle: SyncHandle | undefined;

  it("join is refused for a 值班员, for plain http without the admin's choice, and for a wrong password", async () => {
    world = await joinedWorld({ joined: false });
    const clerk = await addSignedStaff(world.desk, {
      name: '李明',
      role: '值班员',
      grids: [],
      password: world.admin.password,
    });
    const asClerk = await communityDesk(world.db, { staffId: clerk.id, role: '值班员', now: T0 });
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => failureMessage(e),
      );
    expect((await refusal(joinCenter(asClerk, config(1), deps())))?.message).toBe('只有站长/管理员可以加入中心同步');
    const plain = await refusal(joinCenter(world.desk, { ...config(1), allowPlainHttp: false }, deps()));
    expect(plain?.field).toBe('url');
    expect(plain?.message).toContain('未加密');
    const wrong = await refusal(joinCenter(world.desk, { ...config(1), password: 'not-the-password' }, deps()));
    expect(wrong?.message).toBe('中心服务器拒绝了本窗口的账号或密码');
    expect(await world.db.deskMeta.get('joinedCenter')).toBeUndefined();
    expect(await world.db.outbox.count()).toBe(0);
  });

  it('a desk that worked alone joins: every record it held is on the hub, with progress; its number is claimed', async () => {
    await acceptCommittedCase(world.desk, world.zhang.id);
    await createResident(world.desk, WANG_WU);
    const progress: JoinProgress[] = [];
    // The upload goes over what the desk held before the join (its own sync.join row goes by the outbox).
    const held = (await deskDocs(world.db)).size;
    await joinCenter(world.desk, config(1), deps(), (p) => progress.push(p));
    expect(await allUp(world.db)).toBe(true);
    const upload = progress.filter((p) => p.stage === 'upload');
    expect(upload.at(-1)).toEqual({ stage: 'upload', done: upload.at(-1)!.total, total: held });
    expect(upload.map((p) => p.done)).toEqual([...upload.map((p) => p.done)].sort((a, b) => a - b));
    const joined = await world.db.deskMeta.get('joinedCenter');
    expect(joined?.key === 'joinedCenter' && joined.value.uploaded).toBeGreaterThan(0);
    expect(await world.db.auditLog.where('action').equals('sync.join').count()).toBe(1);
    const remote = adminRemote(hub);
    const claim = (await remote.get('desk:1')) as unknown as SyncDoc;
    await remote.close();
    expect(claim.record).toMatchObject({ no: 1, name: '一号窗口' });
    // The center's list of desks (its reports name them) holds this desk, on the hub too (allUp).
    expect(await world.db.centerDesks.toArray()).toEqual([
      { id: '1', no: 1, name: '一号窗口', joinedAt: expect.any(Number) },
    ]);
  });

  it('another installation with the same desk number is refused, naming the desk that holds it', async () => {
    const other = await joinedWorld({ joined: false });
    const e = await joinCenter(other.desk, config(2), deps()).then(() => undefined, failureMessage);
    expect(e?.message).toContain('窗口号 1 已被本中心的「一号窗口」使用');
    expect(await other.db.deskMeta.get('joinedCenter')).toBeUndefined();
  });

  it("a fresh desk's join pushes only its own documents, not the center it just pulled back", async () => {
    const two = await joinedWorld({ joined: false });
    const desk2 = await communityDesk(two.db, {
      staffId: two.admin.id,
      role: two.admin.role,
      now: T0,
      identity: { no: 2, name: '二号窗口' },
    });
    const remote = adminRemote(hub);
    const center = (await remote.info()).doc_count;
    const progress: JoinProgress[] = [];
    await joinCenter(desk2, config(2), deps(), (p) => progress.push(p));
    // Its own rows went up: the join's audit row among them.
    const joinRow = await two.db.auditLog.where('action').equals('sync.join').first();
    expect(await remote.get(`auditLog:${joinRow!.id}`)).toBeTruthy();
    const pulled = progress.filter((p) => p.stage === 'pull').at(-1)!;
    expect(pulled.done).toBeGreaterThanOrEqual(center);
    // The push went over what the desk wrote after the pull (its upload, the join's own rows), never
    // over the center's documents again (before s35 its total was every document the desk held).
    const push = progress.filter((p) => p.stage === 'push');
    expect(push.length).toBeGreaterThan(0);
    expect(push.at(-1)!.total).toBeLessThanOrEqual((await deskDocs(two.db)).size + 2);
    expect(push.at(-1)!.total).toBeLessThan(center);
    expect((await remote.info()).doc_count).toBeGreaterThan(center);
    await remote.close();
    await leaveCenter(desk2);
  });

  it('joined: later writes reach the hub; the status says synced with nothing pending', async () => {
    // A desk joined before v22 had no row of its own in the center's list: the start writes it again.
    const listed = await world.db.centerDesks.toArray();
    await world.db.centerDesks.clear();
    handle = await startSync(world.desk, config(1), deps());
    expect(await world.db.centerDesks.toArray()).toEqual(listed);
    for (let i = 0; i < 3; i++) await acceptCommittedCase(world.desk, world.zhang.id);
    await eventually(() => allUp(world.db), 'the writes on the hub');
    await handle.idle();
    await eventually(async () => syncStatus().phase === 'synced' && syncStatus().pending === 0, 'synced');
    expect(syncStatus().hub).toEqual({ url: hub.dbUrl, plainHttp: true });
  });

  it(
    'the hub SIGKILLed while the desk writes, restarted on its folder: nothing lost',
    { timeout: 180_000 },
    async () => {
      for (let i = 0; i < 12; i++) {
        if (i === 4) await hub.kill();
        await acceptCommittedCase(world.desk, world.zhang.id);
      }
      await eventually(async () => syncStatus().phase === 'offline', 'offline while the hub is down');
      expect(syncStatus().reason).toBe('无法连接中心服务器，请检查地址和网络');
      expect(syncStatus().since).toBeDefined();
      expect(syncStatus().pending).toBeGreaterThanOrEqual(0);
      await hub.restart();
      await eventually(() => allUp(world.db), 'everything on the hub after the restart');
      await eventually(async () => syncStatus().phase === 'synced', 'synced again');
    },
  );

  it(
    'offline, the desk keeps working and its numbers stay its own; all goes up when the hub is back',
    { timeout: 180_000 },
    async () => {
      await hub.halt();
      const { record } = await acceptCommittedCase(world.desk, world.zhang.id);
      expect(record.trackingNumber).toMatch(/-01\d{4}$/); // desk 1's digits
      await hub.restart();
      await eventually(() => allUp(world.db), 'the offline work on the hub');
    },
  );

  it('a document the hub refuses (403) is listed once, not retried forever', async () => {
    const before = rejectedDocs().length;
    await handle!.local.put({ _id: 'rota:bad', schema: 1 } as never); // no type: the hub's validation refuses it
    await eventually(async () => rejectedDocs().length > before, 'the refusal listed');
    expect(rejectedDocs().at(-1)).toMatchObject({ id: 'rota:bad', table: 'rota', status: 403 });
    expect(syncStatus().rejected).toBe(rejectedDocs().length);
  });

  it('leave: the exchange stops, the data stays, later writes go nowhere', async () => {
    const cases = await world.db.caseEvents.count();
    await leaveCenter(world.desk);
    expect(syncStatus().phase).toBe('off');
    expect(await world.db.deskMeta.get('joinedCenter')).toBeUndefined();
    expect(await world.db.auditLog.where('action').equals('sync.leave').count()).toBe(1);
    expect(await world.db.caseEvents.count()).toBe(cases);
    await acceptCommittedCase(world.desk, world.zhang.id);
    expect(await world.db.outbox.count()).toBe(0);
    expect(await allUp(world.db)).toBe(false); // the new case stays on this desk
  });
});
