/**
 * Issue 24's acceptance: the pump interrupted — the page killed between the Dexie commit and the
 * PouchDB write — re-sends on restart: nothing lost, nothing doubled. In Chromium, on a desk
 * joined to a real hub (tests/sync/hub.ts), with real desk writes (居民台账导入: one write
 * transaction, one outbox row per file). No hook in the app: the test holds the stores the pump
 * needs next (an IndexedDB read-write transaction kept busy from the page, the way another tab
 * would), so the pump stops at an exact point, and kills the page there:
 * - `beforeWrite`: the desk's PouchDB held — the write committed, its outbox row waiting, the
 *   documents not yet in the PouchDB;
 * - `afterWrite`: the outbox held once the row is committed, the PouchDB released — the
 *   documents in the PouchDB, the row not yet deleted (the re-send must not double them).
 * Each run (seeded: how many ordinary writes first, how many during the hold, where, and how the
 * page dies — a renderer crash through CDP or the page closed) ends with the page killed; a new
 * page on the same profile (the same IndexedDB) signs in and the pump drains the outbox. Then
 * every resident and every audit row written is on the desk's PouchDB and on the hub exactly
 * once: one document each, at its first revision (a re-send would make a second), no conflict,
 * the same revision on both, the content as stored.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { startHub, type TestHub } from '../sync/hub';
import { ADMIN, desk, expect, test } from './pages';
import {
  deskContents,
  deskPouch,
  hubContents,
  hubDifferences,
  outboxDocIds,
  startImport,
} from './support/syncContents';

const RUNS = 6;
const PER_FILE = 2;

let hub: TestHub;

test.beforeAll(async () => {
  hub = await startHub({ users: 1 });
});
test.afterAll(async () => {
  await hub?.stop();
});

/** A small deterministic generator (mulberry32): the same kill points on every run of the test. */
function seeded(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

type HoldName = 'pouch' | 'outbox';

/**
 * Holds `stores` of IndexedDB database `db` with a read-write transaction kept busy until
 * released (or the page dies); resolves once the transaction runs, with the rows of the first
 * store.
 */
function hold(page: Page, name: HoldName, db: string, stores: string[]): Promise<unknown[]> {
  return page.evaluate(
    ([name, dbName, stores]) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(new Error(`${dbName} did not open`));
        open.onsuccess = () => {
          const conn = open.result;
          const store = conn.transaction(stores, 'readwrite').objectStore(stores[0]!);
          const w = window as unknown as { __release?: Record<string, () => void> };
          let held = true;
          (w.__release ??= {})[name] = () => (held = false);
          const first = store.getAll();
          first.onsuccess = () => resolve(first.result as unknown[]);
          const spin = () => {
            const r = store.count();
            r.onsuccess = () => (held ? spin() : conn.close());
          };
          spin();
        };
      }),
    [name, db, stores] as const,
  );
}

const release = (page: Page, name: HoldName) =>
  page.evaluate((n) => (window as unknown as { __release: Record<string, () => void> }).__release[n]!(), name);

/** The page killed: its renderer crashed through CDP, or the page closed without unload handlers. */
async function kill(context: BrowserContext, page: Page, how: 'crash' | 'close'): Promise<void> {
  if (how === 'crash') {
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
  }
  await page.close({ runBeforeUnload: false });
}

test('the page killed between the Dexie commit and the PouchDB write: the pump re-sends on restart, nothing lost, nothing doubled', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ baseURL: `${hub.url}/` });
  let page = await context.newPage();
  await desk(page).setup.complete();
  await desk(page).sync.join({ url: hub.dbUrl, ...hub.deskAuth(1), allowPlainHttp: true });

  const random = seeded(24);
  let next = 0;
  const imported = async (d: ReturnType<typeof desk>) => {
    const run = await startImport(d, page, next, PER_FILE);
    next += PER_FILE;
    await run.done();
  };
  for (let run = 0; run < RUNS; run++) {
    const d = desk(page);
    await d.residentImport.open();
    for (let k = random(2); k > 0; k--) await imported(d);
    // The pump idle before the hold, so the held write is the one it stops at.
    await expect.poll(() => outboxDocIds(page)).toEqual([]);
    const where = run % 2 === 0 ? 'beforeWrite' : 'afterWrite';
    await hold(page, 'pouch', '_pouch_duty-desk-sync', ['document-store', 'by-sequence']);
    const writes = 1 + random(2);
    for (let w = 0; w < writes; w++) await imported(d);
    const rows = await outboxDocIds(page);
    expect(rows).toHaveLength(writes);
    if (where === 'afterWrite') {
      // Held while the row waits: the pump's delete comes after this transaction, never before.
      expect(await hold(page, 'outbox', 'duty-desk', ['outbox'])).toHaveLength(writes);
      await release(page, 'pouch');
      // The first row's documents are in the PouchDB (one bulkDocs: its audit row says all).
      const audit = rows[0]!.find((id) => id.startsWith('auditLog:'))!;
      await expect.poll(async () => (await deskPouch(page)).has(audit)).toBe(true);
    }
    await kill(context, page, random(2) === 0 ? 'crash' : 'close');

    // The restart: the same profile, signed in again; the outbox drains.
    page = await context.newPage();
    await page.goto('./');
    await desk(page).signIn.signIn(ADMIN.name, ADMIN.pin);
    await expect.poll(() => outboxDocIds(page), { timeout: 60_000 }).toEqual([]);
  }
  await expect(desk(page).sync.status).toHaveAccessibleName('同步状态：已同步', { timeout: 60_000 });

  // Every resident and audit row: one document at its first revision on the desk's PouchDB and
  // the same revision on the hub, with the content as stored.
  const contents = await deskContents(page);
  expect(Object.keys(contents.residents!)).toHaveLength(next);
  const local = await deskPouch(page);
  await expect.poll(async () => hubDifferences(contents, await hubContents(hub)), { timeout: 60_000 }).toEqual([]);
  const onHub = await hubContents(hub);
  for (const table of ['residents', 'auditLog'] as const)
    for (const key of Object.keys(contents[table]!)) {
      const id = `${table}:${key}`;
      expect(local.get(id)?.rev, id).toMatch(/^1-/);
      expect(onHub.get(id)?.rev, id).toBe(local.get(id)!.rev);
    }
  await context.close();
});
