/**
 * 吹哨事项 and the 反馈包 (issue 27 item 5). A community (the app's data layer in the test's Node
 * process, fake-indexeddb) escalates three cases and writes its week's package with the real
 * export code; a street desk in Chromium (set up through the wizard) imports it in 周报接收, sees
 * the three escalations in 吹哨事项 with 报到 overdue marked (limit 2 days), records 报到 and 处理反馈
 * on two — by keyboard for the first — and exports the community's 反馈包 (a download). The
 * community meanwhile closes the third case (answer taken by phone, verified), then imports the
 * file: the two cases get the steps in their timelines, the street named; the third is listed
 * with its reason, not applied; a second import applies nothing. axe on the page and its dialogs.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './pages';
import { expectAccessible } from './support/a11y';
import { tabTo } from './support/keyboard';
import { setUpStreetDesk, STREET } from './support/streetDesk';
import { feedbackCommunity } from './support/feedbackCommunity';

const WEEK = '2026-11-16';
const t = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).getTime();

test('the street records 报到 and 反馈 and the community imports its 反馈包', async ({ page }, info) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.setFixedTime(new Date(t('2026-11-23', '10:00')));
  const community = await feedbackCommunity(STREET.name, WEEK, t('2026-11-17', '10:00'));
  const [one, two, three] = community.cases as [
    (typeof community.cases)[number],
    (typeof community.cases)[number],
    (typeof community.cases)[number],
  ];
  const pkgPath = info.outputPath('桃花岭-第47周.json');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(pkgPath, await community.packageFile(t('2026-11-23', '09:00')), 'utf8');

  await setUpStreetDesk(page);
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: '周报接收' })).toBeVisible();
  await page.getByLabel('周报文件').setInputFiles([pkgPath]);
  const results = page.getByRole('status', { name: '导入结果' });
  await results.getByRole('button', { name: '添加到社区名单并导入' }).click();
  await expect(results).toContainText('已导入（THL，');

  // 吹哨事项: the three escalations of last week, all past the 2-day 报到 limit.
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { name: '吹哨事项' })).toBeVisible();
  const table = page.getByRole('table', { name: '吹哨事项' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByText('报到逾期')).toHaveCount(3);
  await page.getByLabel('部门', { exact: true }).selectOption('民政科');
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByLabel('部门', { exact: true }).selectOption('');
  await expectAccessible(page, '吹哨事项');

  // 报到 on the first by keyboard: Tab to its button, Enter, type, Enter saves.
  await tabTo(page, page.getByRole('button', { name: `记录报到 ${one.trackingNumber}` }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('报到单位（街道科室或部门）')).toHaveValue('城管科');
  await dialog.getByLabel('报到单位（街道科室或部门）').fill('');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请填写报到的单位（街道科室或部门）')).toBeVisible();
  await dialog.getByLabel('报到单位（街道科室或部门）').fill('城管科');
  await dialog.getByLabel('报到人员（可不填）').fill('赵队长');
  await expectAccessible(page, '记录报到');
  await dialog.getByLabel('报到人员（可不填）').press('Enter');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: `记录反馈 ${one.trackingNumber}` }).click();
  await dialog.getByLabel('处理反馈内容').fill('已安排人员清理，明日完成');
  await expectAccessible(page, '记录处理反馈');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: `记录报到 ${two.trackingNumber}` }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: `记录反馈 ${two.trackingNumber}` }).click();
  await dialog.getByLabel('处理反馈内容').fill('已清理完毕');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  // Records for the third too (the community will have closed it by the time the file arrives).
  await page.getByRole('button', { name: `记录报到 ${three.trackingNumber}` }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const stats = page.getByRole('table', { name: '各部门报到情况与社区评价' });
  await expect(stats.getByRole('row', { name: /城管科/ })).toContainText('2');
  await expect(table.getByRole('row', { name: new RegExp(one.trackingNumber) })).toContainText('已反馈');
  await expectAccessible(page, '吹哨事项（已记录）');
  await page.screenshot({ path: info.outputPath('street-whistle.png'), fullPage: true });

  // 导出反馈包: one file for the community, by keyboard.
  await tabTo(page, page.getByRole('button', { name: '导出桃花岭社区反馈包' }), { back: true });
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await (await download).path();
  await expect(page.getByRole('status').filter({ hasText: '已导出 桃花岭社区反馈包（3 项）' })).toBeVisible();
  const feedback = await readFile(file, 'utf8');
  expect(feedback).not.toContain('张三');

  // The community closed the third case meanwhile, then imports the file.
  const now = t('2026-11-23', '11:00');
  await community.closeByPhone(three.id, t('2026-11-23', '10:30'));
  const result = await community.importFeedback(feedback, now);
  expect(result.ok && result.items.map((i) => [i.trackingNumber, i.applied, i.reason])).toEqual([
    [one.trackingNumber, ['报到', '处理反馈'], undefined],
    [two.trackingNumber, ['报到', '处理反馈'], undefined],
    [three.trackingNumber, [], '该上报事项社区已核实结项，办件状态：已办结'],
  ]);
  const steps = (await community.timeline(one.id, now)).filter((e) => e.action === '报到' || e.action === '处理反馈');
  expect(steps.map((e) => e.note)).toEqual([
    `已报到：城管科（街道反馈（${STREET.name}））`,
    `已记录处理反馈（街道反馈（${STREET.name}））`,
  ]);
  const again = await community.importFeedback(feedback, now);
  expect(again.ok && again.items.map((i) => i.applied.length)).toEqual([0, 0, 0]);
});
