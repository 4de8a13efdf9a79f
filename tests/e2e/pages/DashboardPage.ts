import type { Page } from '@playwright/test';

/** 工作台: today's counts. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  /** The number on the card whose label contains `label` (e.g. 即将超期 → 即将超期（含今日）). */
  count(label: string, exact = false) {
    return this.page.getByRole('main').getByLabel(label, { exact });
  }
}
