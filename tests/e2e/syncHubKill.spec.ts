/**
 * Issue 24's acceptance: the hub SIGKILLed while desk 1 writes 300 records, restarted on the
 * same folder — both desks and the hub converge to equal contents, compared record by record.
 * A real hub process (tests/sync/hub.ts) serving the web build from its own origin; two browser
 * contexts = two desks, set up and joined through 设置 → 多窗口同步. Desk 1 writes 300 residents
 * through 居民台账导入 (ten files of 30: ten write transactions, each with its audit row and
 * import record); the hub is killed while the fourth runs (~1/3 written), the other six are
 * written with the hub gone (the top bar says 未连接), then the hub restarts on its folder and
 * both desks come back to 已同步 by themselves. Then every center table of both desks' IndexedDB
 * is compared record by record, and every travelling record with the hub's document.
 */
import { startHub, type TestHub } from '../sync/hub';
import { expect, test } from './pages';
import { openDesk } from './support/syncDesks';
import { deskContents, differences, hubContents, hubDifferences, startImport } from './support/syncContents';

const FILES = 10;
const PER_FILE = 30;
/** The import during which the hub is killed (0-based: the fourth, ~1/3 written). */
const KILL_AT = 3;

let hub: TestHub;

test.beforeAll(async () => {
  hub = await startHub({ users: 2 });
});
test.afterAll(async () => {
  await hub?.stop();
});

test('the hub SIGKILLed while desk 1 writes 300 records, restarted on its folder: both desks and the hub hold the same records', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const one = await openDesk(browser, hub, 1);
  const two = await openDesk(browser, hub, 2);
  await expect(one.d.sync.status).toHaveAccessibleName('同步状态：已同步', { timeout: 60_000 });

  await one.d.residentImport.open();
  for (let f = 0; f < FILES; f++) {
    const run = await startImport(one.d, one.page, f * PER_FILE, PER_FILE);
    if (f === KILL_AT) await hub.kill();
    await run.done();
    if (f === KILL_AT) await expect(one.d.sync.status).toHaveAccessibleName(/未连接/, { timeout: 60_000 });
  }
  await expect(two.d.sync.status).toHaveAccessibleName(/未连接/, { timeout: 60_000 });

  await hub.restart();
  for (const { d } of [one, two])
    await expect(d.sync.status).toHaveAccessibleName('同步状态：已同步', { timeout: 120_000 });

  // Converged: desk 2 holds what desk 1 holds, record by record, and so does the hub.
  await expect
    .poll(async () => differences(await deskContents(one.page), await deskContents(two.page)), { timeout: 120_000 })
    .toEqual([]);
  const first = await deskContents(one.page);
  expect(Object.keys(first.residents!)).toHaveLength(FILES * PER_FILE);
  expect(Object.keys(first.importBatches!)).toHaveLength(FILES);
  await expect.poll(async () => hubDifferences(first, await hubContents(hub)), { timeout: 60_000 }).toEqual([]);
  expect(await deskContents(two.page)).toEqual(first);

  await one.context.close();
  await two.context.close();
});
