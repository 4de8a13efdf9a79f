/**
 * A fault at every step, through the UI (issue 22, item 12): Chromium's real IndexedDB with
 * `IDBObjectStore.prototype.put/add` wrapped (addInitScript, before the app loads) so that,
 * once armed, the N-th call throws a QuotaExceededError DOMException — a full disk in the
 * middle of a save. The clerk sees the Chinese message, what they typed is still there, and
 * nothing was saved: every table read back row for row equals the tables before. Disarmed,
 * the same save goes through (the tracking number was not used up by the failed one).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './pages';

const QUOTA_MESSAGE = '存储空间不足，本次保存未完成，没有写入任何内容';
const CLERK = { name: '李明', pin: '864209', role: '值班员' };
const ZHANG = { name: '张三', phone: '13812345678' };

/** The switch the init script leaves on `window` (the page's own global, test-only). */
type Faults = { armed: boolean; n: number; calls: number; fired: number };
type WithFaults = { __faults: Faults };

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const faults: Faults = { armed: false, n: 0, calls: 0, fired: 0 };
    (window as unknown as WithFaults).__faults = faults;
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        const f = faults;
        if (f.armed && ++f.calls === f.n) {
          f.armed = false;
          f.fired += 1;
          throw new DOMException('injected: the quota has been exceeded', 'QuotaExceededError');
        }
        return original.apply(this, args);
      };
    }
  });
});

/** Fails the `n`-th put/add from now. */
const arm = (page: Page, n: number) =>
  page.evaluate((at) => Object.assign((window as unknown as WithFaults).__faults, { armed: true, n: at, calls: 0 }), n);

/** Stops failing; answers how many faults fired since the page loaded. */
const disarm = (page: Page) =>
  page.evaluate(() => {
    const f = (window as unknown as WithFaults).__faults;
    f.armed = false;
    return f.fired;
  });

/** Every table of the app's database, each row as JSON, read with IndexedDB itself. */
function readTables(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('duty-desk');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const out: Record<string, string[]> = {};
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((ok, fail) => {
            const r = tx.objectStore(name).getAll();
            r.onsuccess = () => {
              out[name] = (r.result as unknown[]).map((row) => JSON.stringify(row));
              ok();
            };
            r.onerror = () => fail(r.error);
          }),
      ),
    );
    db.close();
    return out;
  });
}

test('a registration that hits a full disk: the message, the form kept, nothing saved; then saved', async ({
  page,
  desk: { setup, intake },
}) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await setup.complete();
  await intake.open();
  await intake.registerResident(ZHANG);
  await intake.pickMatter(1, 'dyzz', '党员组织关系转接');
  await intake.allDocumentsReceived();
  await page.getByRole('button', { name: '再办一个事项' }).click();
  await intake.pickMatter(2, 'gljt', '高龄津贴申请');
  await intake.matter(2).getByRole('radio', { name: '帮代办' }).check();

  const before = await readTables(page);
  // The 3rd put/add of the save: after the visit and its log row, in the middle of the cases.
  await arm(page, 3);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: QUOTA_MESSAGE }).first()).toBeVisible();
  expect(await disarm(page)).toBe(1);
  // What the clerk typed is still there.
  await expect(intake.selectedResident).toContainText(ZHANG.name);
  await expect(page.getByRole('combobox', { name: '事项 1' })).toHaveValue(/党员组织关系转接/);
  await expect(page.getByRole('combobox', { name: '事项 2' })).toHaveValue(/高龄津贴申请/);
  await expect(intake.matter(2).getByRole('radio', { name: '帮代办' })).toBeChecked();
  for (const box of await intake.matter(1).getByRole('checkbox').all()) await expect(box).toBeChecked();
  await expect(intake.result).toHaveCount(0);
  // Nothing was saved: every table as before, row for row.
  const after = await readTables(page);
  expect(Object.keys(after).length).toBeGreaterThan(10);
  expect(after).toEqual(before);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test-results/screenshots/faults-intake-quota.png' });

  // The same save, the disk freed: it goes through, and the first number of the day is its own.
  await page.keyboard.press('Control+Enter');
  await expect(intake.trackingNumber(1)).toHaveText('THL-20261124-010001');
  await expect(intake.trackingNumber(2)).toHaveText('THL-20261124-010002');
});

test('a transfer that hits a full disk: the dialog keeps the choice, the case is unchanged; then transferred', async ({
  page,
  desk: { setup, settings, shell, intake, cases },
}) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await setup.complete();
  await settings.addClerk(CLERK.name, CLERK.pin);
  await shell.go('来访登记');
  await intake.registerResident(ZHANG);
  await intake.pickMatter(1, 'dyzz', '党员组织关系转接');
  await intake.allDocumentsReceived();
  await page.keyboard.press('Control+Enter');
  await expect(intake.trackingNumber(1)).toHaveText('THL-20261124-010001');
  await page.getByRole('link', { name: '查看办件' }).click();
  await expect(page.getByRole('heading', { name: /办件 THL-20261124-010001/ })).toBeVisible();
  const status = await cases.status.textContent();

  const dialog = await cases.start('转办');
  const choice = `${CLERK.name}（${CLERK.role}）`;
  await dialog.getByLabel('转给').selectOption({ label: choice });
  const before = await readTables(page);
  // The 2nd put/add: the case is written, its timeline event is not.
  await arm(page, 2);
  await dialog.getByRole('button', { name: '确定转办' }).click();
  await expect(page.getByRole('alert').filter({ hasText: QUOTA_MESSAGE }).first()).toBeVisible();
  expect(await disarm(page)).toBe(1);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('转给').locator('option:checked')).toHaveText(choice);
  expect(await readTables(page)).toEqual(before);
  await expect(cases.status).toHaveText(status ?? '');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test-results/screenshots/faults-transfer-quota.png' });

  await dialog.getByRole('button', { name: '确定转办' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(cases.status).toHaveText('待签收');
});
