/**
 * Every screen passes axe-core with no serious or critical violation and shows no text under
 * 14 px: setup, sign-in, 工作台, 来访登记 (with a resident selected), 今日来访台账, each 办件
 * queue, a case page, 居民, a resident page, and every 设置 tab.
 */
import { QUEUES } from '../../shared/domain/caseQueues';
import { expect, test } from './pages';
import { expectAccessible } from './support/a11y';

test('every screen is accessible and readable', async ({ page, desk }) => {
  test.setTimeout(180_000);
  const { setup, signIn, shell, intake, cases, residents, settings } = desk;
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await page.goto('./');
  await expect(page.getByRole('heading', { name: '设置向导' })).toBeVisible();
  await expectAccessible(page, '设置向导');
  await setup.complete();
  await expectAccessible(page, '工作台');

  await intake.open();
  await intake.registerResident({ name: '张三', idNumber: '430104195803151237', phone: '13812345678' });
  await intake.pickMatter(1, 'dyzz', '党员组织关系转接');
  await expectAccessible(page, '来访登记（已选居民）');
  await intake.allDocumentsReceived();
  await page.keyboard.press('Control+Enter');
  await expect(intake.result).toBeVisible();
  await expectAccessible(page, '登记结果');
  await intake.openRegister();
  await expectAccessible(page, '今日来访台账');

  await shell.go('办件');
  for (const queue of QUEUES) {
    await cases.openQueue(queue);
    await expectAccessible(page, `办件 · ${queue}`);
  }
  await cases.openQueue('全部办件');
  await cases.openCase('THL-20261124-010001');
  await expect(cases.status).toBeVisible();
  await expectAccessible(page, '办件页');

  await shell.go('居民');
  await expectAccessible(page, '居民');
  await residents.openRecent('张三');
  await expectAccessible(page, '居民页');

  await shell.go('设置');
  for (const tab of ['事项目录', '工作人员', '节假日安排', '社区信息', '本机设置'] as const) {
    await settings.tab(tab);
    await expectAccessible(page, `设置 · ${tab}`);
  }

  await shell.signOut();
  await expect(signIn.form).toBeVisible();
  await expectAccessible(page, '登录');
});
