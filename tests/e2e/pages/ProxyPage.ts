import { expect, type Page } from '@playwright/test';

/** 帮代办 (Alt+4): the request queues, a request by phone, booking, 送达; the 材料在外 list. */
export class ProxyPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.keyboard.press('Alt+4');
    await expect(this.page.getByRole('heading', { name: '帮代办', level: 1 })).toBeVisible();
  }

  async view(name: RegExp | string): Promise<void> {
    await this.page.getByRole('tablist', { name: '帮代办视图' }).getByRole('tab', { name }).click();
  }

  async queue(name: string): Promise<void> {
    await this.page
      .getByRole('tablist', { name: '代办队列' })
      .getByRole('tab', { name: new RegExp(`^${name}`) })
      .click();
  }

  rows(queue: string) {
    return this.page.getByRole('table', { name: `${queue}的代办` }).getByRole('row');
  }

  /** 登记代办需求: a resident on file asks by phone (or from a home visit). */
  async registerRequest(resident: string, request: string, source: '电话' | '入户走访' = '电话'): Promise<void> {
    const { page } = this;
    await page.getByRole('button', { name: '登记代办需求' }).click();
    const dialog = page.getByRole('dialog', { name: '登记代办需求' });
    await dialog.getByLabel(/查找居民/).fill(resident);
    await dialog
      .getByRole('button', { name: new RegExp(resident) })
      .first()
      .click();
    await dialog.getByLabel('需求来源').selectOption(source);
    await dialog.getByLabel('需要代办什么').fill(request);
    await dialog.getByRole('button', { name: '登记' }).click();
    await expect(dialog).toHaveCount(0);
  }

  /** 确认事项并受理 on the request of this resident, typing the matter's initials. */
  async accept(resident: string, query: string, matter: string): Promise<void> {
    const { page } = this;
    await page.getByRole('button', { name: `确认事项并受理：${resident}` }).click();
    const dialog = page.getByRole('dialog', { name: '确认事项并受理' });
    await dialog.getByRole('combobox', { name: '代办事项' }).fill(query);
    await page.getByRole('option', { name: new RegExp(`^${matter}`) }).click();
    await dialog.getByRole('button', { name: '受理' }).click();
    await expect(dialog).toHaveCount(0);
  }
}
