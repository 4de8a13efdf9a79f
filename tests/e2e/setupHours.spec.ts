/** Issue 9 item 9: setup's opening hours are 24-hour fields, not the browser-language native input. */
import { expect, test } from './pages';

test("item 9: setup's time fields show and take 24-hour times", async ({ page, desk: { setup } }) => {
  await page.goto('./');
  await page.getByLabel('社区名称').fill('桃花岭社区');
  await page.getByLabel('社区代码').fill('THL');
  await page.getByLabel('常住人口').fill('8600');
  await page.getByLabel('服务中心电话').fill('0731-88886666');
  await setup.next();
  const start = page.getByLabel('工作日开始');
  await expect(start).toHaveValue('08:00');
  expect(await start.getAttribute('type')).not.toBe('time');
  await start.fill('0830');
  await page.getByLabel('工作日结束').focus();
  await expect(start).toHaveValue('08:30');
  await page.getByLabel('工作日结束').fill('1830');
  await start.focus();
  await expect(page.getByLabel('工作日结束')).toHaveValue('18:30');
  await expect(page.getByRole('main').or(page.locator('body'))).not.toContainText('AM');
});
