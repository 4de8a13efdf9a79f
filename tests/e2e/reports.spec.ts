/**
 * 统计报表 on a generated five-year desk (1/10 size, loaded into Chromium's real IndexedDB):
 * last week's summary, its charts' values, its 帮代办 and 联席会议 rows, the notes, and the
 * downloads — xlsx, CSV, JSON — read back and checked against figures counted here from the
 * generator's raw records; the
 * printed summary captured and rendered to PDF. Every default file is scanned for the seeded
 * residents' exact ID numbers and phones. Screenshots of the page and the printed summary.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { webcrypto } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { RATINGS } from '@shared/domain/records';

const BENCH_PIN = '246810'; // bench/data/load.ts
import { readPackage } from '@shared/reports/wire/read';
import type { WirePackage } from '@shared/reports/wire/types';
import { ReportsPage } from './pages/ReportsPage';
import type { Page } from '@playwright/test';
import { expect, test, type Desk } from './pages';
import { expectAccessible } from './support/a11y';
import { capturePrints, printedDocuments } from './support/printCapture';
import { auditRows } from './support/auditLog';

const SHOTS = 'test-results/screens';
const WEEK = { from: '2026-11-16', to: '2026-11-22' };
const inWeek = (d: string | undefined) => d !== undefined && d >= WEEK.from && d <= WEEK.to;
type Raw = Awaited<ReturnType<typeof ReportsPage.seedGeneratedDesk>>;
let raw: Raw;
let visits: Raw['visits'];
let accepted: Raw['cases'];
let rated: Raw['cases'];
let secrets: string[];
const sha256Hex = async (t: string) =>
  Buffer.from(await webcrypto.subtle.digest('SHA-256', new TextEncoder().encode(t))).toString('hex');
const leaked = (text: string) => secrets.filter((s) => text.includes(s));

// The generated desk loads about 4× faster into a profile on disk than an incognito one.
test.use({ onDisk: true });

test.beforeEach(async ({ page }) => {
  // s42: up to 165.0 s in a CI run beside a full-size sync bench (load average 9–16); the limit only catches a hang.
  test.setTimeout(360_000);
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await capturePrints(page);
  // The expectations are counted here from the generator's raw records.
  raw = await ReportsPage.seedGeneratedDesk(page, 'tenth');
  visits = raw.visits.filter((v) => inWeek(v.day));
  accepted = raw.cases.filter((c) => inWeek(c.acceptedDay));
  rated = raw.cases.filter(
    (c) => c.rating && c.ratedAt !== undefined && inWeek(new Date(c.ratedAt + 8 * 3600_000).toISOString().slice(0, 10)),
  );
  secrets = raw.residents.flatMap((r) => [r.idNumber, r.phone]).filter((s): s is string => !!s);
  await page.goto('./');
});

/** The details of the audit rows with this action. */
const auditDetails = async (page: Page, action: string) => (await auditRows(page, [action])).map((r) => r.detail ?? '');

async function signInAndOpenReports(page: Page, d: Desk, name: string, role: string) {
  await d.signIn.signIn(name, BENCH_PIN, role);
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
  await d.shell.go('统计报表');
  await expect(d.reports.heading).toBeVisible();
}

test('last week’s summary: figures, charts, notes and the three downloads', async ({ page, desk }) => {
  await signInAndOpenReports(page, desk, '王秀英', '站长/管理员');
  const reports = desk.reports;
  await expect(reports.heading).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '上周：2026年第47周（11月16日—11月22日）' })).toBeVisible();
  await expect(reports.headline('来访')).toContainText(`${visits.length} 人次`);
  await expect(reports.headline('受理办件')).toContainText(`${accepted.length} 件`);

  // The charts show the counts of the data: on the bars (a bar of 0 carries no label) and in
  // the table each chart has for screen readers.
  const levels = RATINGS.map((r) => rated.filter((c) => c.rating === r).length);
  expect(levels.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  await expect.poll(() => reports.barValues('满意度评价')).toEqual(levels.filter((n) => n > 0));
  expect(await reports.chartData('满意度评价')).toEqual(Object.fromEntries(RATINGS.map((r, i) => [r, [levels[i]]])));
  const trend = await reports.chartData('近八周来访与受理');
  expect(trend[`${WEEK.from} 至 ${WEEK.to}`]).toEqual([visits.length, accepted.length]);
  const perWeek = Object.entries(trend);
  expect(perWeek).toHaveLength(8);
  expect(await reports.barValues('近八周来访与受理')).toEqual(
    [...perWeek.map(([, v]) => v[0]!), ...perWeek.map(([, v]) => v[1]!)].filter((n) => n > 0),
  );
  const categories = await reports.barValues('办件类别分布');
  expect(categories.reduce((a, b) => a + b, 0)).toBe(accepted.length);
  // 帮代办: the week's requests and home visits, and the documents out at its end (returned
  // since or not), counted from the raw records.
  const dayOf = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
  const requests = raw.proxyTasks.filter((t) => inWeek(t.requestedDay)).length;
  const homeVisits = raw.proxyTasks.filter((t) => inWeek(t.visitedDay)).length;
  const out = raw.custodyItems.filter(
    (i) => dayOf(i.collectedAt) <= WEEK.to && (i.settledAt === undefined || dayOf(i.settledAt) > WEEK.to),
  ).length;
  expect(await reports.summaryRow('帮代办', '代办需求')).toEqual([String(requests), expect.any(String)]);
  expect((await reports.summaryRow('帮代办', '上门服务（次）'))[0]).toBe(String(homeVisits));
  expect((await reports.summaryRow('帮代办', '期末材料在外（件）'))[0]).toBe(String(out));
  // 联席会议: the week's problems (merged reports once), its meeting and the items discussed.
  const raised = raw.problems.filter((p) => !p.merged && inWeek(p.raisedDay)).length;
  const held = new Set(raw.meetings.filter((m) => m.status === '已召开' && inWeek(m.day)).map((m) => m.id));
  const items = raw.agendaItems.filter((i) => held.has(i.meetingId));
  expect(held.size).toBe(1);
  expect(await reports.summaryRow('联席会议', '新增问题')).toEqual([String(raised), expect.any(String)]);
  expect((await reports.summaryRow('联席会议', '召开会议（次）'))[0]).toBe('1');
  expect((await reports.summaryRow('联席会议', '研究议题（项）'))[0]).toBe(String(items.length));
  expect((await reports.summaryRow('联席会议', '会议决定（项）'))[0]).toBe(
    String(items.filter((i) => i.decided).length),
  );
  // 错时服务: its own section (the figures are counted in tests/db/offHours.test.ts); the same in the package below.
  const offHours = Number((await reports.summaryRow('错时服务', '错时服务（次）'))[0]);
  expect(offHours).toBeGreaterThanOrEqual(0);
  await expectAccessible(page, '统计报表');
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/reports-week.png`, fullPage: false });
  await page.screenshot({ path: `${SHOTS}/reports-week-full.png`, fullPage: true });
  // Printed from the browser, the page drops the navigation and the buttons (black and white
  // is read from the bar values, see ReportCharts).
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.getByRole('button', { name: '导出 Excel' })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/reports-week-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Notes, then the xlsx: the notes are saved by the export and written into 汇总.
  await page.getByLabel('本周重点工作').fill('开展养老资格认证集中办理');
  const xlsx = await reports.download('导出 Excel');
  expect(xlsx.download.suggestedFilename()).toBe('桃花岭社区-周报-2026-11-16至2026-11-22.xlsx');
  await expect(page.getByRole('status').filter({ hasText: '已导出' })).toBeVisible();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(xlsx.bytes).buffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '办件台账', '上报事项', '评价与整改']);
  expect(wb.getWorksheet('办件台账')!.rowCount - 2).toBe(accepted.length);
  const summaryText = JSON.stringify(wb.getWorksheet('汇总')!.getSheetValues());
  expect(summaryText).toContain('开展养老资格认证集中办理');
  const zip = await JSZip.loadAsync(xlsx.bytes);
  const unzipped = (await Promise.all(Object.values(zip.files).map((f) => f.async('string')))).join('\n');
  expect(leaked(unzipped)).toEqual([]);

  // A CSV of the case ledger.
  const csv = await reports.download('导出 CSV', '办件台账（CSV）');
  const csvText = csv.bytes.toString('utf8');
  expect(csvText.startsWith('\uFEFF受理编号,')).toBe(true);
  expect(csvText.trimEnd().split('\r\n')).toHaveLength(accepted.length + 1);
  expect(leaked(csvText)).toEqual([]);

  // The JSON package (wire version 2) reads back as the street reads it: schema, hash, street.
  const json = await reports.download('导出报送包（JSON）');
  const jsonText = json.bytes.toString('utf8');
  const read = await readPackage(jsonText, { street: '岳麓街道' }, sha256Hex);
  expect(read).toMatchObject({ ok: true, fromVersion: 2 });
  const pkg = JSON.parse(jsonText) as WirePackage;
  expect(pkg.version).toBe(2);
  expect(pkg.content.street.name).toBe('岳麓街道');
  expect(pkg.content.counts.visits).toBe(visits.length);
  expect(pkg.content.counts.offHoursOccasions).toBe(offHours);
  // The first sending of the week; the notes (free text) stay on the desk.
  expect(pkg.content.correction).toEqual({ n: 1, replaces: null });
  expect(jsonText).not.toContain('开展养老资格认证集中办理');
  // It names the desks it covers (this desk alone) with their cases of the week.
  expect(pkg.content.desks).toEqual([{ number: 1, name: '一号窗口', casesAccepted: accepted.length }]);
  expect(leaked(jsonText)).toEqual([]);

  // The printed summary: the HTML handed to the print frame, rendered to PDF.
  await page.getByRole('button', { name: '打印周报' }).click();
  await expect.poll(async () => (await printedDocuments(page)).length).toBe(1);
  const html = (await printedDocuments(page))[0]!;
  expect(html).toContain('<h1>桃花岭社区 工作周报</h1>');
  expect(leaked(html)).toEqual([]);
  const paper = await page.context().newPage();
  await paper.setContent(html);
  await paper.emulateMedia({ media: 'print' });
  const pdf = await paper.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await writeFile(`${SHOTS}/reports-printed-summary.pdf`, pdf);
  await paper.setViewportSize({ width: 794, height: 1123 });
  await paper.screenshot({ path: `${SHOTS}/reports-printed-summary.png`, fullPage: true });
  await paper.close();

  // Every export is in the audit log, with its rows.
  const audit = await auditDetails(page, 'report.export');
  expect(audit).toHaveLength(4);
  expect(audit[0]).toContain(`办件台账 ${accepted.length} 行`);

  // The package is made once per center: the panel says who made this week's, and which desks'
  // work the report covers; another export asks first and is logged as a repeat.
  await expect(page.getByRole('list', { name: '涵盖的窗口' })).toContainText(
    `窗口号 1（一号窗口）：本期受理 ${accepted.length} 件`,
  );
  const made = page.getByRole('status', { name: '报送包导出情况' });
  await expect(made).toContainText(
    '本周报送包已由 窗口号 1（一号窗口） 王秀英 于 2026-11-24 09:30 导出，涵盖窗口号 1。',
  );
  await expectAccessible(page, '统计报表（报送包已导出）');
  await page.getByRole('button', { name: '导出报送包（JSON）' }).click();
  const again = page.getByRole('dialog', { name: '再次导出报送包' });
  await expect(again).toContainText('报送包每期由本中心导出一份即可');
  const repeat = page.waitForEvent('download');
  await again.getByRole('button', { name: '仍要再次导出' }).click();
  // The second sending says it is one, and which file it replaces.
  const second = JSON.parse(await readFile((await (await repeat).path())!, 'utf8')) as WirePackage;
  expect(second.content.correction).toEqual({ n: 2, replaces: pkg.sha256 });
  await expect(again).toHaveCount(0);
  await expect(made).toContainText('共导出 2 次');
  const logged = await auditDetails(page, 'report.export');
  expect(logged.filter((d) => d.includes('本期第 2 次导出（再次导出）'))).toHaveLength(1);

  // Every format is recorded for the center: Excel made again asks through the same one confirm.
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const excelAgain = page.getByRole('dialog', { name: '再次导出Excel' });
  await expect(excelAgain).toContainText(/本周Excel已由 窗口号 1（一号窗口） 王秀英 于 .+ 导出/);
  const excel = page.waitForEvent('download');
  await excelAgain.getByRole('button', { name: '仍要再次导出' }).click();
  expect((await excel).suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(excelAgain).toHaveCount(0);
  const repeats = (await auditDetails(page, 'report.export')).filter((d) => d.includes('本期第 2 次导出（再次导出）'));
  expect(repeats.map((d) => d.split('；')[0])).toEqual(['报送包', 'Excel']);
});

test('a clerk sees no 实名台账; a custom range is checked at its field', async ({ page, desk }) => {
  await signInAndOpenReports(page, desk, '值班员1号', '值班员');
  await expect(desk.reports.heading).toBeVisible();
  await expect(page.getByRole('button', { name: '导出 Excel' })).toBeVisible();
  await expect(page.getByRole('button', { name: '实名台账…' })).toHaveCount(0);
  await page.getByRole('button', { name: '自定义' }).click();
  await page.getByLabel('结束日期').fill('2026-11-01');
  await expect(page.getByText('结束日期不能早于开始日期')).toBeVisible();
});

test('an admin exports the 实名台账 only with a reason, which is logged', async ({ page, desk }) => {
  await signInAndOpenReports(page, desk, '王秀英', '站长/管理员');
  await page.getByRole('button', { name: '实名台账…' }).click();
  const dialog = page.getByRole('dialog', { name: '导出实名台账' });
  await dialog.getByRole('button', { name: '导出实名台账' }).click();
  await expect(dialog.getByText(/请写明导出实名台账的原因/)).toBeVisible();
  await dialog.getByLabel('导出原因').fill('街道核查低保复审名单');
  const waiting = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出实名台账' }).click();
  const download = await waiting;
  expect(download.suggestedFilename()).toContain('-实名.xlsx');
  await expect(dialog).toHaveCount(0);
  // The file does carry full numbers; the log has who, the rows and the reason.
  const zip = await JSZip.loadAsync(await readFile((await download.path())!));
  const unzipped = (await Promise.all(Object.values(zip.files).map((f) => f.async('string')))).join('\n');
  expect(leaked(unzipped).length).toBeGreaterThan(0);
  const exports = await auditDetails(page, 'report.export');
  expect(exports).toHaveLength(1);
  expect(exports[0]).toContain('实名台账，原因：街道核查低保复审名单');
});
