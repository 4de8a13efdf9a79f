import { ADMIN, COMMUNITY, expect, test } from './pages';

test.beforeEach(async ({ page }) => {
  // A fixed weekday clock: Tuesday 2026-11-24 09:30 (Asia/Shanghai). Timers still run.
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
});

test('first run → admin → 工作台 → reload keeps everything → wrong PIN five times locks', async ({ page, desk }) => {
  const { shell, signIn } = desk;
  await desk.setup.complete();

  const main = page.getByRole('main');
  await expect(page.getByRole('banner')).toContainText(COMMUNITY.name);
  await expect(shell.currentStaff).toHaveText(`${ADMIN.name}（站长/管理员）`);
  await expect(main.getByLabel('今天')).toHaveText('2026年11月24日 星期二');
  await expect(main.getByLabel('今日开放时间')).toContainText('08:00–18:00');
  // Real counts: the default catalog was loaded, one staff member exists, nothing else yet.
  await expect(main.getByLabel('工作人员', { exact: true })).toHaveText('1');
  await expect(main.getByLabel('今日来访')).toHaveText('0');
  const matters = Number(await main.getByLabel('可办事项').textContent());
  expect(matters).toBeGreaterThanOrEqual(30);
  await page.screenshot({ path: 'test-results/screenshots/dashboard.png', fullPage: true });

  // Reload: the data is in real IndexedDB, the session survives in this tab.
  await page.reload();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(COMMUNITY.name);

  // Sign out: the sign-in page, not the setup wizard.
  await shell.signOut();
  await expect(signIn.form).toBeVisible();
  await page.reload();
  await expect(signIn.form).toBeVisible();

  await signIn.failFiveTimes(ADMIN.name);
  // Even the right PIN is refused while locked.
  await signIn.signIn(ADMIN.name, ADMIN.pin);
  await expect(page.getByRole('alert')).toContainText('账号已临时锁定');
  await expect(page.getByRole('heading', { name: '工作台' })).toHaveCount(0);
});

test('the lock lifts after five minutes and the right PIN then signs in', async ({ page, desk }) => {
  await desk.setup.complete();
  await desk.shell.signOut();
  await desk.signIn.failFiveTimes(ADMIN.name);
  await page.clock.setFixedTime(new Date('2026-11-24T09:36:00+08:00'));
  await desk.signIn.signIn(ADMIN.name, ADMIN.pin);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
});

test('setup refuses bad input at the field and saves nothing', async ({ page, desk }) => {
  await page.goto('./');
  await desk.setup.next();
  await expect(page.getByText('请填写社区名称')).toBeVisible();
  await page.getByLabel('社区名称').fill(COMMUNITY.name);
  await page.getByLabel('社区代码').fill('社区1');
  await page.getByLabel('常住人口').fill('-5');
  await page.getByLabel('服务中心电话').fill('1381234567');
  await desk.setup.next();
  await expect(page.getByLabel('社区代码')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('常住人口')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('服务中心电话')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('常住人口应为 1 到 200000 之间的整数')).toBeVisible();
  // Still on step one, and nothing stored: a reload shows the wizard again.
  await page.reload();
  await expect(page.getByRole('heading', { name: '设置向导' })).toBeVisible();
});

test('an admin adds a duty clerk who then signs in; catalog edits are validated', async ({ page, desk }) => {
  const { settings, shell } = desk;
  await desk.setup.complete();
  await page.getByRole('link', { name: /设置/ }).click();
  await settings.tab('工作人员');
  // Locks are this PC's (signInGuards are desk-local): the screen says so.
  await expect(page.getByText('「已锁定」和「解锁」只针对本机')).toBeVisible();
  await page.getByRole('button', { name: '添加工作人员' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('李明');
  await dialog.getByLabel('第二网格').check();
  await dialog.getByLabel('密码或 PIN', { exact: true }).fill('12');
  await dialog.getByLabel('再次输入密码或 PIN').fill('12');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('PIN 应为 6 到 12 位数字')).toBeVisible();
  await dialog.getByLabel('密码或 PIN', { exact: true }).fill('864209');
  await dialog.getByLabel('再次输入密码或 PIN').fill('864209');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('table', { name: '工作人员' })).toContainText('李明');
  await expect(page.getByRole('table', { name: '工作人员' })).toContainText('第二网格');

  // Catalog: a 即办 matter with a 5-day limit is refused with a message naming the field.
  await settings.tab('事项目录');
  await page.getByRole('button', { name: '新增事项' }).click();
  const matter = page.getByRole('dialog');
  await matter.getByLabel('事项编码').fill('ZX-901');
  await matter.getByLabel('所属类别').fill('政策咨询');
  await matter.getByLabel('事项名称').fill('门牌号码咨询');
  await matter.getByLabel('办理时限（工作日）').fill('5');
  await matter.getByLabel('办事指南').fill('告知居民到派出所办理门牌相关事项。');
  await matter.getByRole('button', { name: '保存' }).click();
  await expect(matter.getByRole('alert')).toContainText('本事项');
  await matter.getByLabel('办理时限（工作日）').fill('0');
  await matter.getByRole('button', { name: '保存' }).click();
  await expect(matter).toHaveCount(0);
  await expect(page.getByRole('table', { name: '事项目录' })).toContainText('门牌号码咨询');

  await shell.switchUser('李明', '864209', '值班员');
  // A duty clerk reads the catalog but cannot edit it.
  await shell.go('设置');
  await expect(page.getByRole('table', { name: '事项目录' })).toBeVisible();
  await expect(page.getByRole('button', { name: '新增事项' })).toHaveCount(0);
});
