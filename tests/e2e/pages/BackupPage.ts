import { expect, type Download, type Page } from '@playwright/test';

export const BACKUP_PASSPHRASE = '梅花香自苦寒来2026年';

/** 设置 → 数据备份: back up (a download in the browser build), check and restore files. */
export class BackupPage {
  constructor(private readonly page: Page) {}

  get section() {
    return this.page.getByRole('region', { name: '数据备份与恢复' });
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Alt+9');
    await this.page.getByRole('tab', { name: '数据备份' }).click();
    await expect(this.section).toBeVisible();
  }

  /** 立即备份 (setting the passphrase the first time); returns the downloaded backup file. */
  async backUp(): Promise<Download> {
    const { page } = this;
    const first = page.getByLabel('设置备份密码');
    // The form knows whether a passphrase is set once its button is enabled (立即备份 or
    // 设置密码并立即备份): decide only then, or a slow machine takes the one for the other.
    await expect(this.section.getByRole('button', { name: /立即备份$/ })).toBeEnabled();
    const downloading = page.waitForEvent('download');
    if (await first.isVisible()) {
      await first.fill(BACKUP_PASSPHRASE);
      await page.getByLabel('再次输入备份密码').fill(BACKUP_PASSPHRASE);
      await page.getByRole('button', { name: '设置密码并立即备份' }).click();
    } else await page.getByRole('button', { name: '立即备份', exact: true }).click();
    const download = await downloading;
    await expect(this.section.getByText(/已生成备份文件/)).toBeVisible();
    return download;
  }

  /** Clicks a button that opens the file chooser and gives it `file`. */
  async pick(button: string, file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: button }).click();
    await (await chooser).setFiles(file);
  }
}
