/**
 * 居民台账导入 in Chromium with real IndexedDB: a generated 500-row ledger (.xlsx, a title row
 * and merged group headers above the header row) with 20 bad rows → 480 saved, the 20 listed
 * with their reasons and downloaded as .xlsx (read back here); importing it again saves nothing;
 * undo takes the 480 back and the audit log says so; the same ledger as a GBK CSV gives the same
 * result. Screenshots of the mapping and preview, and of the rows not imported.
 */
import ExcelJS from 'exceljs';
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { EXISTING, residentLedger } from '../../bench/data/residentLedger';
import { ledgerCsv, ledgerXlsx } from '../fixtures/ledgerFiles';
import { expect, test } from './pages';
import { expectAccessible } from './support/a11y';

const SHOTS = 'test-results/screens';
const ledger = residentLedger(500);

/** Rows of a store (residents: those on file, not the tombstones an undo leaves). */
async function count(page: Page, store: string, filter?: string): Promise<number> {
  return page.evaluate(
    async ([name, action]) => {
      const open = indexedDB.open('duty-desk');
      const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
      const all = await new Promise<{ action?: string; deleted?: unknown }[]>((ok) => {
        const req = db.transaction(name!).objectStore(name!).getAll();
        req.onsuccess = () => ok(req.result as { action?: string; deleted?: unknown }[]);
      });
      db.close();
      const rows = name === 'residents' ? all.filter((r) => !r.deleted) : all;
      return action ? rows.filter((r) => r.action === action).length : rows.length;
    },
    [store, filter] as const,
  );
}

test.beforeEach(async ({ page }) => {
  test.setTimeout(240_000);
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
});

test('a 500-row ledger: 480 saved, 20 listed and downloaded; again → nothing new; undo; the GBK CSV → the same', async ({
  page,
  desk,
}) => {
  await desk.setup.complete();
  const im = desk.residentImport;
  await im.open();

  // Three residents already on file (their rows come again in the ledger).
  const existing = ['姓名,身份证号', ...EXISTING.map((e) => `${e.name},${e.id}`)].join('\r\n');
  await im.choose('已有居民.csv', Buffer.from(existing, 'utf8'));
  await expect(im.planLine).toContainText('共 3 行数据：可导入 3 行，有误 0 行');
  await im.importAll();
  await expect(im.outcome).toContainText('新增 3 位');

  // The ledger as .xlsx: the header row is found under the title and the merged group row.
  await im.choose('桃花岭社区居民台账.xlsx', await ledgerXlsx(ledger));
  await expect(page.getByLabel('表头所在行')).toHaveValue('2');
  await expect(page.getByLabel('身份证号', { exact: true })).toHaveValue('2');
  await expect(page.getByLabel('住址', { exact: true })).toHaveValue('6');
  await expect(im.planLine).toContainText(
    '共 500 行数据：可导入 480 行，有误 17 行；已登记的居民 3 行（按“跳过”不导入）',
  );
  const preview = page.getByRole('table', { name: '导入预览' });
  await expect(preview).toContainText('将导入');
  for (const e of EXISTING) await expect(preview).not.toContainText(e.id);
  await expectAccessible(page, '导入居民台账（预览）');
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/import-mapping-preview.png` });

  await im.importAll();
  await expect(im.outcome).toContainText('新增 480 位，更新 0 位，跳过已登记的 3 位，有误 17 行；未导入 20 行');
  const listed = await im.notImported();
  expect(listed.map(([row]) => Number(row) - 3)).toEqual(ledger.bad);
  expect(listed.filter(([, reason]) => reason!.startsWith('已登记的居民'))).toHaveLength(3);
  expect(listed.filter(([, reason]) => reason!.includes('存成了数字'))).toHaveLength(3);
  await expectAccessible(page, '导入居民台账（结果）');
  await im.outcome.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, -80);
  await page.screenshot({ path: `${SHOTS}/import-rejected.png` });
  const report = new ExcelJS.Workbook();
  await report.xlsx.load(new Uint8Array(await im.downloadNotImported()).buffer);
  const sheet = report.getWorksheet('未导入的行')!;
  expect(sheet.rowCount - 2).toBe(20);
  expect(sheet.getRow(2).getCell(2).value).toBe('未导入原因');
  expect(String(sheet.getRow(3).getCell(2).value)).not.toBe('');
  expect(await count(page, 'residents')).toBe(483);

  // The same file again: nothing new — the preview says so before saving (issue 25 item 11).
  await im.choose('桃花岭社区居民台账.xlsx', await ledgerXlsx(ledger));
  await expect(im.planLine).toContainText('共 500 行数据：可导入 0 行，有误 17 行；已登记的居民 483 行');
  await expect(page.getByRole('button', { name: /^开始导入/ })).toBeDisabled();
  expect(await count(page, 'residents')).toBe(483);

  // Undo the ledger's import: the 480 are gone, the log says so.
  const history = page.getByRole('table', { name: '导入记录' });
  await history.getByRole('row').filter({ hasText: '480' }).getByRole('button', { name: /^撤销/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: '撤销导入' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已撤销' })).toContainText('删除新增的 480 位居民');
  expect(await count(page, 'residents')).toBe(3);
  expect(await count(page, 'auditLog', 'resident.importUndo')).toBe(1);

  // The same ledger as a GBK CSV (as Chinese Excel saves it): the same result.
  await im.choose('桃花岭社区居民台账.csv', ledgerCsv(ledger, 'gbk'));
  await expect(page.getByText('CSV，GBK 编码')).toBeVisible();
  await expect(im.planLine).toContainText(
    '共 500 行数据：可导入 480 行，有误 17 行；已登记的居民 3 行（按“跳过”不导入）',
  );
  await im.importAll();
  await expect(im.outcome).toContainText('新增 480 位，更新 0 位，跳过已登记的 3 位，有误 17 行；未导入 20 行');
  expect(await count(page, 'residents')).toBe(483);
});

test('the template downloads with its two sheets, the ID column as text', async ({ page, desk }) => {
  await desk.setup.complete();
  await desk.residentImport.open();
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载导入模板' }).click();
  const download = await waiting;
  const wb = new ExcelJS.Workbook();
  const { readFile } = await import('node:fs/promises');
  await wb.xlsx.load(new Uint8Array(await readFile((await download.path())!)).buffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['居民台账', '示例与说明']);
  expect((wb.getWorksheet('居民台账')!.getRow(2).values as unknown[]).slice(1, 3)).toEqual(['姓名', '身份证号']);
  expect(wb.getWorksheet('居民台账')!.getColumn(2).numFmt).toBe('@');
});
