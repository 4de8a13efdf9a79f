/**
 * 错时服务 (issue 26 item 4) in Chromium with real IndexedDB: a case accepted on an ordinary
 * Saturday shows in the month table as one occasion (休息日); a line within standard hours is
 * refused at its field; a Tuesday evening line adds one (其中补充登记); the xlsx has the Chinese
 * headers and the same figures; axe on the tab; a screenshot at 1366×768. The line form by the
 * keyboard alone (Tab, typing, Enter); the month table printed on A4 (打印月表).
 */
import { mkdir } from 'node:fs/promises';
import { expect, test } from './pages';
import { expectAccessible } from './support/a11y';
import { tabTo } from './support/keyboard';
import { capturePrints, printedDocuments, screenshotSheet } from './support/printCapture';

const SHOTS = 'test-results/screens';

test('the month table of off-hours work: derived from a Saturday case, a line added, exported', async ({
  page,
  desk,
}) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(new Date('2026-11-21T10:00:00+08:00')); // an ordinary Saturday
  await capturePrints(page);
  await desk.setup.complete();
  await desk.intake.acceptAndOpen({ name: '张三', phone: '13812345678' }, 'dyzz', '党员组织关系转接');

  await desk.shell.go('值班');
  await page.getByRole('tab', { name: '错时服务' }).click();
  await expect(page.getByLabel('月份')).toHaveValue('2026-11');
  const table = page.getByRole('table', { name: '错时服务记录 2026-11' });
  const me = table.getByRole('row', { name: /王秀英/ });
  // The visit and its 受理 are one occasion on a rest day.
  await expect(me.getByRole('cell')).toHaveText(['0', '0', '1', '0', '11-21 休息日']);

  // A line within standard hours: refused at its field, nothing added.
  // Keyboard alone: Tab from the month to the form's fields, type, Tab to 添加, Enter.
  const form = page.getByRole('form', { name: '补充登记错时服务' });
  const typeInto = async (label: string, text: string) => {
    await tabTo(page, form.getByLabel(label), { max: 40 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
  };
  await typeInto('日期', '2026-11-17');
  await typeInto('开始时间', '10:00');
  await typeInto('结束时间', '11:00');
  await typeInto('服务内容', '晚间接听居民电话');
  await tabTo(page, form.getByRole('button', { name: '添加' }));
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('开始时间')).toHaveAccessibleDescription(
    '该时段在标准工作时间（工作日 08:00–18:00）之内，不算错时服务',
  );
  await expect(me.getByRole('cell').nth(2)).toHaveText('1');

  // The evening instead (typed as a clerk may: full-width colon): one more, shown as added.
  await typeInto('开始时间', '19：00');
  await typeInto('结束时间', '20:30');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '已登记 2026-11-17 19:00–20:30' })).toBeVisible();
  await expect(me.getByRole('cell')).toHaveText(['0', '0', '2', '1', '11-17 晚间；11-21 休息日']);
  await expect(page.getByRole('table', { name: '本月补充登记' })).toContainText('晚间接听居民电话');

  await expectAccessible(page, '值班 · 错时服务');
  await page.setViewportSize({ width: 1366, height: 768 });
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/duty-off-hours.png`, fullPage: true });

  // The month table on A4: the screen's columns and figures, the totals, a line to sign.
  await page.getByRole('button', { name: '打印月表' }).click();
  await expect(page.getByRole('status').filter({ hasText: '错时服务月表已送打印' })).toBeVisible();
  const paper = (await printedDocuments(page)).at(-1)!;
  expect(paper).toContain('<body class="layout-a4">');
  expect(paper).toContain('错时服务记录 2026-11');
  expect(paper).toContain('<td>王秀英</td><td>0</td><td>0</td><td>2</td><td>1</td><td>11-17 晚间；11-21 休息日</td>');
  expect(paper).toContain('合计：错时服务 2 次（其中休息日 1 次），1 人');
  expect(paper).not.toContain('13812345678');
  await screenshotSheet(page, paper, `${SHOTS}/off-hours-printed.png`);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Excel' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('错时服务记录-2026-11.xlsx');
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(2).values).toEqual([
    undefined,
    '姓名',
    '值班天数',
    '走访天数',
    '错时服务次数',
    '其中补充登记',
    '错时服务明细',
  ]);
  expect(ws.getRow(3).values).toEqual([undefined, '王秀英', 0, 0, 2, 1, '11-17 晚间；11-21 休息日']);

  // Previous month: nothing.
  await page.getByRole('button', { name: '上个月' }).click();
  await expect(
    page
      .getByRole('table', { name: '错时服务记录 2026-10' })
      .getByRole('row', { name: /王秀英/ })
      .getByRole('cell')
      .nth(2),
  ).toHaveText('0');
});
