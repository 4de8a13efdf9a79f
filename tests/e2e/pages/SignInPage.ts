import { expect, type Page } from '@playwright/test';

/** The sign-in form at the shared desk PC. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  get form() {
    return this.page.getByRole('form', { name: '登录' });
  }

  async signIn(name: string, pin: string, role = '站长/管理员'): Promise<void> {
    const { page } = this;
    await expect(this.form).toBeVisible();
    await page.getByLabel('值班人员', { exact: true }).selectOption({ label: `${name}（${role}）` });
    await page.getByLabel('密码或 PIN').fill(pin);
    await page.getByRole('button', { name: '登录' }).click();
  }

  /** Five wrong PINs in a row, each refusal read before the next try (as a person would). */
  async failFiveTimes(name: string): Promise<void> {
    for (let i = 1; i <= 4; i++) {
      await this.signIn(name, '135799');
      await expect(this.page.getByRole('alert')).toHaveText(`密码或 PIN 不正确，还可再试 ${5 - i} 次`);
    }
    await this.signIn(name, '135799');
    await expect(this.page.getByRole('alert')).toContainText('连续 5 次密码错误，账号已临时锁定');
  }
}
