/**
 * 合并居民档案 in Chromium with real IndexedDB: 张三 registered at this desk (with his ID number
 * and a case) and a second 张三 record (another phone, a case of its own) that then carries the same
 * ID number, as a record from another desk would (the plain index of v11 stores it; it is written
 * straight into IndexedDB, as replication will). A 值班员 has no 重复档案 and is turned away from the
 * page (the data layer's refusal is tested in tests/db/residentMerge.test.ts). The admin finds the
 * pair, keeps 档案一 with 档案二's phone, and the kept record shows every visit and case of both;
 * the same-day undo restores both. axe on the merge page; screenshots at 1366×768.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './pages';
import { expectAccessible } from './support/a11y';
import { ADMIN } from './pages/SetupWizard';

const SHOTS = 'test-results/screens';
const ZHANG = { name: '张三', idNumber: '430104195803151237', phone: '13812345678' };
const SECOND = { name: '张三', phone: '13900009999' };
const CLERK = { name: '李明', pin: '864209', role: '值班员' };

test.beforeEach(async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
});

/** Gives the 张三 record without an ID number the ID number of the other, straight in IndexedDB. */
async function arriveWithSameIdNumber(page: Page, idNumber: string): Promise<void> {
  await page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('duty-desk');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('residents', 'readwrite');
          const store = tx.objectStore('residents');
          const all = store.getAll();
          all.onsuccess = () => {
            const rows = all.result as { name: string; idNumber?: string }[];
            const other = rows.find((r) => r.name === '张三' && !r.idNumber);
            if (other) store.put({ ...other, idNumber: id });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(new Error('write failed'));
        };
      }),
    idNumber,
  );
}

test('an admin merges two records of one person with chosen values; a clerk cannot; undo restores both', async ({
  page,
  desk,
}) => {
  await desk.setup.complete();
  await desk.settings.addClerk(CLERK.name, CLERK.pin);
  const numbers: string[] = [];
  await desk.intake.open();
  for (const r of [ZHANG, SECOND]) {
    await page.keyboard.press('F2'); // a new registration (the last one is still on the form)
    await desk.intake.search.fill(r.name);
    await desk.intake.registerResident(r);
    await desk.intake.pickMatter(1, 'jzdj', '居住登记');
    await desk.intake.allDocumentsReceived();
    await page.keyboard.press('Control+Enter');
    await expect(desk.intake.trackingNumber(1)).toHaveText(/\S/);
    numbers.push((await desk.intake.trackingNumber(1).textContent())!.trim());
  }
  expect(new Set(numbers).size).toBe(2);
  await arriveWithSameIdNumber(page, ZHANG.idNumber);

  // A clerk: no 重复档案 button, and the page itself turns them away.
  await desk.shell.switchUser(CLERK.name, CLERK.pin, CLERK.role);
  await desk.shell.go('居民');
  await expect(page.getByRole('heading', { name: '居民', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '重复档案' })).toHaveCount(0);
  await page.goto('#/residents/duplicates');
  await expect(page.getByText('合并居民档案需要站长/管理员账号。')).toBeVisible();

  await desk.shell.switchUser(ADMIN.name, ADMIN.pin, '站长/管理员');
  await desk.shell.go('居民');
  await page.getByRole('button', { name: '重复档案' }).click();
  const pairs = page.getByRole('table', { name: '身份证号相同的档案' });
  await expect(pairs.getByRole('row')).toHaveCount(2);
  await pairs.getByRole('button', { name: '合并 张三 的两份档案' }).click();
  await expect(page).toHaveURL(/#\/residents\/merge\/[^/]+\/[^/]+$/);
  const [firstId, secondId] = new URL(page.url()).hash.split('/').slice(-2);

  await expect(page.getByRole('heading', { name: '合并居民档案' })).toBeVisible();
  const compare = page.getByRole('table', { name: '两份档案对照' });
  await expect(compare).toContainText('身份证号');
  await expect(compare.getByRole('row').filter({ hasText: '已有记录' })).toContainText('来访 1，办件 1');
  await page.getByRole('radio', { name: '保留档案一' }).check();
  // Which record is 档案一 follows the list's order: take the phone that is not 档案一's.
  const phoneA = page.getByRole('radio', { name: /^联系电话采用档案一/ });
  const phoneB = page.getByRole('radio', { name: /^联系电话采用档案二/ });
  await expect(phoneA).toBeChecked();
  await phoneB.check();
  const chosenPhone = (await phoneB.getAttribute('aria-label'))!.split('：')[1]!;
  await expectAccessible(page, '居民 · 合并居民档案');
  await page.setViewportSize({ width: 1366, height: 768 });
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/resident-merge.png`, fullPage: true });
  await page.getByRole('button', { name: '合并为一份档案' }).click();
  await expect(page.getByRole('status')).toContainText('已合并为一份档案');

  // The kept one shows every visit and case of both, with the phone chosen.
  await page.getByRole('button', { name: '查看保留的档案' }).click();
  await expect(desk.residents.field('联系电话')).toContainText(chosenPhone);
  for (const n of numbers) await expect(desk.residents.casesTable).toContainText(n);
  await expect(page.getByRole('table', { name: '居民的来访记录' }).getByRole('row')).toHaveCount(3);
  await page.screenshot({ path: `${SHOTS}/resident-merged.png` });
  // The merged-away record's address opens the kept record (the page redirects).
  await page.goto(`#/residents/${secondId}`);
  await expect(page).toHaveURL(new RegExp(`#/residents/${firstId}$`));
  await expect(desk.residents.field('联系电话')).toContainText(chosenPhone);

  // Only one 张三 left in the search; the pair is gone from 重复档案; undo from 今天的合并.
  await desk.shell.go('居民');
  await page.getByRole('button', { name: '重复档案' }).click();
  await expect(page.getByText('没有身份证号相同的档案。')).toBeVisible();
  await page
    .getByRole('table', { name: '今天的合并' })
    .getByRole('button', { name: /^撤销合并/ })
    .click();
  await expect(page.getByText('本机今天没有合并过档案。')).toBeVisible();
  await expect(page.getByText(/撤销合并只能在合并的那台值班电脑上、当天进行/)).toBeVisible();
  await expectAccessible(page, '居民 · 重复档案');
  await page.screenshot({ path: `${SHOTS}/resident-duplicates.png`, fullPage: true });
  await expect(pairs.getByRole('row')).toHaveCount(2);

  // Both records are back, each with its own visit and case.
  await desk.shell.go('居民');
  const recent = page.getByRole('table', { name: '最近登记的居民' });
  await expect(recent.getByRole('button', { name: '张三' })).toHaveCount(2);
  for (const i of [0, 1]) {
    await desk.shell.go('居民');
    await recent.getByRole('button', { name: '张三' }).nth(i).click();
    await expect(desk.residents.casesTable.getByRole('row')).toHaveCount(2);
  }
});
