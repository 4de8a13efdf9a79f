import { ADMIN, expect, test } from './pages';
import { nthWorkingDayAfter } from './support/workingDays';

const CLERK = { name: '李明', pin: '864209', role: '值班员' };

test('a 承诺件 is carried to the end without losing its first-contact person', async ({ page, desk }) => {
  test.setTimeout(240_000);
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  const { intake, cases, shell, dashboard } = desk;
  await desk.setup.complete();
  await desk.settings.addClerk(CLERK.name, CLERK.pin);

  // Accept a 承诺件 of 3 working days.
  await shell.go('来访登记');
  await intake.registerResident({ name: '张三', phone: '13812345678' });
  await intake.pickMatter(1, 'dyzz', '党员组织关系转接');
  await intake.allDocumentsReceived();
  await page.keyboard.press('Control+Enter');
  const deadline = nthWorkingDayAfter('2026-11-24', 3);
  await expect(intake.result).toContainText(`承诺办结日期 ${deadline}`);
  await page.getByRole('link', { name: '查看办件' }).click();
  await expect(page.getByRole('heading', { name: /办件 THL-20261124-010001/ })).toBeVisible();

  // Transfer to the back office; the receiver signs for it.
  await cases.act('转办', (d) => d.getByLabel('转给').selectOption({ label: `${CLERK.name}（${CLERK.role}）` }));
  await expect(cases.status).toHaveText('待签收');
  await shell.switchUser(CLERK.name, CLERK.pin, CLERK.role);
  await shell.go('办件');
  await cases.openQueue('待签收');
  await cases.openCase('THL-20261124-010001');
  await cases.act('签收');
  await expect(cases.status).toHaveText('办理中');

  // One working day before the deadline: 即将超期, on the 工作台 too.
  const warnDay = (() => {
    let d = '2026-11-24';
    while (nthWorkingDayAfter(d, 1) < deadline) d = nthWorkingDayAfter(d, 1);
    return d;
  })();
  await page.clock.setFixedTime(new Date(`${warnDay}T09:00:00+08:00`));
  await page.reload();
  await shell.resumeIfLocked(CLERK.pin);
  await expect(cases.status).toHaveText('办理中');
  await shell.go('工作台');
  await expect(dashboard.count('即将超期')).toHaveText('1');
  await shell.go('办件');
  const soon = await cases.openQueue('即将超期');
  await expect(soon).toContainText('THL-20261124-010001');
  await expect(soon).toContainText('剩 1 个工作日');
  await page.screenshot({ path: 'test-results/screenshots/case-queues.png' });
  await cases.openCase('THL-20261124-010001');

  // Escalate to the street office, urgent; 报到, feedback, verified solved.
  await cases.act('上报街道', async (d) => {
    await d.getByRole('radio', { name: '紧急' }).check();
    await d.getByLabel('请求事项').fill('请街道协调原单位党组织尽快转出');
    await d.getByLabel('上报至（科室或部门）').fill('街道党工委');
  });
  await expect(page.getByRole('region', { name: '上报街道' })).toContainText('紧急');
  await cases.act('报到', async (d) => {
    await d.getByLabel('报到单位或人员').fill('街道组织办');
    await d.getByLabel('报到时间').fill(`${warnDay}T09:00`);
  });
  await cases.act('处理反馈', (d) => d.getByLabel('处理反馈内容').fill('已与原单位联系，本周内转出'));
  await cases.act('核实结项', async (d) => {
    await d.getByRole('radio', { name: '已解决' }).check();
    await d.getByLabel('对部门处理的评价').selectOption('满意');
  });
  await cases.act('办结', async (d) => {
    await d.getByLabel('办理结果').fill('组织关系已转入本社区党支部');
    await d.getByRole('radio', { name: '电话' }).check();
  });
  await expect(cases.status).toHaveText('已办结');

  // 非常不满意 → 整改 due 15 working days after the rating day.
  const rating = await cases.start('评价');
  for (const level of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) {
    await expect(rating.getByRole('radio', { name: level, exact: true })).not.toBeChecked(); // never pre-filled
  }
  await rating.getByRole('radio', { name: '非常不满意' }).check();
  await rating.getByRole('radio', { name: '本人' }).check();
  await rating.getByRole('button', { name: '确定评价' }).click();
  const due = nthWorkingDayAfter(warnDay, 15);
  await expect(cases.info).toContainText(`整改中，${due} 前完成`);
  await cases.act('整改回访', (d) => d.getByLabel('整改回访结果').fill('已当面致歉并说明进度，居民认可'));
  await expect(cases.actions.getByRole('button', { name: '复核' })).toHaveCount(0);

  // 复核 by the admin, then archive: read-only.
  await shell.switchUser(ADMIN.name, ADMIN.pin, '站长/管理员');
  await shell.go('办件');
  await expect(await cases.openQueue('整改')).toContainText(`整改 ${due}`);
  await cases.openCase('THL-20261124-010001');
  await cases.act('复核', (d) => d.getByRole('radio', { name: '通过', exact: true }).check());
  await cases.act('归档');
  await expect(cases.status).toHaveText('已归档');
  await expect(cases.info).toContainText('THL-GD-2026-0100001');
  await expect(cases.actions.getByRole('button')).toHaveText(['重新办理']);
  await expect(cases.info.getByRole('row', { name: /首问责任人/ })).toContainText(ADMIN.name);
  await expect(page.getByRole('table', { name: '办理过程' })).toContainText('签收');
  await page.screenshot({ path: 'test-results/screenshots/case-archived.png', fullPage: true });
});
