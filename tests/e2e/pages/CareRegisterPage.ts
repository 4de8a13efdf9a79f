import { expect, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export type TaggedResident = { name: string; phone: string; building?: string; grid?: string; tags: string[] };

export type CareForm = {
  contactName?: string;
  relation?: string;
  phone?: string;
  needs?: string[];
  dialect?: string;
  time?: string;
  note?: string;
};

/**
 * 重点服务对象: residents registered with their tags (居民 → 登记新居民), the 重点服务信息 of a
 * resident's page and its dialog, and the register in 帮代办 (tab 重点服务对象) with its filters.
 */
export class CareRegisterPage {
  constructor(private readonly page: Page) {}

  /** From the 居民 list: 登记新居民 with phone, building, grid and tags; stays on the list. */
  async registerResident(r: TaggedResident): Promise<void> {
    const { page } = this;
    await page.getByRole('button', { name: '登记新居民' }).click();
    const dialog = page.getByRole('dialog', { name: '登记新居民' });
    await dialog.getByLabel('姓名').fill(r.name);
    await dialog.getByLabel('联系电话').fill(r.phone);
    if (r.building) await dialog.getByLabel('楼栋').fill(r.building);
    if (r.grid) await dialog.getByLabel('网格').selectOption({ label: r.grid });
    for (const tag of r.tags) await dialog.getByRole('checkbox', { name: tag, exact: true }).check();
    await dialog.getByRole('button', { name: '保存居民' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText(`已登记 ${r.name}`)).toBeVisible();
  }

  /** The 重点服务信息 block of the resident page open now. */
  get careBlock() {
    return this.page.getByRole('region', { name: '重点服务信息' });
  }

  get careDialog() {
    return this.page.getByRole('dialog', { name: '编辑重点服务信息' });
  }

  async openCareDialog() {
    await this.careBlock.getByRole('button', { name: '编辑' }).click();
    await expect(this.careDialog).toBeVisible();
    return this.careDialog;
  }

  /** Fills the dialog's fields (the needs ticked); does not save. */
  async fillCare(f: CareForm): Promise<void> {
    const d = this.careDialog;
    if (f.contactName !== undefined) await d.getByLabel('联系人姓名', { exact: true }).fill(f.contactName);
    if (f.relation !== undefined) await d.getByLabel('与居民关系', { exact: true }).fill(f.relation);
    if (f.phone !== undefined) await d.getByLabel('联系人电话', { exact: true }).fill(f.phone);
    for (const need of f.needs ?? []) await d.getByRole('checkbox', { name: need }).check();
    if (f.dialect !== undefined) await d.getByLabel('方言', { exact: true }).fill(f.dialect);
    if (f.time !== undefined) await d.getByLabel('方便联系的时间', { exact: true }).fill(f.time);
    if (f.note !== undefined) await d.getByLabel('备注', { exact: true }).fill(f.note);
  }

  async saveCare(): Promise<void> {
    await this.careDialog.getByRole('button', { name: '保存' }).click();
  }

  /** 帮代办 (Alt+4) → the tab 重点服务对象. */
  async open(): Promise<void> {
    await new AppShell(this.page).go('帮代办');
    await this.page.getByRole('tab', { name: '重点服务对象' }).click();
    await expect(this.table).toBeVisible();
  }

  get section() {
    return this.page.getByRole('region', { name: /^重点服务对象（\d+）$/ });
  }

  get heading() {
    return this.page.getByRole('heading', { name: /^重点服务对象（\d+）$/ });
  }

  get table() {
    return this.page.getByRole('table', { name: '重点服务对象名单' });
  }

  /** The body rows of the register. */
  get rows() {
    return this.table.locator('tbody tr');
  }

  async filter(label: '网格' | '标签', option: string): Promise<void> {
    await this.section.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  async print(): Promise<void> {
    await this.section.getByRole('button', { name: '打印名单' }).click();
  }

  /** The care profile stored for a resident (read from IndexedDB as it is), by name. */
  storedCare(name: string): Promise<unknown> {
    return this.page.evaluate(async (who) => {
      const open = indexedDB.open('duty-desk');
      const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
      const rows = await new Promise<{ name: string; care?: unknown }[]>((ok) => {
        const req = db.transaction('residents').objectStore('residents').getAll();
        req.onsuccess = () => ok(req.result as { name: string; care?: unknown }[]);
      });
      db.close();
      return rows.find((r) => r.name === who)?.care ?? null;
    }, name);
  }
}
