/**
 * Every screen passes axe-core with no serious or critical violation and shows no text under
 * 14 px: setup, sign-in, 工作台, 来访登记 (with a resident selected), 今日来访台账, each 办件
 * queue, a case page, 居民, a resident page, and every 设置 tab. At the counter's 1366×768
 * (issue 25 item 20) no screen's table runs off to the right — also 帮代办, 联席会议 and
 * 统计报表 — and 来访登记's save button stays in view with a 即办 filled in.
 */
import type { Page } from '@playwright/test';
import { QUEUES } from '../../shared/domain/caseQueues';
import { expect, test } from './pages';
import { expectAccessible } from './support/a11y';
import { expectNothingClipped } from './support/layout';

/** The accessibility checks and, at 1366 wide, nothing clipped. */
async function expectReadable(page: Page, screen: string): Promise<void> {
  await expectAccessible(page, screen);
  await expectNothingClipped(page, screen);
}

test('every screen is accessible and readable', async ({ page, desk }) => {
  test.setTimeout(180_000);
  const { setup, signIn, shell, intake, cases, residents, settings } = desk;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await page.goto('./');
  await expect(page.getByRole('heading', { name: '设置向导' })).toBeVisible();
  await expectReadable(page, '设置向导');
  await setup.complete();
  await expectReadable(page, '工作台');

  await intake.open();
  await intake.registerResident({ name: '张三', idNumber: '430104195803151237', phone: '13812345678' });
  await intake.pickMatter(1, 'czfw', '出租房屋信息登记'); // a 即办 with four documents: the tallest form
  await expectReadable(page, '来访登记（已选居民）');
  // A 即办 filled in: the save button is on screen without scrolling (the form is taller).
  await expect(page.getByRole('button', { name: '保存登记（Ctrl+Enter）' })).toBeInViewport({ ratio: 1 });
  await intake.allDocumentsReceived();
  await page.keyboard.press('Control+Enter');
  await expect(intake.result).toBeVisible();
  await expectReadable(page, '登记结果');
  await intake.openRegister();
  await expectReadable(page, '今日来访台账');

  await shell.go('办件');
  for (const queue of QUEUES) {
    await cases.openQueue(queue);
    await expectReadable(page, `办件 · ${queue}`);
  }
  await cases.openQueue('全部办件');
  await cases.openCase('THL-20261124-010001');
  await expect(cases.status).toBeVisible();
  await expectReadable(page, '办件页');

  for (const section of ['帮代办', '联席会议', '统计报表'] as const) {
    await shell.go(section);
    await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
    await expectNothingClipped(page, section);
  }

  await shell.go('居民');
  await expectReadable(page, '居民');
  await residents.openRecent('张三');
  await expectReadable(page, '居民页');

  await shell.go('设置');
  for (const tab of ['事项目录', '工作人员', '节假日安排', '社区信息', '本机设置'] as const) {
    await settings.tab(tab);
    await expectReadable(page, `设置 · ${tab}`);
  }

  await shell.signOut();
  await expect(signIn.form).toBeVisible();
  await expectReadable(page, '登录');
});

/**
 * Issue 25 item 20, with names as long as they come: a minority resident's and a staff member's
 * full names, a grid named for its streets and the catalog's longest 承诺件. The headers of the
 * short columns once stayed on one line and pushed 当前经办人 off the right edge at 1366 wide.
 */
test('1366×768: long resident, matter, grid and staff names do not clip the 办件 list', async ({ page, desk }) => {
  const { setup, intake, shell, cases } = desk;
  const grid = '幸福里小区北片区第十二网格';
  const staff = '阿依古丽·买买提明';
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await setup.complete({ grids: [grid, '第二网格'], adminName: staff });
  await intake.open();
  await intake.registerResident({ name: '热依拉·阿不都热合曼', idNumber: '430104195803151237', grid });
  await intake.pickMatter(1, '困难残疾人', '困难残疾人生活补贴和重度残疾人护理补贴申请');
  await intake.allDocumentsReceived();
  await intake.save();
  await expect(intake.trackingNumber(1)).toHaveText('THL-20261124-010001');
  await shell.go('办件');
  for (const queue of ['我的办件', '全部在办'] as const) {
    const list = await cases.openQueue(queue);
    await expect(list.getByRole('row').filter({ hasText: 'THL-20261124-010001' })).toContainText(staff);
    await expectNothingClipped(page, `办件 · ${queue}`);
  }
});
