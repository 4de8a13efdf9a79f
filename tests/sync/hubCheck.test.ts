/**
 * The join's check of the hub (renderer/src/sync/hubCheck.ts) against real hubs: set up, bare
 * (no design document), wrong credentials, stopped; and the hub serving the web build from its
 * own origin (the browser build's `connect-src 'self'` reaches the API under /db).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startHub, type TestHub } from './hub';
import { remoteDb as remote } from './pouch';
import { setupHub } from '../../scripts/hub-setup.mjs';
import { checkHub } from '../../renderer/src/sync/hubCheck';
import { DESIGN_DOC_ID, DESIGN_DOC_VERSION, designDoc } from '../../shared/sync/designDoc';
import { IMMUTABLE_TABLES, SYNC_SCHEMA } from '../../renderer/src/sync/contract';

let hub: TestHub;
let web: string;

beforeAll(async () => {
  web = await mkdtemp(path.join(os.tmpdir(), 'duty-desk-web-'));
  await writeFile(path.join(web, 'index.html'), '<!doctype html><title>值班台</title>');
  hub = await startHub({ users: 1, web });
});
afterAll(async () => {
  await hub?.stop();
  if (web) await rm(web, { recursive: true, force: true });
});

describe('checkHub (the join asks it first)', () => {
  it('passes a hub set up by the setup step', async () => {
    expect(await checkHub(remote(hub.dbUrl, hub.deskAuth(1)))).toEqual({ ok: true });
  });

  it('names wrong credentials and a missing database', async () => {
    expect(await checkHub(remote(hub.dbUrl, { username: 'desk1', password: 'wrong' }))).toEqual({
      ok: false,
      status: 401,
      reason: '中心服务器拒绝了本窗口的账号或密码',
    });
    const missing = await checkHub(remote(`${hub.apiUrl}/center-none`, hub.adminAuth));
    expect(missing).toMatchObject({ ok: false, status: 404 });
  });

  it('refuses a hub without the design document, and one whose validation is older', async () => {
    const admin = { name: hub.adminAuth.username, password: hub.adminAuth.password };
    const limits = { maxSchema: SYNC_SCHEMA, immutableTables: IMMUTABLE_TABLES };
    await setupHub({ hub: hub.apiUrl, db: 'bare', admin, desks: [], designDoc: designDoc(limits) });
    const db = remote(`${hub.apiUrl}/bare`, hub.adminAuth);
    const installed = await db.get(DESIGN_DOC_ID);
    await db.remove(installed._id, installed._rev);
    const none = await checkHub(remote(`${hub.apiUrl}/bare`, hub.deskAuth(1)));
    expect(none).toEqual({
      ok: false,
      reason: '中心服务器尚未完成设置（缺少校验规则），请站长按说明运行设置步骤后再加入',
    });
    await db.put({ ...designDoc(limits), version: DESIGN_DOC_VERSION - 1 });
    expect(await checkHub(remote(`${hub.apiUrl}/bare`, hub.deskAuth(1)))).toMatchObject({ ok: false });
    await setupHub({ hub: hub.apiUrl, db: 'bare', admin, desks: [], designDoc: designDoc(limits) });
    expect(await checkHub(remote(`${hub.apiUrl}/bare`, hub.deskAuth(1)))).toEqual({ ok: true });
  });

  it('says the hub cannot be reached when it is down', async () => {
    const own = await startHub({ users: 1 });
    await own.stop();
    expect(await checkHub(remote(own.dbUrl, own.deskAuth(1)))).toEqual({
      ok: false,
      reason: '无法连接中心服务器，请检查地址和网络',
    });
  });
});

describe('the web build from the hub’s own origin', () => {
  it('serves the app at / and the API under /db on the same origin', async () => {
    const page = await fetch(`${hub.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('值班台');
    expect(new URL(hub.dbUrl).origin).toBe(new URL(hub.url).origin);
  });
});
