import { expect, type Page } from '@playwright/test';

export type ResidentForm = { name: string; idNumber?: string; phone?: string; grid?: string };

/** 来访登记: the counter form, its result panel and today's register. */
export class IntakePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.keyboard.press('Alt+2');
    await expect(this.page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  }

  get search() {
    return this.page.getByLabel('查找居民');
  }

  get selectedResident() {
    return this.page.getByLabel('已选居民');
  }

  get result() {
    return this.page.getByRole('region', { name: '登记结果' });
  }

  /** The region of the n-th matter of this visit (1-based). */
  matter(n: number) {
    return this.page.getByRole('region', { name: `事项 ${n}` });
  }

  trackingNumber(n: number) {
    return this.page.getByLabel(`受理编号 ${n}`);
  }

  /** Opens 登记新居民, fills it and saves; the resident becomes selected. */
  async registerResident(r: ResidentForm): Promise<void> {
    const { page } = this;
    await page.getByRole('button', { name: '登记新居民' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill(r.name);
    if (r.idNumber) await dialog.getByLabel('身份证号').fill(r.idNumber);
    if (r.phone) await dialog.getByLabel('联系电话').fill(r.phone);
    if (r.grid) await dialog.getByLabel('网格').selectOption({ label: r.grid });
    await dialog.getByRole('button', { name: '保存居民' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(this.selectedResident).toContainText(r.name);
  }

  /** Picks a matter by typing into the matter box (as a clerk does) and choosing the option. */
  async pickMatter(index: number, query: string, name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: `事项 ${index}` }).fill(query);
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  }

  async allDocumentsReceived(): Promise<void> {
    await this.page.getByRole('button', { name: '材料全部收齐' }).click();
  }

  /** The save button (Ctrl+Enter does the same from the keyboard). */
  async save(): Promise<void> {
    await this.page.getByRole('button', { name: '保存登记（Ctrl+Enter）' }).click();
  }

  /** A new resident's visit with one matter, all documents in, saved; then its case page. */
  async acceptAndOpen(r: ResidentForm, query: string, matter: string): Promise<void> {
    await this.open();
    await this.registerResident(r);
    await this.pickMatter(1, query, matter);
    await this.allDocumentsReceived();
    await this.page.keyboard.press('Control+Enter');
    await this.page.getByRole('link', { name: '查看办件' }).click();
  }

  /** The preview iframe of a receipt, opened from the result panel. */
  async previewReceipt(kind: string) {
    await this.page.getByRole('button', { name: `预览${kind}` }).click();
    const frame = this.page.frameLocator(`iframe[title="${kind.split(' ').pop()}预览"]`);
    await expect(frame.locator('body')).toBeVisible();
    return frame;
  }

  async openRegister() {
    await this.page.getByRole('tab', { name: '今日来访台账' }).click();
    return this.page.getByRole('table', { name: '今日来访台账' });
  }
}
