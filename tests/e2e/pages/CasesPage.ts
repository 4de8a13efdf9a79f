import { expect, type Locator, type Page } from '@playwright/test';

/** 办件: the queues and one case's page with its actions. */
export class CasesPage {
  constructor(private readonly page: Page) {}

  async openQueue(name: string): Promise<Locator> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
    return this.page.getByRole('table', { name });
  }

  async openCase(trackingNumber: string): Promise<void> {
    await this.page.getByRole('link', { name: trackingNumber }).click();
  }

  get status() {
    return this.page.getByLabel('办件状态');
  }

  get info() {
    return this.page.getByRole('table', { name: '办件信息' });
  }

  get actions() {
    return this.page.getByRole('region', { name: '办理操作' });
  }

  /** Opens an action's dialog from 办理操作. */
  async start(action: string): Promise<Locator> {
    await this.actions.getByRole('button', { name: action, exact: true }).click();
    return this.page.getByRole('dialog', { name: action });
  }

  /** Performs an action: opens its dialog, lets `fill` fill it in, confirms, waits for it to close. */
  async act(action: string, fill?: (dialog: Locator) => Promise<unknown>): Promise<void> {
    const dialog = await this.start(action);
    if (fill) await fill(dialog);
    await dialog.getByRole('button', { name: `确定${action}` }).click();
    await expect(dialog).toHaveCount(0);
  }
}
