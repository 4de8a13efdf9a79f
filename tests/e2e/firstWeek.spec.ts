/**
 * Issue 9, "the first week at the counter": what a new duty clerk tripped over, one test per
 * numbered item (named by it), each failing without its fix.
 */
import { ADMIN, expect, test } from './pages';

test.beforeEach(async ({ page, desk }) => {
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await desk.setup.complete();
});

test('item 1: F2 opens a new registration from any section with the focus in the resident search; Alt+2 lands in it too', async ({
  page,
  desk: { shell, intake },
}) => {
  await shell.go('办件');
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  await expect(intake.search).toBeFocused();
  await shell.go('设置');
  await page.keyboard.press('F3');
  await expect(intake.search).toBeFocused();
  await shell.go('工作台');
  await shell.go('来访登记');
  await expect(intake.search).toBeFocused();
});

test('item 2: 预览 → 打印 closes the preview, so F2 and Ctrl+Enter work again', async ({ page, desk: { intake } }) => {
  await intake.open();
  await intake.registerResident({ name: '张三', phone: '13812345678' });
  await intake.pickMatter(1, 'jzdj', '居住登记');
  await intake.allDocumentsReceived();
  await page.keyboard.press('Control+Enter');
  await expect(intake.trackingNumber(1)).toHaveText('THL-20261124-0001');
  await intake.previewReceipt('办结回执');
  await page.getByRole('dialog').getByRole('button', { name: '打印办结回执' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '已送打印' })).toBeVisible();
  await page.keyboard.press('F2');
  await expect(intake.search).toBeFocused();
  await expect(intake.result).toHaveCount(0);
});

test('item 5: a half-filled registration survives a section switch and a reload; F2 starts afresh with an undo; sign-out warns and discards it', async ({
  page,
  desk: { shell, intake, signIn },
}) => {
  await intake.open();
  await intake.registerResident({ name: '李四', phone: '13900001111' });
  await intake.pickMatter(1, 'jzdj', '居住登记');
  await page.getByRole('radio', { name: '来电' }).check();

  await shell.go('办件');
  await shell.go('来访登记');
  await expect(intake.selectedResident).toContainText('李四');
  await expect(page.getByRole('combobox', { name: '事项 1' })).toHaveValue('居住登记');
  await page.reload();
  await expect(intake.selectedResident).toContainText('李四');
  await expect(page.getByRole('radio', { name: '来电' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: '事项 1' })).toHaveValue('居住登记');

  // F2 on a half-filled form starts afresh at once, and can bring the discarded one back.
  await page.keyboard.press('F2');
  await expect(intake.selectedResident).toHaveCount(0);
  await expect(intake.search).toBeFocused();
  await page.getByRole('button', { name: '恢复上一份登记' }).click();
  await expect(intake.selectedResident).toContainText('李四');
  await expect(page.getByRole('combobox', { name: '事项 1' })).toHaveValue('居住登记');

  // Sign-out warns, then discards it: the next person sees an empty form.
  await page.getByRole('button', { name: '退出登录' }).click();
  const warning = page.getByRole('dialog', { name: '有未保存的来访登记' });
  await warning.getByRole('button', { name: '仍然退出' }).click();
  await signIn.signIn(ADMIN.name, ADMIN.pin);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await intake.open();
  await expect(intake.selectedResident).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: '事项 1' })).toHaveValue('');
});

test("item 6: signing in opens the 工作台, not the previous person's last page", async ({
  page,
  desk: { shell, settings, signIn },
}) => {
  await settings.addClerk('李明', '864209');
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  await shell.signOut();
  await signIn.signIn('李明', '864209', '值班员');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(page).toHaveURL(/#\/dashboard$/);
});
