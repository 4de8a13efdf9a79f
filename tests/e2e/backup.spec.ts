/**
 * Issue 11 in the browser build: a backup on demand (a download), 检查备份, a restore through
 * the UI, the 工作台's warning after a failed backup, and the wipe test — the IndexedDB folder of
 * a persistent Chromium profile deleted between runs → the app blocks at start and the backup
 * brings every record back. Issue 22: only an admin sets the passphrase and backs up (a 值班员
 * sees neither, nor the reminder); the audit rows written after a backup survive its restore;
 * 从空白开始 is refused without an admin PIN.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { ADMIN, BACKUP_PASSPHRASE, desk, expect, test } from './pages';
import { expectAccessible } from './support/a11y';
import { auditRows } from './support/auditLog';
import { deleteIndexedDbFolder, deskWithOneResident, integrityCaughtUp, launchProfile } from './support/wipe';

test('a backup on demand, 检查备份, a damaged copy refused, and a restore through the UI', async ({
  page,
  desk: d,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  await d.setup.complete();
  await d.intake.open();
  await d.intake.registerResident({ name: '甲一', phone: '13900002222' });
  await d.backup.open();
  await expectAccessible(page, '设置 · 数据备份');
  const download = await d.backup.backUp();
  expect(download.suggestedFilename()).toMatch(/^duty-desk-THL-D01-[A-Za-z0-9]{1,8}-\d{8}-\d{6}-regular\.ddbak$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(d.backup.section.getByLabel('上次成功备份')).not.toContainText('还没有备份');

  await page.keyboard.press('Alt+1');
  await expect(page.getByLabel('上次成功备份')).not.toContainText('还没有备份');
  await expect(page.getByText('今天还没有保存备份文件')).toHaveCount(0);

  await d.backup.open();
  await d.backup.pick('检查备份', file);
  await expect(d.backup.section.getByText('备份完好，可以恢复')).toBeVisible();
  await expect(d.backup.section.getByRole('status').filter({ hasText: '居民 1 条' })).toBeVisible();
  // One character of the encrypted data changed: refused, with the reason.
  const text = await readFile(file, 'utf8');
  const at = text.indexOf('"data":"') + 20;
  const damaged = testInfo.outputPath('damaged.ddbak');
  await writeFile(damaged, text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1));
  await d.backup.pick('检查备份', damaged);
  await expect(d.backup.section.getByRole('alert').filter({ hasText: '校验未通过' })).toBeVisible();

  // Later work, then the restore: the backup's data comes back, the later resident goes.
  await d.intake.open();
  await page.keyboard.press('F2'); // a new registration (the last one is still on the form)
  await d.intake.registerResident({ name: '乙二', phone: '13900003333' });
  const created = await auditRows(page, ['resident.create']);
  expect(created).toHaveLength(2);
  await d.backup.open();
  await d.backup.pick('从备份恢复', file);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('status')).toContainText('居民 1 条');
  await expect(dialog.getByRole('status')).toContainText('制作人：王秀英');
  // The browser build: the live data is saved first (a download), then the restore may go on.
  const confirm = dialog.getByRole('button', { name: '我已保存现有数据，确认恢复' });
  await expect(confirm).toBeDisabled();
  const before = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '先下载现有数据的备份' }).click();
  expect((await before).suggestedFilename()).toMatch(/-preRestore\.ddbak$/);
  await confirm.click();
  // Issue 25 item 12: the restore ends the session — the sign-in screen says why.
  await expect(page.getByRole('status').filter({ hasText: '已恢复，请重新登录' })).toBeVisible();
  // The accounts are those of the restored data: sign in again.
  await d.signIn.signIn(ADMIN.name, ADMIN.pin);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.keyboard.press('Alt+7');
  const recent = page.getByRole('table', { name: '最近登记的居民' });
  await expect(recent).toContainText('甲一');
  await expect(recent).not.toContainText('乙二');
  // A restore never removes an audit row: 乙二's registration, written after the backup, is
  // still in the log (once), and the restore is the last row.
  expect(await auditRows(page, ['resident.create'])).toEqual(created);
  const restoreRows = await auditRows(page, ['backup.restore', 'resident.create']);
  expect(restoreRows.at(-1)?.action).toBe('backup.restore');

  // Issue 25 item 12: a backup made on another machine (its own accounts). The restore must not
  // leave this desk on a 保密承诺 with an empty 承诺人: the clerk signs in with an account of
  // the restored data.
  const other = await browser.newContext();
  const elsewhere = desk(await other.newPage());
  await elsewhere.setup.complete();
  await elsewhere.intake.open();
  await elsewhere.intake.registerResident({ name: '丙三', phone: '13900004444' });
  await elsewhere.backup.open();
  const otherFile = testInfo.outputPath('other-machine.ddbak');
  await (await elsewhere.backup.backUp()).saveAs(otherFile);
  await other.close();
  await d.backup.open();
  await d.backup.pick('从备份恢复', otherFile);
  await dialog.getByLabel('备份密码').fill(BACKUP_PASSPHRASE);
  const saved = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '先下载现有数据的备份' }).click();
  await saved;
  await dialog.getByRole('button', { name: '我已保存现有数据，确认恢复' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已恢复，请重新登录' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '保密承诺' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/restored-signin.png' });
  await d.signIn.signIn(ADMIN.name, ADMIN.pin);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('table', { name: '最近登记的居民' })).toContainText('丙三');
});

test('only an admin sets the backup passphrase and backs up; a 值班员 sees neither, nor the reminder', async ({
  page,
  desk: d,
}) => {
  await d.setup.complete();
  await d.settings.addClerk('李明', '135792');
  await d.shell.switchUser('李明', '135792', '值班员');
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(page.getByText('今天还没有保存备份文件')).toHaveCount(0);
  await d.backup.open();
  await expect(d.backup.section.getByText('备份密码、立即备份和备份位置由站长/管理员负责')).toBeVisible();
  await expect(page.getByLabel('设置备份密码')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /立即备份/ })).toHaveCount(0);
  await expectAccessible(page, '设置 · 数据备份（值班员）');

  // The admin: the reminder, the passphrase and 立即备份.
  await d.shell.switchUser(ADMIN.name, ADMIN.pin, '站长/管理员');
  await page.keyboard.press('Alt+1');
  await expect(page.getByText('今天还没有保存备份文件')).toBeVisible();
  await d.backup.open();
  await expect(page.getByLabel('设置备份密码')).toBeVisible();
  await expect(page.getByRole('button', { name: '设置密码并立即备份' })).toBeVisible();
});

test('a failed backup leaves a warning on the 工作台 until one succeeds', async ({ page, desk: d }) => {
  // The download cannot be made (as when the browser refuses it).
  await page.addInitScript(() => {
    URL.createObjectURL = () => {
      throw new Error('blocked');
    };
  });
  await d.setup.complete();
  await d.backup.open();
  await page.getByLabel('设置备份密码').fill(BACKUP_PASSPHRASE);
  await page.getByLabel('再次输入备份密码').fill(BACKUP_PASSPHRASE);
  await page.getByRole('button', { name: '设置密码并立即备份' }).click();
  await expect(d.backup.section.getByRole('alert').filter({ hasText: '备份文件没能写入' })).toBeVisible();
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('alert').filter({ hasText: '的备份没有成功' })).toBeVisible();
  await expect(page.getByLabel('上次成功备份')).toContainText('还没有备份');
});

test('wipe test: the IndexedDB folder deleted → the app blocks at start; the backup brings every record back', async ({
  baseURL,
}, testInfo) => {
  // Two browser launches and five 600,000-round key derivations (setup, passphrase, unwrap, the
  // PIN checked in the backup, sign-in): slow on a loaded 2-core machine.
  test.setTimeout(150_000);
  const profile = testInfo.outputPath('profile');
  const launch = () => launchProfile(profile, baseURL);
  let { context, page } = await deskWithOneResident(profile, baseURL);
  let d = desk(page);
  await d.backup.open();
  const download = await d.backup.backUp();
  const file = testInfo.outputPath('backup.ddbak');
  await download.saveAs(file);
  await integrityCaughtUp(page);
  await context.close();

  // The profile's IndexedDB folder is gone (what Chromium does to a store it finds corrupt).
  await deleteIndexedDbFolder(profile);

  context = await launch();
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  d = desk(page);
  await expect(page.getByRole('heading', { name: '本机数据可能已丢失' })).toBeVisible();
  await expect(page.getByRole('list', { name: '丢失的记录' })).toContainText('居民：原有 1 条，现在 0 条');
  await expect(page.getByRole('heading', { name: '社区值班台' })).toHaveCount(0); // no setup, no sign-in
  await expectAccessible(page, '数据丢失');
  // 从空白开始 needs an admin PIN (the one kept beside the wipe record): refused without one and
  // with a wrong one; the desk stays blocked.
  const empty = page.getByRole('form', { name: '从空白开始' });
  await empty.getByLabel('确认文字').fill('从空白开始');
  await empty.getByRole('button', { name: '从空白开始' }).click();
  await expect(empty.getByText('请输入站长/管理员的密码或 PIN')).toBeVisible();
  await empty.getByLabel('站长/管理员 PIN（从空白开始）').fill('000000');
  await empty.getByRole('button', { name: '从空白开始' }).click();
  await expect(empty.getByText(/站长\/管理员的密码或 PIN 不正确/)).toBeVisible();
  await expect(page.getByRole('heading', { name: '本机数据可能已丢失' })).toBeVisible();
  await d.backup.pick('选择备份文件', file);
  await page.getByLabel('站长/管理员的密码或 PIN').fill('000000');
  // The key went with the folder: the passphrase is the way back.
  await page.getByLabel('备份密码').fill(BACKUP_PASSPHRASE);
  await page.getByRole('button', { name: '恢复这份备份' }).click();
  await expect(page.getByRole('alert')).toContainText('密码或 PIN 不正确');
  await page.getByLabel('站长/管理员的密码或 PIN').fill(ADMIN.pin);
  await page.getByRole('button', { name: '恢复这份备份' }).click();
  await d.signIn.signIn(ADMIN.name, ADMIN.pin);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('table', { name: '最近登记的居民' })).toContainText('丙三');
  await context.close();
});
