import { expect, type Page } from '@playwright/test';

/** 锁屏: the whole window while the desk is locked (idle, the 锁屏 button or Ctrl+L). */
export class LockScreen {
  constructor(private readonly page: Page) {}

  get form() {
    return this.page.getByRole('form', { name: '锁屏' });
  }

  /** Who was on duty when the desk locked. */
  get lockedStaff() {
    return this.page.getByLabel('锁屏前的值班人员');
  }

  get staffSelect() {
    return this.form.getByLabel('值班人员', { exact: true });
  }

  /** Types a PIN at the lock screen, as `name` (role) if given, else as the person preselected. */
  async unlock(pin: string, as?: { name: string; role: string }): Promise<void> {
    await expect(this.form).toBeVisible();
    if (as) await this.staffSelect.selectOption({ label: `${as.name}（${as.role}）` });
    await this.form.getByLabel('密码或 PIN').fill(pin);
    await this.form.getByRole('button', { name: '解锁' }).click();
  }

  /**
   * What of the page could still show personal data: the body's text and markup, every field's
   * value, and the documents of every frame (the print view).
   */
  async pageContents(): Promise<{ text: string; html: string; values: string[]; frames: string[] }> {
    return this.page.evaluate(() => ({
      text: document.body.innerText,
      html: document.body.innerHTML,
      values: [
        ...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
          'input, textarea, select',
        ),
      ].map((e) => e.value),
      frames: [...document.querySelectorAll('iframe')].map(
        (f) => f.srcdoc + (f.contentDocument?.documentElement.outerHTML ?? ''),
      ),
    }));
  }
}
