/**
 * Moving as a keyboard user does: Tab (or Shift+Tab) until the control has the focus. A control
 * the keys do not reach within `max` presses fails the test, naming the key.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export async function tabTo(page: Page, target: Locator, o: { back?: boolean; max?: number } = {}): Promise<void> {
  const key = o.back ? 'Shift+Tab' : 'Tab';
  await expect(target).toBeVisible();
  const focused = () => target.evaluate((el) => el === document.activeElement);
  for (let i = 0; i < (o.max ?? 20) && !(await focused()); i++) await page.keyboard.press(key);
  expect(await focused(), `${key} did not reach ${String(target)}`).toBe(true);
}
