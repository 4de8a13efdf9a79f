import type { Page } from '@playwright/test';

/** 居民: the list of recent residents and one resident's page. */
export class ResidentsPage {
  constructor(private readonly page: Page) {}

  async openRecent(name: string): Promise<void> {
    await this.page.getByRole('table', { name: '最近登记的居民' }).getByRole('button', { name }).click();
  }

  /** A field of the resident page (身份证号, 联系电话 …). */
  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }
}
