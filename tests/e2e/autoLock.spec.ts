/**
 * 锁屏 (issue 16.3): after the idle minutes nothing personal is left in the page; the same PIN
 * resumes where the clerk was; another staff member's PIN switches the desk (logged) and the
 * previous person's draft stays theirs; a deactivated account cannot unlock.
 */
import { ADMIN, desk, expect, test } from './pages';
import { acceptPledgeIfShown, pledge } from './pages/SignInPage';
import { expectAccessible } from './support/a11y';
import { auditRows } from './support/auditLog';

const RESIDENTS = [
  { name: '张三', idNumber: '430104195803151237', phone: '13812345678' },
  { name: '欧阳秀兰', idNumber: '430104196211082041', phone: '13974561230' },
];
/** Typed into 登记新居民 and not saved when the desk locks. */
const TYPING = { name: '刘建国', idNumber: '430102197506203316', phone: '15873120987' };
const SECRETS = [...RESIDENTS, TYPING].flatMap((r) => [r.name, r.idNumber, r.phone]);
const CLERK = { name: '李明', pin: '864209', role: '值班员' };
const ADMIN_AS = { name: ADMIN.name, role: '站长/管理员' };

test('after 5 idle minutes the desk locks with no resident data left in the page; the same PIN resumes there', async ({
  page,
  desk: { setup, shell, residents, lockScreen },
}) => {
  await page.clock.install({ time: new Date('2026-11-24T09:30:00+08:00') });
  await setup.complete();
  await shell.go('居民');
  for (const r of RESIDENTS) await residents.register(r);
  await expect(page.getByRole('table', { name: '最近登记的居民' })).toContainText(RESIDENTS[1]!.name);
  // On screen: the register of residents, and a new resident's form half typed in (raw ID and phone).
  const residentUrl = page.url();
  await page.getByRole('button', { name: '登记新居民' }).click();
  const dialog = page.getByRole('dialog', { name: '登记新居民' });
  await dialog.getByLabel('姓名').fill(TYPING.name);
  await dialog.getByLabel('身份证号').fill(TYPING.idNumber);
  await dialog.getByLabel('联系电话').fill(TYPING.phone);
  // The print view as it is while its print dialog is still open (platform/browser.ts).
  await page.evaluate((r) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('data-print-frame', '');
    frame.srcdoc = `<p>${r.name} ${r.idNumber} ${r.phone}</p>`;
    document.body.appendChild(frame);
  }, RESIDENTS[1]!);
  const before = await lockScreen.pageContents();
  expect(before.text).toContain(RESIDENTS[1]!.name);
  expect(before.values).toContain(TYPING.idNumber);
  expect(before.values).toContain(TYPING.phone);
  expect(before.frames.join('')).toContain(RESIDENTS[1]!.idNumber);

  // 4 min 50 s without a key, click or wheel: still open.
  await page.clock.fastForward('04:50');
  await expect(dialog.getByLabel('身份证号')).toHaveValue(TYPING.idNumber);
  await expect(lockScreen.form).toHaveCount(0);
  // Past 5 minutes: locked.
  await page.clock.fastForward('00:15');
  await expect(lockScreen.form).toBeVisible();
  await expect(page.getByRole('heading', { name: '已锁屏' })).toBeVisible();
  await expect(lockScreen.lockedStaff).toContainText(`${ADMIN.name}（站长/管理员）`);
  await expect(lockScreen.staffSelect).toHaveValue(/.+/);
  await expect(lockScreen.staffSelect.locator('option:checked')).toHaveText(`${ADMIN.name}（站长/管理员）`);

  const after = await lockScreen.pageContents();
  for (const s of SECRETS) {
    expect(after.text, `page text has ${s}`).not.toContain(s);
    expect(after.html, `page markup has ${s}`).not.toContain(s);
    for (const v of after.values) expect(v, `a field holds ${s}`).not.toContain(s);
  }
  expect(after.frames, 'the print view is gone').toEqual([]);
  expect(
    after.values.filter((v) => v !== '' && !/^[\w-]+$/.test(v)),
    'only the staff select has a value',
  ).toEqual([]);

  await page.setViewportSize({ width: 1366, height: 768 });
  await expectAccessible(page, '锁屏');
  await page.screenshot({ path: 'test-results/screenshots/lock-screen.png' });

  // A reload is no way past the lock.
  await page.reload();
  await expect(lockScreen.form).toBeVisible();
  expect((await lockScreen.pageContents()).text).not.toContain('张三');

  // A wrong PIN counts towards the lockout; the right one resumes in 居民 (the unsaved form is gone).
  await lockScreen.unlock('135799');
  await expect(page.getByRole('alert')).toHaveText('密码或 PIN 不正确，还可再试 4 次');
  await lockScreen.unlock(ADMIN.pin);
  await expect(page.getByRole('table', { name: '最近登记的居民' })).toContainText(RESIDENTS[1]!.name);
  expect(page.url()).toBe(residentUrl);
  await expect(shell.currentStaff).toHaveText(`${ADMIN.name}（站长/管理员）`);
  const rows = await auditRows(page, ['session.lock', 'session.unlock', 'session.switch']);
  expect(rows.map((r) => [r.action, r.detail])).toEqual([
    ['session.lock', 'idle'],
    ['session.unlock', undefined],
  ]);
});

test('another staff member’s PIN switches the desk to them on the 工作台 (logged); each person’s draft stays theirs', async ({
  page,
  desk: { setup, settings, shell, intake, lockScreen },
}) => {
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await setup.complete();
  await settings.addClerk(CLERK.name, CLERK.pin);
  // 王秀英 starts a registration for 张三 and leaves it unsaved.
  await intake.open();
  await intake.registerResident(RESIDENTS[0]!);
  await shell.lock();
  await expect(lockScreen.form).toBeVisible();
  await expect(page.getByText('张三')).toHaveCount(0);

  await lockScreen.unlock(CLERK.pin, CLERK);
  // Taking over the desk is 李明's first time at it: his 保密承诺 comes first, then the 工作台.
  await expect(pledge(page)).toContainText('本人李明承诺');
  await acceptPledgeIfShown(page);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(shell.currentStaff).toHaveText(`${CLERK.name}（${CLERK.role}）`);
  // 李明 does not see 王秀英's draft.
  await intake.open();
  await expect(intake.selectedResident).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText('张三');

  const [lock, sw] = await auditRows(page, ['session.lock', 'session.switch']);
  expect(lock).toMatchObject({ action: 'session.lock', detail: 'manual' });
  expect(sw).toMatchObject({ action: 'session.switch', detail: `from ${lock!.staffId}` });
  expect(sw!.staffId).not.toBe(lock!.staffId);
  expect(sw!.entityId).toBe(sw!.staffId);

  // Ctrl+L locks too (李明 preselected); 王秀英 takes the desk back and finds her draft.
  await page.keyboard.press('Control+l');
  await expect(lockScreen.form).toBeVisible();
  await expect(lockScreen.staffSelect.locator('option:checked')).toHaveText(`${CLERK.name}（${CLERK.role}）`);
  await lockScreen.unlock(ADMIN.pin, ADMIN_AS);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(shell.currentStaff).toHaveText(`${ADMIN.name}（站长/管理员）`);
  await intake.open();
  await expect(intake.selectedResident).toContainText('张三');
  expect((await auditRows(page, ['session.switch'])).length).toBe(2);
});

test('the idle minutes are set in 社区信息; a deactivated account cannot unlock, an active one takes over', async ({
  page,
  context,
  desk: { setup, settings, shell, signIn, lockScreen },
}) => {
  await page.clock.install({ time: new Date('2026-11-24T09:30:00+08:00') });
  await setup.complete();
  await shell.go('设置');
  await settings.tab('社区信息');
  await expect(page.getByRole('table', { name: '社区信息' })).toContainText('无操作 5 分钟后锁屏');
  await page.getByRole('button', { name: '修改自动锁屏时间' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('自动锁屏（分钟）').fill('0');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('自动锁屏时间应为 1–60 的整数（分钟）')).toBeVisible();
  await expect(dialog.getByLabel('自动锁屏（分钟）')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('自动锁屏（分钟）').fill('2');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('table', { name: '社区信息' })).toContainText('无操作 2 分钟后锁屏');
  await settings.addClerk(CLERK.name, CLERK.pin);
  await shell.switchUser(CLERK.name, CLERK.pin, CLERK.role);

  // Meanwhile, in another window, the admin deactivates 李明 (设置 → 工作人员 → 停用).
  const other = await context.newPage();
  const otherDesk = desk(other);
  await other.goto('./');
  await otherDesk.signIn.signIn(ADMIN.name, ADMIN.pin);
  await expect(other.getByRole('heading', { name: '工作台' })).toBeVisible();
  await otherDesk.shell.go('设置');
  await otherDesk.settings.tab('工作人员');
  await other.getByRole('row', { name: /李明/ }).getByRole('button', { name: '停用' }).click();
  await expect(other.getByRole('row', { name: /李明/ })).toContainText('已停用');
  await other.close();

  // 李明's desk locks after the 2 minutes set; his PIN no longer opens it.
  await page.clock.fastForward('02:01');
  await expect(lockScreen.form).toBeVisible();
  await expect(lockScreen.lockedStaff).toContainText(CLERK.name);
  await lockScreen.unlock(CLERK.pin);
  await expect(page.getByRole('alert')).toHaveText('该账号不存在或已停用');
  await expect(lockScreen.form).toBeVisible();
  // An active person takes the desk over.
  await lockScreen.unlock(ADMIN.pin, ADMIN_AS);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(shell.currentStaff).toHaveText(`${ADMIN.name}（站长/管理员）`);
  await expect(signIn.form).toHaveCount(0);
});
