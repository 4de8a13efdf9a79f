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

  /** 标记迁出/已故 on the resident's page: the dialog, with what is still open shown first. */
  async openMarkStatus() {
    await this.page.getByRole('button', { name: '标记迁出/已故' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^标记.*迁出或已故$/ });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Fills and submits the marking (the dialog open); the page then shows the status chip. */
  async markStatus(status: '已迁出' | '已故', day: string, note: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: /^标记.*迁出或已故$/ });
    await dialog.getByRole('radio', { name: status }).check();
    await dialog.getByLabel(status === '已迁出' ? '迁出日期' : '去世日期').fill(day);
    await dialog.getByLabel('说明').fill(note);
    await dialog.getByRole('button', { name: `标记为${status}` }).click();
    await expect(dialog).toHaveCount(0);
  }

  /** The 居民状态 line of the resident's page (absent for 在册). */
  get statusLine() {
    return this.page.getByRole('status', { name: '居民状态' });
  }

  get deleteButton() {
    return this.page.getByRole('button', { name: '删除居民' });
  }

  /** 删除居民 (admins): opens the dialog with its preview of what the deletion touches. */
  async openDelete() {
    await this.deleteButton.click();
    const dialog = this.page.getByRole('dialog', { name: '删除居民档案' });
    await expect(dialog.getByRole('region', { name: '删除的影响' })).toBeVisible();
    return dialog;
  }

  /** Gives the reason and confirms (the dialog open). */
  async confirmDelete(reason: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: '删除居民档案' });
    await dialog.getByLabel('删除原因').fill(reason);
    await dialog.getByRole('button', { name: '确认删除' }).click();
  }

  /** The resident's history tables on their page. */
  get casesTable() {
    return this.page.getByRole('table', { name: '居民的办件' });
  }
}
