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
  // Issue 25 item 6 and 13: 报到 asks the unit and the person apart; 报到时间 starts at now,
  // takes ↑/↓ and a calendar pick, and says at the field when it is in the future or before the
  // escalation (raised at this same fixed minute).
  const checkIn = await cases.start('报到');
  const at = checkIn.getByLabel('报到时间', { exact: true });
  await expect(at).toHaveValue(`${warnDay} 09:00`);
  await checkIn.getByLabel('报到单位（街道科室或部门）').fill('街道组织办');
  await checkIn.getByLabel('报到人员（姓名，可不填）').fill('赵科长');
  await at.focus();
  await at.press('End'); // the caret on the minutes
  await at.press('ArrowUp');
  await expect(at).toHaveValue(`${warnDay} 09:01`);
  await expect(checkIn.getByText('报到时间不能晚于当前时间')).toBeVisible();
  await at.press('ArrowDown');
  await at.press('ArrowDown');
  await expect(at).toHaveValue(`${warnDay} 08:59`);
  await expect(checkIn.getByText('报到时间不能早于上报时间')).toBeVisible();
  await checkIn.getByRole('button', { name: '确定报到' }).click();
  await expect(checkIn.getByText('报到时间不能早于上报时间')).toBeVisible(); // refused, the dialog stays
  // The calendar: only the escalation's day is open (the day before and after are not).
  await checkIn.getByRole('button', { name: '打开日历选日期' }).click();
  const [y, m, dd] = warnDay.split('-').map(Number) as [number, number, number];
  const calendar = page.getByRole('group', { name: '报到时间：选择日期' });
  const dayButton = (d: number) => calendar.getByRole('button', { name: `${y}年${m}月${d}日`, exact: true });
  await expect(dayButton(dd)).toBeEnabled();
  if (dd > 1) await expect(dayButton(dd - 1)).toBeDisabled();
  await page.screenshot({ path: 'test-results/screenshots/checkin-calendar.png' });
  await dayButton(dd).click();
  await expect(at).toHaveValue(`${warnDay} 08:59`);
  await at.press('ArrowUp');
  await expect(at).toHaveValue(`${warnDay} 09:00`);
  await expect(checkIn.getByText(/报到时间不能/)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/checkin-dialog.png' });
  await checkIn.getByRole('button', { name: '确定报到' }).click();
  await expect(checkIn).toBeHidden();
  await expect(page.getByRole('region', { name: '上报街道' })).toContainText('报到：街道组织办（赵*长）');
  await cases.act('处理反馈', (d) => d.getByLabel('处理反馈内容').fill('已与原单位联系，本周内转出'));
  // Item 14: 已解决 closes the case in this one step (result and notice asked here).
  const verify = await cases.start('核实结项');
  await verify.getByRole('radio', { name: '已解决' }).check();
  await verify.getByLabel('对部门处理的评价').selectOption('满意');
  await verify.getByRole('button', { name: '确定核实结项' }).click();
  await expect(verify.getByText('请填写办理结果')).toBeVisible();
  await verify.getByLabel('办理结果').fill('组织关系已转入本社区党支部');
  await verify.getByRole('radio', { name: '电话' }).check();
  await page.screenshot({ path: 'test-results/screenshots/verify-dialog.png' });
  await verify.getByRole('button', { name: '确定核实结项' }).click();
  await expect(verify).toBeHidden();
  await expect(cases.status).toHaveText('已办结');
  await expect(cases.actions.getByRole('button', { name: '办结', exact: true })).toHaveCount(0);

  // 非常不满意 → the reason is asked (required), then 整改 due 15 working days after the rating day.
  const rating = await cases.start('评价');
  for (const level of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) {
    await expect(rating.getByRole('radio', { name: level, exact: true })).not.toBeChecked(); // never pre-filled
  }
  await rating.getByRole('radio', { name: '非常不满意' }).check();
  await rating.getByRole('radio', { name: '本人' }).check();
  await rating.getByRole('button', { name: '确定评价' }).click();
  await expect(rating.getByText('评价为「非常不满意」时，请填写居民不满意的原因')).toBeVisible();
  await rating.getByLabel('不满意的原因（必填，整改依据）').fill('跑了三趟才办成');
  await page.screenshot({ path: 'test-results/screenshots/rating-reason.png' });
  await rating.getByRole('button', { name: '确定评价' }).click();
  const due = nthWorkingDayAfter(warnDay, 15);
  await expect(cases.info).toContainText(`整改中，${due} 前完成；不满意原因：跑了三趟才办成`);
  await cases.act('整改回访', (d) => d.getByLabel('整改回访结果').fill('已当面致歉并说明进度，居民认可'));
  await expect(cases.actions.getByRole('button', { name: '复核' })).toHaveCount(0);

  // 复核 by the admin, then archive: read-only.
  await shell.switchUser(ADMIN.name, ADMIN.pin, '站长/管理员');
  await shell.go('办件');
  const rectifying = await cases.openQueue('整改');
  await expect(rectifying).toContainText(`整改 ${due}`);
  // Why it is in 整改, on its row: the rating and the resident's reason.
  await expect(rectifying.getByRole('row').filter({ hasText: 'THL-20261124-010001' })).toContainText(
    '非常不满意：跑了三趟才办成',
  );
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
