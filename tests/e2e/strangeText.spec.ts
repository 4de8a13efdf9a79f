/**
 * Strange but valid text, shown literally (issue 22, item 13): a visit's 诉求内容, its agent and a
 * 不予受理 reason typed with emoji and a ZWJ sequence, RTL marks, markup that would run a script, a
 * leading formula sign and a combining mark are shown on the case page and on the printed
 * 不予受理告知书 exactly as typed, and no script runs — not in the app, not even when the printed
 * document is opened in a page that runs scripts. An escalation typed with formula signs keeps
 * the CSV export's guard: each such cell starts with an apostrophe.
 */
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { BOM } from '../../shared/reports/csv';
import { expect, test } from './pages';
import { capturePrints, printedDocuments } from './support/printCapture';

const ZHANG = { name: '张三', idNumber: '430104195803151237', phone: '13812345678' };

/** Every piece is valid where it is typed; none is a number a mask would change. */
const NOTE =
  '居民说：👨‍👩‍👧‍👦 \u200F<script>window.pwned=true</script> <img src=x onerror="window.pwned=true"> =SUM(A) e\u0301 مرحبا \u202Eabc';
const AGENT = { name: '<b>李</b>👍🏽\u200F', relation: '=邻居' };
const REASON = '@cmd 不属于本社区办理范围 <script>window.pwned=true</script> Zoe\u0308';
const REDIRECT = '+区政务服务中心 🏛️ -社保窗口';
const ESCALATION = { office: '=HYPERLINK("http://x")', request: '-请街道协调 @城管 +清理' };

/** Fails the test when anything opens a dialog (alert) or sets window.pwned. */
async function noScriptRan(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
}

test('strange text is shown as typed on screen and on paper, no script runs, the CSV keeps its formula guard', async ({
  page,
  desk,
  context,
}) => {
  // s42: 108.4 s of the default 120 s in a CI run beside a full-size sync bench (load average 9–16).
  test.setTimeout(240_000);
  const dialogs: string[] = [];
  context.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.clock.setFixedTime(new Date('2026-11-24T10:15:00+08:00'));
  await capturePrints(page);
  await desk.setup.complete();
  const { intake, cases } = desk;
  await intake.open();
  await intake.registerResident(ZHANG);

  // The visit: its 诉求内容, an agent, one matter refused (不予受理) with its reason and where to go.
  await page.getByLabel('诉求内容').fill(NOTE);
  await page.getByRole('checkbox', { name: '他人代为办理（代办人）' }).check();
  await page.getByLabel('代办人姓名').fill(AGENT.name);
  await page.getByLabel('与居民关系').fill(AGENT.relation);
  await intake.pickMatter(1, 'dyzz', '党员组织关系转接');
  await page.getByRole('radio', { name: '不予受理' }).check();
  await page.getByLabel('不予受理理由').fill(REASON);
  await page.getByLabel('告知办理去处').fill(REDIRECT);
  await intake.save();
  await expect(intake.trackingNumber(1)).toHaveText('THL-20261124-010001');

  // On paper: the printed 不予受理告知书 holds the texts as typed, escaped.
  await page.getByRole('button', { name: /^打印.*不予受理告知书/ }).click();
  await expect.poll(async () => (await printedDocuments(page)).length).toBe(1);
  const [paper] = await printedDocuments(page);
  expect(paper).not.toContain('<script>window');
  expect(paper).not.toContain('<b>李');
  // Opened in a page that runs scripts, the document shows the markup as text and runs nothing.
  const sheet = await context.newPage();
  await sheet.setContent(paper!);
  const sheetText = (await sheet.locator('body').textContent()) ?? '';
  for (const typed of [REASON, REDIRECT, AGENT.name, AGENT.relation]) expect(sheetText).toContain(typed);
  expect(await sheet.locator('body script, body img').count()).toBe(0);
  await noScriptRan(sheet);
  await sheet.close();

  // On screen: the preview of the same document, and the case page's 来访 line.
  const preview = await intake.previewReceipt('不予受理告知书');
  expect(await preview.locator('body').textContent()).toContain(REASON);
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: '查看办件' }).click();
  const visitLine = cases.info.getByRole('row').filter({ hasText: '来访' });
  await expect(visitLine).toBeVisible();
  const shown = (await visitLine.textContent()) ?? '';
  expect(shown).toContain(NOTE);
  expect(shown).toContain(`代办人 ${AGENT.name}，${AGENT.relation}`);
  expect(await page.locator('main script, main img[src="x"]').count()).toBe(0);

  // An accepted matter escalated with formula signs in its office and request.
  await intake.open();
  await intake.search.fill('张三');
  await intake.search.press('Enter');
  await expect(intake.selectedResident).toContainText('张三');
  await intake.pickMatter(1, 'dyzz', '党员组织关系转接');
  await intake.allDocumentsReceived();
  await page.keyboard.press('Control+Enter');
  await expect(intake.trackingNumber(1)).toHaveText('THL-20261124-010002');
  await page.getByRole('link', { name: '查看办件' }).click();
  await cases.act('上报街道', async (d) => {
    await d.getByRole('radio', { name: '日常' }).check();
    await d.getByLabel('请求事项').fill(ESCALATION.request);
    await d.getByLabel('上报至（科室或部门）').fill(ESCALATION.office);
  });
  await expect(page.getByRole('region', { name: '上报街道' })).toContainText(ESCALATION.office);

  // The 上报事项 CSV of this week: the cells read back with the apostrophe in front.
  await desk.shell.go('统计报表');
  await expect(desk.reports.heading).toBeVisible();
  await page.getByRole('button', { name: '下一期' }).click();
  await expect(page.getByRole('status').filter({ hasText: '11月23日' })).toBeVisible();
  const csv = await desk.reports.download('导出 CSV', '上报事项（CSV）');
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith(BOM)).toBe(true);
  const rows = Papa.parse<string[]>(text.slice(BOM.length), { newline: '\r\n', skipEmptyLines: true }).data;
  expect(rows).toHaveLength(2);
  expect(rows[1]).toContain(`'${ESCALATION.office}`);
  expect(rows[1]).toContain(`'${ESCALATION.request}`);
  for (const cell of rows[1]!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

  await noScriptRan(page);
  expect(dialogs).toEqual([]);
});
