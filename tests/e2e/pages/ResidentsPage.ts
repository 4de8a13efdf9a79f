import { expect, type Page } from '@playwright/test';

/** 居民: the list of recent residents and one resident's page. */
export class ResidentsPage {
  constructor(private readonly page: Page) {}

  /** 居民 → 登记新居民 with the given tags (the section open). */
  async register(r: { name: string; idNumber?: string; phone?: string }, tags: string[] = []): Promise<void> {
    const { page } = this;
    await page.getByRole('button', { name: '登记新居民' }).click();
    const dialog = page.getByRole('dialog', { name: '登记新居民' });
    await dialog.getByLabel('姓名').fill(r.name);
    if (r.idNumber) await dialog.getByLabel('身份证号').fill(r.idNumber);
    if (r.phone) await dialog.getByLabel('联系电话').fill(r.phone);
    for (const t of tags) await dialog.getByRole('checkbox', { name: t }).check();
    await dialog.getByRole('button', { name: '保存居民' }).click();
    await expect(dialog).toHaveCount(0);
  }

  async openRecent(name: string): Promise<void> {
    await this.page.getByRole('table', { name: '最近登记的居民' }).getByRole('button', { name }).click();
  }

  /** A field of the resident page (身份证号, 联系电话 …). */
  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The 查看原因 asked before a full ID number or phone is shown (每次查看完整 goes through it). */
  async giveRevealReason(reason: string, other?: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: /^查看完整/ });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('radio', { name: reason }).check();
    if (other !== undefined) await dialog.getByLabel('说明查看原因').fill(other);
    await dialog.getByRole('button', { name: '查看', exact: true }).click();
    await expect(dialog).toHaveCount(0);
  }
}
