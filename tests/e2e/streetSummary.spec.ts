/**
 * The street's 汇总 (issue 27 item 4) in Chromium: three communities' packages of last week made by
 * the real community export from generated desks of three sizes (the bench bundle generates and
 * loads each desk in this origin's IndexedDB, reads the week with readReportData and writes the
 * package with packageContent/writePackage), imported on a street desk set up through the wizard,
 * with a fourth community on the list that sent nothing. The merged and side-by-side figures on
 * screen equal hand counts made here from the packages' own counts (rates from summed parts); the
 * xlsx is downloaded and read back; the printed 街道周报 is captured and looked at; axe; the
 * keyboard reaches every action. Screenshots at 1366×768.
 */
import ExcelJS from 'exceljs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { WirePackage } from '@shared/reports/wire/types';
import { expect, test } from './pages';
import { ReportsPage } from './pages/ReportsPage';
import { expectAccessible } from './support/a11y';
import { auditRows } from './support/auditLog';
import { tabTo } from './support/keyboard';
import { capturePrints, printedDocuments } from './support/printCapture';
import { setUpStreetDesk } from './support/streetDesk';

const SHOTS = 'test-results/screens';
const WEEK = { from: '2026-11-16', to: '2026-11-22' };
const SOURCES = [
  { size: 'tiny', community: { code: 'THL', name: '桃花岭社区', population: 6_000 } },
  { size: 'thousand', community: { code: 'YLQ', name: '岳麓社区', population: 11_500 } },
  { size: 'center', community: { code: 'JZZ', name: '橘洲社区', population: 9_000 } },
] as const;
const QUIET = { code: 'WJL', name: '望江楼社区' };

const pct = (num: number, den: number) => (den > 0 ? `${((num / den) * 100).toFixed(1)}%` : '—');

test('汇总: merged and side-by-side figures equal the packages, 未报送, xlsx, printed 街道周报, axe, keyboard', async ({
  page,
}, info) => {
  test.setTimeout(420_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await capturePrints(page);

  // Three desks of different sizes, each exporting last week through the real code.
  await ReportsPage.openBenchPage(page);
  const dir = info.outputPath('packages');
  await mkdir(dir, { recursive: true });
  const made: { file: string; pkg: WirePackage; visits: number }[] = [];
  for (const s of SOURCES) {
    const out = await page.evaluate(
      ([size, week, community]) => window.bench.sizedCommunityPackage(size, week, community),
      [s.size, WEEK, s.community] as const,
    );
    const file = path.join(dir, out.fileName);
    await writeFile(file, out.text, 'utf8');
    made.push({ file, pkg: JSON.parse(out.text) as WirePackage, visits: out.visits });
  }
  // Different sizes: the desks' weeks differ, and each package counts its desk's visits.
  expect(new Set(made.map((m) => m.visits)).size).toBe(3);
  for (const m of made) expect(m.pkg.content.counts.visits).toBe(m.visits);

  // The street desk: the four communities on the list, the three files imported.
  await setUpStreetDesk(page);
  const dialog = page.getByRole('dialog', { name: '添加社区' });
  for (const c of [...SOURCES.map((s) => s.community), QUIET]) {
    await page.getByRole('button', { name: '添加社区' }).click();
    await dialog.getByLabel('社区名称').fill(c.name);
    await dialog.getByLabel('社区代码').fill(c.code);
    await dialog.getByLabel('联系人').fill('刘主任');
    await dialog.getByLabel('办公电话').fill('0731-88886666');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: '周报接收' })).toBeVisible();
  await page.getByLabel('周报文件').setInputFiles(made.map((m) => m.file));
  const results = page.getByRole('status', { name: '导入结果' });
  for (const m of made) await expect(results).toContainText(`${path.basename(m.file)}：已导入`);

  // 汇总 opens on last week.
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: '汇总', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '上周：2026年第47周（11月16日—11月22日）' })).toBeVisible();

  // Hand counts from the packages' own counts.
  const sum = (f: (p: WirePackage) => number) => made.reduce((n, m) => n + f(m.pkg), 0);
  const visits = sum((p) => p.content.counts.visits);
  const accepted = sum((p) => p.content.counts.accepted);
  const onTime = pct(
    sum((p) => p.content.rates.onTime.num),
    sum((p) => p.content.rates.onTime.den),
  );
  const headline = page.getByRole('list', { name: '全街道要点' });
  await expect(headline.getByRole('listitem').filter({ hasText: '报送社区' })).toContainText('3/4');
  await expect(headline.getByRole('listitem').filter({ hasText: '来访' })).toContainText(`${visits} 人次`);
  await expect(headline.getByRole('listitem').filter({ hasText: '受理办件' })).toContainText(`${accepted} 件`);
  await expect(headline.getByRole('listitem').filter({ hasText: '按时办结率' })).toContainText(onTime);
  await expect(page.getByRole('status', { name: '未报送社区' })).toContainText('未报送 1 个社区');
  await expect(page.getByRole('status', { name: '未报送社区' })).toContainText(QUIET.name);
  const merged = page.getByRole('table', { name: '合计 办结' });
  await expect(merged.getByRole('row', { name: /按时办结率/ })).toContainText(onTime);
  await expect(
    page.getByRole('table', { name: '合计 来访与受理' }).getByRole('row', { name: /^来访（人次）/ }),
  ).toContainText(String(visits));

  // Side by side: each community's row from its own package.
  const compare = page.getByRole('table', { name: '各社区对比' });
  const rowCells = async (name: string) =>
    compare
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) })
      .getByRole('cell')
      .allTextContents();
  for (const m of made) {
    const c = m.pkg.content;
    const [reported, per1000, immediate, onTimeRate, overdue, , , proxy, meetings] = await rowCells(c.community.name);
    expect(reported).toBe('1/1 周');
    expect(per1000).toBe(String(Math.round((c.counts.visits * 1000 * 10) / c.residents) / 10));
    expect(immediate).toBe(pct(c.rates.immediate.num, c.rates.immediate.den));
    expect(onTimeRate).toBe(pct(c.rates.onTime.num, c.rates.onTime.den));
    expect(overdue).toBe(String(c.counts.overdueAtEnd));
    expect(proxy).toBe(String(c.counts.proxyRequests));
    expect(meetings).toBe(String(c.counts.meetingsHeld));
  }
  expect((await rowCells(QUIET.name)).slice(1, 9)).toEqual(Array(8).fill('未报送'));
  // Outliers (below the street's 90%) are said in words and marked ▲ in the table.
  const below = made.filter((m) => {
    const r = m.pkg.content.rates.onTime;
    return r.den > 0 && r.num / r.den < 0.9;
  });
  for (const m of below) {
    await expect(page.getByRole('status', { name: '异常社区' })).toContainText(
      `${m.pkg.content.community.name}：按时办结率`,
    );
    expect((await rowCells(m.pkg.content.community.name)).at(-1)).toMatch(/低于 90\.0%/);
  }
  // The trend chart's table for screen readers: last week holds the three packages.
  const trend = page.getByRole('table', { name: '近八周全街道来访与受理数据' });
  await expect(trend.getByRole('row', { name: new RegExp(`${WEEK.from} 至 ${WEEK.to}`) })).toContainText(
    `3${visits}${accepted}`,
  );

  await expectAccessible(page, '汇总');
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/street-summary.png` });
  await page.screenshot({ path: `${SHOTS}/street-summary-full.png`, fullPage: true });

  // The keyboard reaches every action: the period kinds, 上一期/下一期, the three exports.
  await page.getByRole('heading', { name: '汇总', level: 1 }).click();
  // The period kinds are one tab stop (MUI's roving tab index): Tab to the group, arrows along it.
  await tabTo(page, page.getByRole('button', { name: '周', exact: true }), { max: 30 });
  for (const name of ['月', '季度', '年']) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('button', { name, exact: true })).toBeFocused();
  }
  await page.keyboard.press('Enter'); // 年
  await expect(page.getByRole('status').filter({ hasText: '今年：2026年' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: '年', exact: true }), { back: true });
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('button', { name: '周', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '2026年第47周' })).toBeVisible();
  for (const name of ['上一期', '下一期', '导出 Excel', '打印街道周报（Ctrl+P）', '导出 PDF'])
    await tabTo(page, page.getByRole('button', { name }), { max: 30 });

  // The xlsx, read back: a sheet per view, Chinese headers, A4 landscape, the same figures.
  await tabTo(page, page.getByRole('button', { name: '导出 Excel' }), { back: true });
  const waiting = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await waiting;
  expect(download.suggestedFilename()).toBe('岳麓街道-周报汇总-2026-11-16至2026-11-22.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['合计', '各社区对比', '近8周趋势', '异常']);
  const sheet = wb.getWorksheet('各社区对比')!;
  expect(sheet.pageSetup.orientation).toBe('landscape');
  expect(sheet.pageSetup.paperSize).toBe(9);
  expect((sheet.getRow(2).values as unknown[]).slice(1, 6)).toEqual([
    '社区',
    '社区代码',
    '报送',
    '每千人来访',
    '即办占比',
  ]);
  const sheetRow = (name: string) => sheet.getRows(3, sheet.rowCount - 2)!.find((r) => r.getCell(1).value === name)!;
  for (const m of made) {
    const c = m.pkg.content;
    expect(sheetRow(c.community.name).getCell(6).value).toBe(pct(c.rates.onTime.num, c.rates.onTime.den));
    expect(sheetRow(c.community.name).getCell(7).value).toBe(c.counts.overdueAtEnd);
  }
  expect(sheetRow(QUIET.name).getCell(4).value).toBe('未报送');
  const totals = wb.getWorksheet('合计')!;
  const total = (label: string) =>
    totals
      .getRows(3, totals.rowCount - 2)!
      .find((r) => r.getCell(2).value === label)!
      .getCell(3).value;
  expect(total('来访（人次）')).toBe(visits);
  expect(total('按时办结率')).toBe(onTime);
  const anomalies = wb.getWorksheet('异常')!;
  expect(anomalies.getRows(3, anomalies.rowCount - 2)!.map((r) => r.getCell(1).value)).toContain(QUIET.name);
  await expect(page.getByRole('status').filter({ hasText: '已导出 岳麓街道-周报汇总' })).toBeVisible();

  // The printed 街道周报 (Ctrl+P): A4 landscape, the street, the period, the four communities.
  await page.keyboard.press('Control+p');
  await expect(page.getByRole('status').filter({ hasText: '街道周报已送打印' })).toBeVisible();
  const printed = (await printedDocuments(page)).at(-1)!;
  expect(printed).toContain('<h1>岳麓街道周报</h1>');
  expect(printed).toContain('2026-11-16 至 2026-11-22');
  expect(printed).toContain(`未报送：${QUIET.name}`);
  for (const s of SOURCES) expect(printed).toContain(s.community.name);
  expect(printed).toContain('size: A4 landscape');
  const paper = await page.context().newPage();
  await paper.setViewportSize({ width: 1366, height: 768 });
  await paper.setContent(printed);
  await paper.screenshot({ path: `${SHOTS}/street-summary-print.png`, fullPage: true });
  await paper.pdf({ path: `${SHOTS}/street-summary-print.pdf`, format: 'A4', landscape: true });
  await paper.close();

  // Both recorded in the audit log, naming the format and the period only.
  const audit = await auditRows(page, ['street.summaryExport']);
  expect(audit.map((r) => r.entityId)).toEqual(['Excel', '打印']);
  for (const r of audit) expect(r.detail).toContain('2026-11-16 至 2026-11-22');
});
