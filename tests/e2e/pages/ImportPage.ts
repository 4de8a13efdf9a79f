import { expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** 导入居民台账 (居民 → 导入居民台账): choose a file, check the preview, import, the report, undo. */
export class ImportPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.keyboard.press('Alt+7');
    await this.page.getByRole('button', { name: '导入居民台账' }).click();
    await expect(this.page.getByRole('heading', { name: '导入居民台账', level: 1 })).toBeVisible();
  }

  /** Chooses the file and waits for its preview line (共 N 行数据：…). */
  async choose(name: string, buffer: Buffer): Promise<void> {
    await this.page.getByLabel('台账文件').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await expect(this.page.getByRole('status').filter({ hasText: '行数据：可导入' })).toBeVisible();
  }

  get planLine() {
    return this.page.getByRole('status').filter({ hasText: '行数据：可导入' });
  }

  async importAll(): Promise<void> {
    await this.page.getByRole('button', { name: /^开始导入/ }).click();
    await expect(this.outcome).toBeVisible({ timeout: 60_000 });
  }

  get outcome() {
    return this.page.getByRole('status').filter({ hasText: '导入完成' });
  }

  /** The reasons of the rows not imported, as the table on screen lists them. */
  async notImported(): Promise<string[][]> {
    const rows = this.page.getByRole('table', { name: '未导入的行' }).locator('tbody tr');
    return Promise.all((await rows.all()).map((r) => r.locator('td').allTextContents()));
  }

  async downloadNotImported(): Promise<Buffer> {
    const waiting = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '下载未导入的行' }).click();
    return readFile((await (await waiting).path())!);
  }
}
