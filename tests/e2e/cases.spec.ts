import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ADMIN, addClerk, completeSetup, pickMatter, registerResidentAtCounter, switchUser } from './fixtures';

/** Independent oracle from chinese-days' data table: the n-th working day after `start`. */
function nthWorkingDayAfter(start: string, n: number): string {
  const data = JSON.parse(readFileSync('node_modules/chinese-days/dist/chinese-days.json', 'utf8')) as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const d = new Date(`${start}T12:00:00Z`);
  for (let left = n; left > 0;) {
    d.setUTCDate(d.getUTCDate() + 1);
    const key = d.toISOString().slice(0, 10);
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    if (key in data.workdays || (!weekend && !(key in data.holidays))) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

const CLERK = { name: '李明', pin: '864209', role: '值班员' };

async function act(page: Page, action: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<unknown>) {
  await page.getByRole('region', { name: '办理操作' }).getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: `确定${action}` }).click();
  await expect(dialog).toHaveCount(0);
}

test('a 承诺件 is carried to the end without losing its first-contact person', async ({ page }) => {
  test.setTimeout(240_000);
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await completeSetup(page);
  await addClerk(page, CLERK.name, CLERK.pin);

  // Accept a 承诺件 of 3 working days.
  await page.keyboard.press('Alt+2');
  await registerResidentAtCounter(page, { name: '张三', phone: '13812345678' });
  await pickMatter(page, 1, 'dyzz', '党员组织关系转接');
  await page.getByRole('button', { name: '材料全部收齐' }).click();
  await page.keyboard.press('Control+Enter');
  const deadline = nthWorkingDayAfter('2026-11-24', 3);
  await expect(page.getByRole('region', { name: '登记结果' })).toContainText(`承诺办结日期 ${deadline}`);
  await page.getByRole('link', { name: '查看办件' }).click();
  await expect(page.getByRole('heading', { name: /办件 THL-20261124-0001/ })).toBeVisible();

  // Transfer to the back office; the receiver signs for it.
  await act(page, '转办', (d) => d.getByLabel('转给').selectOption({ label: `${CLERK.name}（${CLERK.role}）` }));
  await expect(page.getByLabel('办件状态')).toHaveText('待签收');
  await switchUser(page, CLERK.name, CLERK.pin, CLERK.role);
  await page.keyboard.press('Alt+3');
  await page.getByRole('tab', { name: /^待签收/ }).click();
  await page.getByRole('link', { name: 'THL-20261124-0001' }).click();
  await act(page, '签收');
  await expect(page.getByLabel('办件状态')).toHaveText('办理中');

  // One working day before the deadline: 即将超期, on the 工作台 too.
  const warnDay = (() => {
    let d = '2026-11-24';
    while (nthWorkingDayAfter(d, 1) < deadline) d = nthWorkingDayAfter(d, 1);
    return d;
  })();
  await page.clock.setFixedTime(new Date(`${warnDay}T09:00:00+08:00`));
  await page.reload();
  await expect(page.getByLabel('办件状态')).toHaveText('办理中');
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('main').getByLabel('即将超期')).toHaveText('1');
  await page.keyboard.press('Alt+3');
  await page.getByRole('tab', { name: /^即将超期/ }).click();
  await expect(page.getByRole('table', { name: '即将超期' })).toContainText('THL-20261124-0001');
  await expect(page.getByRole('table', { name: '即将超期' })).toContainText('剩 1 个工作日');
  await page.screenshot({ path: 'test-results/screenshots/case-queues.png' });
  await page.getByRole('link', { name: 'THL-20261124-0001' }).click();

  // Escalate to the street office, urgent; 报到, feedback, verified solved.
  await act(page, '上报街道', async (d) => {
    await d.getByRole('radio', { name: '紧急' }).check();
    await d.getByLabel('请求事项').fill('请街道协调原单位党组织尽快转出');
    await d.getByLabel('上报至（科室或部门）').fill('街道党工委');
  });
  await expect(page.getByRole('region', { name: '上报街道' })).toContainText('紧急');
  await act(page, '报到', async (d) => {
    await d.getByLabel('报到单位或人员').fill('街道组织办');
    await d.getByLabel('报到时间').fill(`${warnDay}T09:00`);
  });
  await act(page, '处理反馈', (d) => d.getByLabel('处理反馈内容').fill('已与原单位联系，本周内转出'));
  await act(page, '核实结项', async (d) => {
    await d.getByRole('radio', { name: '已解决' }).check();
    await d.getByLabel('对部门处理的评价').selectOption('满意');
  });
  await act(page, '办结', async (d) => {
    await d.getByLabel('办理结果').fill('组织关系已转入本社区党支部');
    await d.getByRole('radio', { name: '电话' }).check();
  });
  await expect(page.getByLabel('办件状态')).toHaveText('已办结');

  // 非常不满意 → 整改 due 15 working days after the rating day.
  await page.getByRole('region', { name: '办理操作' }).getByRole('button', { name: '评价', exact: true }).click();
  const rating = page.getByRole('dialog', { name: '评价' });
  for (const level of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) {
    await expect(rating.getByRole('radio', { name: level, exact: true })).not.toBeChecked(); // never pre-filled
  }
  await rating.getByRole('radio', { name: '非常不满意' }).check();
  await rating.getByRole('radio', { name: '本人' }).check();
  await rating.getByRole('button', { name: '确定评价' }).click();
  const due = nthWorkingDayAfter(warnDay, 15);
  await expect(page.getByRole('table', { name: '办件信息' })).toContainText(`整改中，${due} 前完成`);
  await act(page, '整改回访', (d) => d.getByLabel('整改回访结果').fill('已当面致歉并说明进度，居民认可'));
  await expect(page.getByRole('region', { name: '办理操作' }).getByRole('button', { name: '复核' })).toHaveCount(0);

  // 复核 by the admin, then archive: read-only.
  await switchUser(page, ADMIN.name, ADMIN.pin, '站长/管理员');
  await page.keyboard.press('Alt+3');
  await page.getByRole('tab', { name: /^整改/ }).click();
  await expect(page.getByRole('table', { name: '整改' })).toContainText(`整改 ${due}`);
  await page.getByRole('link', { name: 'THL-20261124-0001' }).click();
  await act(page, '复核', (d) => d.getByRole('radio', { name: '通过', exact: true }).check());
  await act(page, '归档');
  await expect(page.getByLabel('办件状态')).toHaveText('已归档');
  await expect(page.getByRole('table', { name: '办件信息' })).toContainText('THL-GD-2026-00001');
  await expect(page.getByRole('region', { name: '办理操作' }).getByRole('button')).toHaveText(['重新办理']);
  await expect(page.getByRole('table', { name: '办件信息' }).getByRole('row', { name: /首问责任人/ })).toContainText(
    ADMIN.name,
  );
  await expect(page.getByRole('table', { name: '办理过程' })).toContainText('签收');
  await page.screenshot({ path: 'test-results/screenshots/case-archived.png', fullPage: true });
});
