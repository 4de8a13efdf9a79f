/**
 * 居民状态 and 删除居民 in Chromium with real IndexedDB: a 值班员 marks 张三 (with an open case)
 * 已迁出 — the dialog names the open case first, the page then shows the status and still lists
 * the case; 来访登记's search no longer finds him, finds him with 包括已迁出、已故; a 值班员 has no
 * 删除居民. An admin deletes 李四 (a finished 即办 case) after the preview of what it touches, with
 * a reason asked at its field; the visit and case stay in the register and the 办件 list under their tracking
 * number, shown as 已删除居民. axe on both
 * dialogs; screenshots at 1366×768.
 */
import { mkdir } from 'node:fs/promises';
import { expect, test } from './pages';
import { expectAccessible } from './support/a11y';

const SHOTS = 'test-results/screens';
const ZHANG = { name: '张三', idNumber: '430104195803151237', phone: '13812345678' };
const LI = { name: '李四', phone: '13975001234' };
const CLERK = { name: '李明', pin: '864209', role: '值班员' };

test.beforeEach(async ({ page }) => {
  test.setTimeout(90_000);
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
});

test('a clerk marks a resident 已迁出: hidden from the default search, found with the checkbox, history kept', async ({
  page,
  desk,
}) => {
  await desk.setup.complete();
  await desk.settings.addClerk(CLERK.name, CLERK.pin);
  await desk.shell.switchUser(CLERK.name, CLERK.pin, CLERK.role);
  // 张三 comes with a 承诺件: an open case.
  const tracking = 'THL-20261124-010001';
  await desk.intake.open();
  await desk.intake.registerResident(ZHANG);
  await desk.intake.pickMatter(1, 'dyzz', '党员组织关系转接');
  await desk.intake.allDocumentsReceived();
  await page.keyboard.press('Control+Enter');
  await expect(desk.intake.trackingNumber(1)).toHaveText(tracking);

  await desk.shell.go('居民');
  await desk.residents.openRecent(ZHANG.name);
  await expect(desk.residents.deleteButton).toHaveCount(0);
  const dialog = await desk.residents.openMarkStatus();
  await expect(dialog.getByRole('status', { name: '未办完的事项' })).toContainText(tracking);
  // A day to come is told at its field.
  await dialog.getByLabel('迁出日期').fill('2026-11-30');
  await dialog.getByLabel('说明').fill('迁往岳麓区，本人来站告知');
  await dialog.getByRole('button', { name: '标记为已迁出' }).click();
  await expect(dialog.getByLabel('迁出日期')).toHaveAccessibleDescription('日期不能晚于今天');
  await expectAccessible(page, '居民 · 标记迁出或已故');
  await page.setViewportSize({ width: 1366, height: 768 });
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/resident-mark-status.png` });
  await desk.residents.markStatus('已迁出', '2026-11-20', '迁往岳麓区，本人来站告知');
  await expect(desk.residents.statusLine).toContainText('已迁出（2026-11-20）');
  await expect(desk.residents.casesTable).toContainText(tracking);
  await page.screenshot({ path: `${SHOTS}/resident-moved-away.png` });

  // 来访登记: not found by default, found with 包括已迁出、已故.
  await desk.intake.open();
  await desk.intake.search.fill('张三');
  await expect(page.getByText('没有找到，按 Enter 登记新居民')).toBeVisible();
  await page.getByRole('checkbox', { name: '包括已迁出、已故' }).check();
  await expect(page.getByRole('list', { name: '查找结果' })).toContainText('张三 · 男（已迁出）');
});

test('an admin deletes a resident after the preview; the case keeps its tracking number', async ({ page, desk }) => {
  await desk.setup.complete();
  // 李四: a 即办 (done on the spot), so nothing is open.
  await desk.intake.open();
  await desk.intake.search.fill(LI.name);
  await desk.intake.registerResident(LI);
  await desk.intake.pickMatter(1, 'jzdj', '居住登记');
  await desk.intake.allDocumentsReceived();
  await page.keyboard.press('Control+Enter');
  await expect(desk.intake.trackingNumber(1)).toHaveText('THL-20261124-010001');

  await desk.shell.go('居民');
  await desk.residents.openRecent(LI.name);
  const dialog = await desk.residents.openDelete();
  const preview = dialog.getByRole('region', { name: '删除的影响' });
  await expect(preview).toContainText('来访记录：1 条');
  await expect(preview).toContainText('办件：1 条');
  await expect(preview).toContainText('材料交接记录：0 条');
  await desk.residents.confirmDelete('重复');
  await expect(dialog.getByLabel('删除原因')).toHaveAccessibleDescription('请填写删除原因（至少 4 个字）');
  await expectAccessible(page, '居民 · 删除居民档案');
  await page.setViewportSize({ width: 1366, height: 768 });
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/resident-delete.png` });
  await desk.residents.confirmDelete('重复登记的档案');
  await expect(page.getByRole('heading', { name: '居民', exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: '最近登记的居民' })).not.toContainText(LI.name);

  // The visit and its case are still in today's register under the tracking number.
  await desk.intake.open();
  const register = await desk.intake.openRegister();
  await expect(register).toContainText('THL-20261124-010001');
  await expect(register).not.toContainText(LI.name);
  await expect(register.getByRole('row').filter({ hasText: 'THL-20261124-010001' })).toContainText('已删除居民');
  // And in the 办件 list, not a bare '—'.
  await desk.shell.go('办件');
  const all = await desk.cases.openQueue('全部办件');
  await expect(all.getByRole('row').filter({ hasText: 'THL-20261124-010001' })).toContainText('已删除居民');
});
