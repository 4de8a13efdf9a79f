import { expect, type Locator, type Page } from '@playwright/test';

export const PLEDGE_ACCEPT = '我已阅读并承诺';

/** The 保密承诺 screen (first sign-in of a staff member, then yearly). */
export function pledge(page: Page) {
  return page.getByRole('region', { name: '个人信息保密承诺' });
}

/**
 * After a sign-in (or the setup wizard): waits for the 工作台, the 保密承诺 or a refusal
 * (`refused`); accepts the pledge when it is shown, so every spec reaches the desk as before.
 */
export async function acceptPledgeIfShown(page: Page, refused?: Locator): Promise<void> {
  const accept = pledge(page).getByRole('button', { name: PLEDGE_ACCEPT });
  // The desk: the 工作台, or the 操作日志 of an 审计员.
  const desk = page.getByRole('heading', { name: /^(工作台|操作日志)$/, level: 1 });
  const either = refused ? accept.or(desk).or(refused) : accept.or(desk);
  await expect(either.first()).toBeVisible();
  if (await accept.isVisible()) {
    await accept.click();
    await expect(accept).toHaveCount(0);
  }
}

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
    await acceptPledgeIfShown(page, this.form.getByRole('alert'));
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
