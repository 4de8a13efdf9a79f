/**
 * 个人信息保护 at a shared desk (issue 16): the 保密承诺 at the first sign-in and yearly (also when
 * the year runs out while the desk stays signed in: asked at the unlock), 查看完整
 * only with a reason (logged), searches by number logged masked, numbers typed into free text
 * masked where it is listed.
 */
import type { Page } from '@playwright/test';
import { ADMIN, expect, test } from './pages';
import { pledge, PLEDGE_ACCEPT } from './pages/SignInPage';
import { expectAccessible } from './support/a11y';
import { auditRows } from './support/auditLog';

const ZHANG = { name: '张三', idNumber: '430104195803151237', phone: '13812345678' };
const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2026-11-24T09:30:00+08:00');

/** The audit rows with this action: what they say and about whom. */
const auditOf = async (page: Page, action: string) =>
  (await auditRows(page, [action])).map(({ detail, entityId }) => ({ detail, entityId }));

/** Signs in with the form alone (no pledge handling): the caller checks what comes. */
async function signInRaw(page: Page) {
  await page.getByLabel('值班人员', { exact: true }).selectOption({ label: `${ADMIN.name}（站长/管理员）` });
  await page.getByLabel('密码或 PIN').fill(ADMIN.pin);
  await page.getByRole('button', { name: '登录' }).click();
}

test('保密承诺: at the first sign-in (keyboard, logged), not at the next, again a year later', async ({
  page,
  desk,
}) => {
  await page.clock.install({ time: START });
  await desk.setup.complete({ pledge: 'leave' });
  const screen = pledge(page);
  await expect(screen).toBeVisible();
  await expect(screen.getByRole('heading', { name: '个人信息保密承诺', level: 1 })).toBeVisible();
  await expect(screen).toContainText('不泄露、不转发、不拍照');
  await expect(screen).toContainText(`承诺人：${ADMIN.name}`);
  // The desk is not there until it is accepted: no 工作台, no section navigation.
  await expect(page.getByRole('heading', { name: '工作台' })).toHaveCount(0);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/pledge.png' });
  await expectAccessible(page, '保密承诺');
  // Keyboard: the accept button has the focus; Enter accepts.
  await expect(screen.getByRole('button', { name: PLEDGE_ACCEPT })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(screen).toHaveCount(0);
  expect(await auditOf(page, 'staff.pledge')).toHaveLength(1);

  // The next sign-in goes straight to the desk.
  await desk.shell.signOut();
  await signInRaw(page);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(screen).toHaveCount(0);

  // A year and a day later it is asked again; 退出登录 leaves without accepting.
  await desk.shell.signOut();
  await page.clock.setSystemTime(new Date(START.getTime() + 366 * DAY));
  await signInRaw(page);
  await expect(screen).toBeVisible();
  await expect(screen).toContainText('每年确认一次');
  await screen.getByRole('button', { name: '退出登录' }).click();
  await expect(desk.signIn.form).toBeVisible();
  expect(await auditOf(page, 'staff.pledge')).toHaveLength(1);
  await signInRaw(page);
  await screen.getByRole('button', { name: PLEDGE_ACCEPT }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  expect(await auditOf(page, 'staff.pledge')).toHaveLength(2);
});

test('保密承诺 again when a year runs out while the desk stays signed in: asked at the unlock, never in front of the lock', async ({
  page,
  desk,
}) => {
  await page.clock.install({ time: START });
  await desk.setup.complete();
  expect(await auditOf(page, 'staff.pledge')).toHaveLength(1);
  await desk.shell.go('居民');
  await expect(page.getByRole('heading', { name: '居民', exact: true })).toBeVisible();
  const screen = pledge(page);
  // The desk stays signed in; locked for the night, a year and a day pass.
  await desk.shell.lock();
  await expect(desk.lockScreen.form).toBeVisible();
  await page.clock.setSystemTime(new Date(START.getTime() + 366 * DAY));
  // The day changes (the desk is rebuilt): the pledge does not stand in front of the lock.
  await page.clock.runFor(31_000);
  await expect(desk.lockScreen.form).toBeVisible();
  await expect(screen).toHaveCount(0);
  // The PIN resumes — and the pledge comes first, before the desk continues.
  await desk.lockScreen.unlock(ADMIN.pin);
  await expect(screen).toBeVisible();
  await expect(screen).toContainText('每年确认一次');
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await screen.getByRole('button', { name: PLEDGE_ACCEPT }).click();
  await expect(page.getByRole('heading', { name: '居民', exact: true })).toBeVisible();
  await expect(desk.shell.currentStaff).toHaveText(`${ADMIN.name}（站长/管理员）`);
  expect(await auditOf(page, 'staff.pledge')).toHaveLength(2);
  // Accepted: the next lock and unlock go straight back to the desk.
  await desk.shell.lock();
  await desk.lockScreen.unlock(ADMIN.pin);
  await expect(page.getByRole('heading', { name: '居民', exact: true })).toBeVisible();
  await expect(screen).toHaveCount(0);
});

test('查看完整 asks for a reason and logs it; number searches are logged masked; free text is masked in the register', async ({
  page,
  desk,
}) => {
  await page.clock.setFixedTime(START);
  await desk.setup.complete();
  const { intake, residents, shell } = desk;

  // A 咨询 with a phone typed into the 诉求内容: 今日来访台账 lists it masked.
  await intake.open();
  await intake.registerResident(ZHANG);
  await page.getByRole('radio', { name: '咨询（当场答复）' }).check();
  await page.getByLabel('诉求内容').fill('咨询低保政策，请回电 13900001111');
  await intake.save();
  await expect(intake.result).toBeVisible();
  const register = await intake.openRegister();
  await expect(register).toContainText('咨询低保政策，请回电 139****1111');
  await expect(register).not.toContainText('13900001111');

  // A search by phone: nothing is logged per keystroke; Enter picks and logs one masked row.
  await shell.go('居民');
  const search = page.getByLabel('查找居民');
  await search.pressSequentially(ZHANG.phone);
  await expect(page.getByRole('list', { name: '查找结果' })).toContainText('张三');
  expect(await auditOf(page, 'resident.search')).toHaveLength(0);
  await search.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('张三');
  const searches = await auditOf(page, 'resident.search');
  expect(searches).toEqual([{ detail: '查询：****5678；选中结果', entityId: expect.any(String) }]);
  expect(JSON.stringify(searches)).not.toContain(ZHANG.phone);

  // 查看完整: the reason is asked; 其他 with nothing written is refused at its field.
  await page.getByRole('button', { name: '查看完整身份证号' }).click();
  const dialog = page.getByRole('dialog', { name: '查看完整身份证号' });
  await expect(dialog.getByRole('radiogroup', { name: '查看原因' })).toBeVisible();
  await expectAccessible(page, '查看原因');
  await dialog.getByRole('button', { name: '查看', exact: true }).click();
  await expect(dialog.getByRole('radiogroup', { name: '查看原因' })).toHaveAccessibleDescription(
    '请选择或填写查看原因',
  );
  await dialog.getByRole('radio', { name: '其他（请说明）' }).check();
  await dialog.getByRole('button', { name: '查看', exact: true }).click();
  await expect(dialog.getByLabel('说明查看原因')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('说明查看原因')).toHaveAccessibleDescription('请选择或填写查看原因');
  await expect(residents.field('身份证号')).not.toContainText(ZHANG.idNumber);
  await dialog.getByLabel('说明查看原因').fill('核对养老保险参保信息');
  await dialog.getByRole('button', { name: '查看', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(residents.field('身份证号')).toContainText(ZHANG.idNumber);
  const reveals = await auditOf(page, 'resident.reveal');
  expect(reveals.map((r) => r.detail)).toEqual(['idNumber；原因：核对养老保险参保信息']);
  expect(JSON.stringify(reveals)).not.toContain(ZHANG.idNumber);

  // A reason from the list, for the phone.
  await page.getByRole('button', { name: '查看完整电话' }).click();
  await residents.giveRevealReason('联系居民');
  await expect(residents.field('联系电话')).toContainText(ZHANG.phone);
  expect((await auditOf(page, 'resident.reveal')).map((r) => r.detail)).toContain('phone；原因：联系居民');

  // The resident's visits list the free text masked too.
  await expect(page.getByRole('table', { name: '居民的来访记录' })).toContainText('139****1111');
  await expect(page.getByRole('table', { name: '居民的来访记录' })).not.toContainText('13900001111');

  // 办件检索 by a number: Enter logs one masked row (typing alone logs nothing).
  await shell.go('办件');
  const caseSearch = page.getByLabel('查找办件');
  await caseSearch.fill('5678');
  expect(await auditOf(page, 'case.search')).toHaveLength(0);
  await caseSearch.press('Enter');
  await expect.poll(() => auditOf(page, 'case.search')).toEqual([{ detail: '查询：****5678', entityId: undefined }]);
  await caseSearch.press('Enter');
  await expect.poll(async () => (await auditOf(page, 'case.search')).length).toBe(1);
});
