/**
 * Issue 24's acceptance, the hub's accounts and validation, in Chromium against a real hub
 * (tests/sync/hub.ts: set up with one account per desk, as the README's CouchDB steps do), the
 * desks opened on the hub's own origin and joined through 设置 → 多窗口同步:
 * - a wrong password is refused at the join (nothing joined); a joined desk whose password the hub
 *   admin changed shows 未连接 with the reason, keeps working, and syncs again once the 站长 types
 *   the new password in 设置 (without leaving the center);
 * - a document the hub's validation refuses (403) — one without `type`, one changing an event,
 *   written into the desk's PouchDB as a bad or old desk would — is listed with a Chinese reason
 *   and sent once, not retried forever, while the desk's other documents still reach the hub;
 * - no request without credentials is answered (401), from the page and from Node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startHub, type HubAuth, type TestHub } from '../sync/hub';
import { expect, test } from './pages';
import { acceptCase, newDesk } from './support/syncDesks';
import { expectAccessible } from './support/a11y';

let hub: TestHub;

test.beforeAll(async () => {
  hub = await startHub({ users: 2 });
});
test.afterAll(async () => {
  await hub?.stop();
});

const basic = (a: HubAuth) => 'Basic ' + Buffer.from(`${a.username}:${a.password}`).toString('base64');

/** What the hub answers the admin at `path` (under the API root). */
async function asAdmin(urlPath: string, init: RequestInit = {}): Promise<Response> {
  const headers = { authorization: basic(hub.adminAuth), 'content-type': 'application/json' };
  return fetch(hub.apiUrl + urlPath, { ...init, headers });
}

/** The hub admin sets a desk account's password (its `_users` document). */
async function setHubPassword(username: string, password: string): Promise<void> {
  const id = `/_users/org.couchdb.user:${username}`;
  const user = (await (await asAdmin(id)).json()) as Record<string, unknown>;
  expect((await asAdmin(id, { method: 'PUT', body: JSON.stringify({ ...user, password }) })).status).toBe(201);
}

/** How many event documents desk `no` has on the hub. */
async function hubEventsOf(no: number): Promise<number> {
  const range = `startkey=${encodeURIComponent('"caseEvents:"')}&endkey=${encodeURIComponent('"caseEvents:\uffff"')}`;
  const all = (await (await asAdmin(`/center/_all_docs?include_docs=true&${range}`)).json()) as {
    rows: { doc: { desk: number } }[];
  };
  return all.rows.filter((r) => r.doc.desk === no).length;
}

test('wrong password at the join; the password changed on the hub: 未连接 with the reason, the desk works, the 站长 fixes it in 设置', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { context, page, d } = await newDesk(browser, hub, 1);
  const account = { url: hub.dbUrl, ...hub.deskAuth(1), allowPlainHttp: true };

  // A wrong password: refused at the join, in Chinese; nothing joined.
  await d.sync.open();
  await d.sync.fill({ ...account, password: 'not-the-password' });
  await d.sync.form.getByRole('button', { name: '加入中心' }).click();
  await expect(d.sync.form.getByRole('alert').filter({ hasText: '中心服务器' })).toHaveText(
    '中心服务器拒绝了本窗口的账号或密码',
  );
  await expect(d.sync.status).toHaveCount(0);
  await expect(page.getByText(/起加入中心/)).toHaveCount(0);

  await d.sync.join(account);
  await expect(d.sync.status).toHaveAccessibleName('同步状态：已同步', { timeout: 30_000 });

  // The hub admin changes the desk's password: the next exchange is refused.
  await setHubPassword(account.username, 'changed-by-the-hub-admin');
  await acceptCase({ context, page, d }, '张三');
  await expect(d.sync.status).toHaveAccessibleName(/^同步状态：未连接（自 \d\d:\d\d）$/, { timeout: 30_000 });
  await d.sync.status.click();
  const detail = page.getByRole('dialog', { name: /^多窗口同步：未连接/ });
  await expect(detail.getByText('原因：中心服务器拒绝了本窗口的账号或密码')).toBeVisible();
  await expect(detail.getByText(`中心：${hub.dbUrl}（不加密连接，仅限局域网）`)).toBeVisible();
  await page.keyboard.press('Escape');
  // The desk keeps working; nothing of it reached the hub.
  await acceptCase({ context, page, d }, '李四');
  expect(await hubEventsOf(1)).toBe(0);

  // The 站长 types the new password in 设置 → 多窗口同步 (still joined): it syncs again.
  await d.sync.open();
  await expect(page.getByRole('form', { name: '本窗口的中心账号' })).toContainText('中心服务器拒绝了本窗口');
  await expectAccessible(page, '设置 · 多窗口同步 · 中心拒绝了本窗口的账号');
  await d.sync.changePassword('changed-by-the-hub-admin');
  await expect(d.sync.status).toHaveAccessibleName('同步状态：已同步', { timeout: 30_000 });
  await expect.poll(() => hubEventsOf(1), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await context.close();
});

/** The lazily loaded PouchDB chunk of the web build (the page imports it to write as an old desk would). */
function pouchChunk(): string {
  const dir = path.resolve('dist/web/assets');
  const name = readdirSync(dir).find(
    (f) => /^index\.es-.*\.js$/.test(f) && readFileSync(path.join(dir, f), 'utf8').includes('replicateMethods'),
  );
  if (!name) throw new Error('no PouchDB chunk in dist/web/assets: run `npx vite build`');
  return `/assets/${name}`;
}

test('documents the hub refuses (403) are listed with the reason and sent once; the rest still flows', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { context, page, d } = await newDesk(browser, hub, 2, '后台');
  await d.sync.join({ url: hub.dbUrl, ...hub.deskAuth(2), allowPlainHttp: true });
  await acceptCase({ context, page, d }, '王五');
  await expect.poll(() => hubEventsOf(2), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(d.sync.status).toHaveAccessibleName('同步状态：已同步', { timeout: 30_000 });

  const BAD = ['visits:from-an-old-desk'];
  // Every document id each upload carries, counted from now on: the live replication may send the
  // forged event before the page hands its id back, so the ids are not filtered here.
  const sent = new Map<string, number>();
  page.on('request', (r) => {
    if (r.method() !== 'POST' || !r.url().endsWith('/_bulk_docs')) return;
    const { docs = [] } = (r.postDataJSON() ?? {}) as { docs?: { _id: string }[] };
    for (const { _id } of docs) sent.set(_id, (sent.get(_id) ?? 0) + 1);
  });
  // As a bad or old desk would: straight into the desk's PouchDB, past the app's own checks.
  const changed = await page.evaluate(async (chunk) => {
    type Db = {
      put(doc: object): Promise<unknown>;
      allDocs(o: object): Promise<{ rows: { doc: { _id: string; record: object } }[] }>;
    };
    const PouchDB = (await import(chunk)).default as new (name: string) => Db;
    const db = new PouchDB('duty-desk-sync');
    await db.put({ _id: 'visits:from-an-old-desk', schema: 1, desk: 2, record: { id: 'from-an-old-desk' } });
    const events = await db.allDocs({ include_docs: true, startkey: 'caseEvents:', endkey: 'caseEvents:\uffff' });
    const event = events.rows[0]!.doc;
    await db.put({ ...event, record: { ...event.record, forged: '改过的办理记录' } });
    return event._id;
  }, pouchChunk());
  BAD.push(changed);

  // Other documents still flow: a case accepted after them reaches the hub.
  const before = await hubEventsOf(2);
  await acceptCase({ context, page, d }, '赵六');
  await expect.poll(() => hubEventsOf(2), { timeout: 30_000 }).toBeGreaterThan(before);
  await expect(d.sync.status).toHaveAccessibleName('同步状态：已同步', { timeout: 30_000 });

  // Listed in 设置 → 多窗口同步 with the reason, counted on the status.
  await d.sync.open();
  const list = page.getByRole('table', { name: '中心拒收的数据' });
  await expect(list.getByRole('row')).toHaveCount(3);
  await expect(list).toContainText('数据缺少类型（type）或类型与编号不符，中心拒收（403）');
  await expect(list).toContainText('办理记录和日志一经写入不能更改，中心拒收了对它的修改（403）');
  await expect(page.getByRole('region', { name: '同步状态' })).toContainText('中心拒收：2 条');
  // Sent once each, never again: the exchange went on past them.
  expect(Object.fromEntries(BAD.map((id) => [id, sent.get(id) ?? 0]))).toEqual(
    Object.fromEntries(BAD.map((id) => [id, 1])),
  );
  const onHub = await (await asAdmin(`/center/${encodeURIComponent(changed)}`)).json();
  expect((onHub as { record: { forged?: string } }).record.forged).toBeUndefined();
  expect((await asAdmin('/center/visits:from-an-old-desk')).status).toBe(404);
  await context.close();
});

test('the hub answers no request without credentials (401), from the page and from Node', async ({ page }) => {
  const paths = [
    '/db/center',
    '/db/center/_all_docs',
    '/db/center/_changes',
    '/db/center/desk:1',
    '/db/_users',
    '/db/_users/_all_docs',
    '/db/_users/org.couchdb.user:desk1',
    '/db/_all_dbs',
  ];
  await page.goto(`${hub.url}/`);
  const inPage = await page.evaluate(
    async (list) =>
      Promise.all(list.map(async (p) => (await fetch(p, { credentials: 'omit', cache: 'no-store' })).status)),
    paths,
  );
  expect(Object.fromEntries(paths.map((p, i) => [p, inPage[i]]))).toEqual(
    Object.fromEntries(paths.map((p) => [p, 401])),
  );
  const fromNode = await Promise.all(paths.map(async (p) => (await fetch(hub.url + p)).status));
  expect(fromNode).toEqual(paths.map(() => 401));
  // The same paths answer a desk account (the refusal is about credentials, not the paths).
  const desk2 = { authorization: basic(hub.deskAuth(2)) };
  expect((await fetch(`${hub.dbUrl}/_all_docs`, { headers: desk2 })).status).toBe(200);
});
