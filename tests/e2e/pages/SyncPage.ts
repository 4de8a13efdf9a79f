import { expect, type Page } from '@playwright/test';

export type HubAccount = { url: string; username: string; password: string; allowPlainHttp?: boolean };

/** 设置 → 多窗口同步: join the center, the status, leave; the top bar's sync status. */
export class SyncPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.keyboard.press('Alt+9');
    await this.page.getByRole('tab', { name: '多窗口同步' }).click();
    await expect(this.page.getByRole('heading', { name: '多窗口同步' })).toBeVisible();
  }

  get form() {
    return this.page.getByRole('form', { name: '加入中心' });
  }

  /** Fills the join form (the tab open) without submitting it. */
  async fill(a: HubAccount): Promise<void> {
    await this.form.getByLabel('中心地址').fill(a.url);
    await this.form.getByLabel('本窗口账号').fill(a.username);
    await this.form.getByLabel('本窗口密码').fill(a.password);
    const box = this.form.getByRole('checkbox', { name: '允许不加密连接（仅限局域网）' });
    if (a.allowPlainHttp) await box.check();
    else await box.uncheck();
  }

  /** Joins the center through the form and waits for the joined status. */
  async join(a: HubAccount): Promise<void> {
    await this.open();
    await this.fill(a);
    await this.form.getByRole('button', { name: '加入中心' }).click();
    await expect(this.page.getByText(/起加入中心/)).toBeVisible({ timeout: 60_000 });
  }

  /** The top bar's status button (its accessible name starts with 同步状态). */
  get status() {
    return this.page.getByRole('banner').getByRole('button', { name: /^同步状态：/ });
  }

  /** Joined: the admin types the desk's new hub password (the tab open) and saves it. */
  async changePassword(password: string): Promise<void> {
    const form = this.page.getByRole('form', { name: '本窗口的中心账号' });
    await form.getByLabel('新的本窗口密码').fill(password);
    await form.getByRole('button', { name: '保存并重新连接' }).click();
    await expect(form.getByRole('status')).toHaveText('已保存新的账号和密码，正在重新连接中心。');
  }
}
