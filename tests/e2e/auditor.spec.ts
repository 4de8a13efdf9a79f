/**
 * The 审计员 at the desk, in Chromium with real IndexedDB: an admin creates the account; signed in,
 * the auditor sees the audit log and nothing else (no section, no resident), the log names who
 * did what and holds no personal data; the admin reaches the same log from the top bar; the
 * auditor locks the shared desk (锁屏, Ctrl+L) and the PIN brings back the log.
 */
import { expect, test, ADMIN } from './pages';
import { expectAccessible } from './support/a11y';

const RESIDENT = { name: '周建华', phone: '13875009876' };

test('an 审计员 reads the log and reaches nothing else', async ({ page, desk }) => {
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await desk.setup.complete();
  await desk.settings.addClerk('孙审计', '864209', '审计员');
  await desk.shell.go('居民');
  await desk.residents.register(RESIDENT);
  // The admin opens the log from the top bar.
  await page.getByRole('link', { name: '操作日志' }).click();
  const log = page.getByRole('table', { name: '操作日志' });
  await expect(log).toContainText('登记居民');
  await expect(log).toContainText('添加工作人员');

  await desk.shell.switchUser('孙审计', '864209', '审计员');
  await expect(page.getByRole('heading', { name: '操作日志', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
  await expect(log.getByRole('row').filter({ hasText: '登记居民' })).toContainText(ADMIN.name);
  await expect(log.getByRole('cell', { name: '登录', exact: true }).first()).toBeVisible();
  const text = await page.locator('body').innerText();
  expect(text).not.toContain(RESIDENT.name);
  expect(text).not.toContain(RESIDENT.phone);
  // Sections do not open for the auditor, by shortcut or by address.
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { name: '操作日志', level: 1 })).toBeVisible();
  await page.goto('/#/residents');
  await expect(page.getByRole('heading', { name: '操作日志', level: 1 })).toBeVisible();
  await page.getByLabel('类别').selectOption('居民');
  await expect(log.getByRole('row')).toHaveCount(2);
  // The pager under the log announces the range it shows; one page: neither way is open.
  const pager = page.getByRole('group', { name: '操作日志翻页' });
  await expect(pager.getByRole('status')).toHaveText('第 1–1 条，共 1 条');
  await expect(pager.getByRole('button', { name: '下一页' })).toBeDisabled();
  await expectAccessible(page, '审计员 · 操作日志');
  await page.screenshot({ path: 'test-results/screens/audit-log.png' });

  // The desk PC is shared: the auditor locks it like everyone else, by the button and by Ctrl+L.
  await desk.shell.lock();
  await expect(desk.lockScreen.lockedStaff).toContainText('孙审计');
  await expect(page.getByRole('table', { name: '操作日志' })).toHaveCount(0);
  await desk.lockScreen.unlock('864209');
  await expect(page.getByRole('heading', { name: '操作日志', level: 1 })).toBeVisible();
  await expect(desk.shell.currentStaff).toHaveText('孙审计（审计员）');
  await page.keyboard.press('Control+l');
  await expect(desk.lockScreen.form).toBeVisible();
  await desk.lockScreen.unlock('864209');
  await expect(page.getByRole('heading', { name: '操作日志', level: 1 })).toBeVisible();
  await expect(log.getByRole('cell', { name: '解锁', exact: true }).first()).toBeVisible();
});
