/**
 * An upgrade in the browser build waits for a backup of the old data: a database of the
 * previous schema (v3) is on disk → the desk asks for the backup passphrase (none was set),
 * downloads the pre-upgrade backup and goes on only when the clerk confirms it was saved.
 */
import type { Page } from '@playwright/test';
import { SCHEMA_V3 } from '../db/shippedSchemas';
import { BACKUP_PASSPHRASE, expect, test } from './pages';
import { expectAccessible } from './support/a11y';

/** Dexie's schema syntax → object stores, created with plain IndexedDB at Dexie's version n × 10. */
async function seedOldDatabase(page: Page, schema: Record<string, string>, version: number) {
  await page.evaluate(
    ([schema, version]) =>
      new Promise<void>((ok, fail) => {
        const r = indexedDB.open('duty-desk', (version as number) * 10);
        r.onupgradeneeded = () => {
          for (const [name, spec] of Object.entries(schema as Record<string, string>)) {
            const [primary = '', ...indexes] = spec.split(',').map((s) => s.trim());
            const auto = primary.startsWith('++');
            const store = r.result.createObjectStore(name, {
              keyPath: primary.replace(/^\+\+/, ''),
              autoIncrement: auto,
            });
            for (const ix of indexes) {
              const unique = ix.startsWith('&');
              const multiEntry = ix.startsWith('*');
              const keyPath = ix.replace(/^[&*]/, '');
              store.createIndex(keyPath, keyPath, { unique, multiEntry });
            }
          }
        };
        r.onsuccess = () => {
          r.result.close();
          ok();
        };
        r.onerror = () => fail(r.error);
      }),
    [schema, version] as const,
  );
}

test('an upgrade waits for the pre-upgrade backup to be saved', async ({ page }) => {
  // A page of the same origin that is not the app (so nothing opens the database first).
  await page.route('**/seed.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
  );
  await page.goto('/seed.html');
  await seedOldDatabase(page, SCHEMA_V3, 3);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '升级前先备份' })).toBeVisible();
  await expect(page.getByText('数据版本 3')).toBeVisible();
  await expectAccessible(page, '升级前备份');
  const go = page.getByRole('button', { name: '我已保存备份文件，继续升级' });
  await expect(go).toBeDisabled();
  await page.getByLabel('设置备份密码').fill(BACKUP_PASSPHRASE);
  await page.getByLabel('再次输入备份密码').fill(BACKUP_PASSPHRASE);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存升级前备份' }).click();
  expect((await download).suggestedFilename()).toMatch(
    /^duty-desk-NEW-[A-Za-z0-9]{1,8}-\d{8}-\d{6}-preUpgrade\.ddbak$/,
  );
  await go.click();
  // The upgraded (empty) database: the first-run setup.
  await expect(page.getByRole('heading', { name: '设置向导' })).toBeVisible();
});
