/**
 * The street office (issue 27 items 2, 3, 6): a street desk set up through the wizard (街道), a
 * 街道工作人员 added, a fourth community typed into the 社区名单; 周报接收 imports three
 * communities' packages (one twice, one corrected later, one from a community not yet listed —
 * asked, then added), refuses a truncated file, a hash mismatch and another street's package,
 * each naming the file; the week shows 已报送 / 有更正 / 未报送, and 逾期 once the deadline (Monday
 * 12:00) has passed. axe on every street screen, the keyboard reaches every action, and no
 * resident's name, ID number or phone of the generated desk the packages came from shows on any
 * street screen. Packages: the real export's week, re-addressed, written by `writePackage`.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './pages';
import { ReportsPage } from './pages/ReportsPage';
import { SignInPage } from './pages/SignInPage';
import { expectAccessible } from './support/a11y';
import { tabTo } from './support/keyboard';
import { capturePrints } from './support/printCapture';
import { pageSurface, secretFinder } from './support/secretScan';
import { addStreetStaff, setUpStreetDesk, STREET_CLERK, writePackageFiles } from './support/streetDesk';

const THL = { code: 'THL', name: '桃花岭社区' };
const YLQ = { code: 'YLQ', name: '岳麓社区' };
const JZZ = { code: 'JZZ', name: '橘洲社区' };
const WEEK = '2026-11-16'; // Monday; due Monday 11-23 12:00
const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00+08:00`).toISOString();
const SCREENS = ['社区名单', '周报接收', '汇总', '吹哨事项', '设置', '数据备份'] as const;

/** Moves the page's fixed clock by small steps (the idle lock locks after 5 idle minutes). */
async function moveClockTo(page: Page, hhmm: string, from: string): Promise<void> {
  let [h, m] = from.split(':').map(Number) as [number, number];
  const [th, tm] = hhmm.split(':').map(Number) as [number, number];
  while (h * 60 + m < th * 60 + tm) {
    const next = Math.min(h * 60 + m + 3, th * 60 + tm);
    [h, m] = [Math.floor(next / 60), next % 60];
    await page.clock.setFixedTime(
      new Date(`2026-11-23T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`),
    );
    await page.keyboard.press('Shift'); // activity (a key; the lock ignores pointer moves): the desk stays unlocked
  }
}

const weekCell = (page: Page, community: string) =>
  page
    .getByRole('table', { name: '近 8 周报送情况' })
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: `报送记录：${community}` }) })
    .getByRole('cell')
    .last();

test('a street desk receives the communities’ weekly packages', async ({ page }, info) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.setFixedTime(new Date('2026-11-23T11:40:00+08:00'));
  await capturePrints(page); // the scan below reads what went to paper too
  const dir = info.outputPath('packages');
  const [thl, ylq, jzz, thlAgain, truncated, tampered, foreign] = await writePackageFiles(dir, [
    { fileName: '桃花岭-第47周.json', community: THL, week: WEEK, generatedAt: at('10:05') },
    { fileName: '岳麓-第47周.json', community: YLQ, week: WEEK, generatedAt: at('09:00') },
    { fileName: '橘洲-第47周.json', community: JZZ, week: WEEK, generatedAt: at('10:30') },
    { fileName: '桃花岭-第47周-副本.json', community: THL, week: WEEK, generatedAt: at('10:05') },
    {
      fileName: '截断.json',
      community: THL,
      week: WEEK,
      generatedAt: at('10:06'),
      edit: (t) => t.slice(0, t.length / 2),
    },
    {
      fileName: '被改动.json',
      community: YLQ,
      week: WEEK,
      generatedAt: at('10:07'),
      edit: (t) => t.replace('"岳麓社区"', '"岳麓社区二"'),
    },
    { fileName: '外街道.json', community: THL, week: WEEK, generatedAt: at('10:08'), street: '橘子洲街道' },
  ]);
  const [ylqCorrected, thlOlder] = await writePackageFiles(dir, [
    { fileName: '岳麓-第47周-更正.json', community: YLQ, week: WEEK, generatedAt: at('11:30'), n: 2 },
    { fileName: '桃花岭-第47周-旧.json', community: THL, week: WEEK, generatedAt: at('08:00') },
  ]);

  // The setup's first question: 社区 or 街道.
  await page.goto('./');
  await expect(page.getByRole('radio', { name: /^社区/ })).toBeChecked();
  await page.getByRole('radio', { name: /^街道/ }).check();
  await expect(page.getByLabel('街道名称')).toBeVisible();
  await expect(page.getByLabel('网格名称（每行一个）')).toHaveCount(0);
  await expectAccessible(page, '设置向导（街道）');
  await page.screenshot({ path: info.outputPath('setup-street.png') });
  await setUpStreetDesk(page);
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link')).toHaveText(
    SCREENS.map((s, i) => new RegExp(`^${s}Alt\\+${i + 1}$`)),
  );

  // Accounts: street roles only.
  await addStreetStaff(page, STREET_CLERK, '街道工作人员');

  // 社区名单: a community by hand (checked at the field), the fourth one that sends nothing.
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: '社区名单' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: '添加社区' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '添加社区' });
  await dialog.getByLabel('社区名称').fill('望江楼社区');
  await dialog.getByLabel('社区代码').fill('wjl');
  await dialog.getByLabel('办公电话').fill('0731-88881234');
  await dialog.getByLabel('社区名称').press('Enter');
  await expect(dialog.getByText('请填写社区联系人')).toBeVisible();
  await dialog.getByLabel('联系人').fill('周主任');
  await dialog.getByLabel('联系人').press('Enter');
  await expect(dialog).toBeHidden();
  for (const c of [THL, YLQ]) {
    await page.getByRole('button', { name: '添加社区' }).click();
    await dialog.getByLabel('社区名称').fill(c.name);
    await dialog.getByLabel('社区代码').fill(c.code);
    await dialog.getByLabel('联系人').fill('刘主任');
    await dialog.getByLabel('办公电话').fill('0731-88886666');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }
  // A code already in the list is refused at its field.
  await page.getByRole('button', { name: '添加社区' }).click();
  await dialog.getByLabel('社区名称').fill('重复社区');
  await dialog.getByLabel('社区代码').fill('THL');
  await dialog.getByLabel('联系人').fill('刘');
  await dialog.getByLabel('办公电话').fill('0731-88886666');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('社区代码已在名单中，请核对')).toBeVisible();
  // Escape from a field of the dialog (after the refused save the focus may have left it).
  await dialog.getByLabel('社区名称').press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /望江楼社区/ })).toContainText('WJL');

  // 周报接收: the keyboard opens the file chooser; several files at once.
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: '周报接收' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: '选择周报文件' }));
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles([thl!, ylq!, jzz!, thlAgain!, truncated!, tampered!, foreign!]);
  const results = page.getByRole('status', { name: '导入结果' });
  await expect(results).toContainText('桃花岭-第47周.json：已导入（THL，');
  await expect(results).toContainText('岳麓-第47周.json：已导入（YLQ，');
  await expect(results).toContainText('橘洲-第47周.json：社区名单中没有「橘洲社区」（JZZ），尚未导入');
  await expect(results).toContainText('桃花岭-第47周-副本.json：该文件已导入过');
  await expect(results).toContainText('截断.json：文件不完整或不是报送包（无法读取 JSON）');
  await expect(results).toContainText('被改动.json：报送包内容与校验值不符');
  await expect(results).toContainText('外街道.json：这是「橘子洲街道」的报送包，不属于本街道（岳麓街道）');
  // Asked, not silent: the admin adds it from its package.
  await tabTo(page, results.getByRole('button', { name: '添加到社区名单并导入' }));
  await page.keyboard.press('Enter');
  await expect(results).toContainText('橘洲-第47周.json：已导入（JZZ，');

  // Later: YLQ's correction, and an older THL file that arrives late.
  await page.getByLabel('周报文件').setInputFiles([ylqCorrected!, thlOlder!]);
  await expect(results).toContainText('岳麓-第47周-更正.json：已导入（YLQ，');
  await expect(results).toContainText('桃花岭-第47周-旧.json：已导入，较旧未采用');

  // THL sent twice (the late file was made first, at 08:00): 有更正, first sent at 08:00; the
  // package in use stays the newer one (较旧未采用).
  await expect(weekCell(page, '桃花岭社区')).toHaveText('有更正 11-23 08:00');
  await expect(weekCell(page, '岳麓社区')).toHaveText('有更正 11-23 09:00');
  await expect(weekCell(page, '橘洲社区')).toHaveText('已报送 11-23 10:30');
  await expect(weekCell(page, '望江楼社区')).toHaveText('未报送');
  await page.getByRole('button', { name: '报送记录：岳麓社区' }).click();
  const history = page.getByRole('table', { name: '报送记录：岳麓社区' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('row').nth(1)).toContainText('岳麓-第47周-更正.json');
  await expect(history.getByRole('row').nth(1)).toContainText('采用');
  await expect(history.getByRole('row').nth(2)).toContainText('已被更正');
  await expect(history.getByRole('row').nth(2)).toContainText('欧阳街管');
  await expectAccessible(page, '周报接收');
  await page.screenshot({ path: info.outputPath('street-import.png'), fullPage: true });

  // 社区名单 shows last week: 未报送 for the fourth community.
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('row', { name: /望江楼社区/ })).toContainText('未报送');
  await expect(page.getByRole('row', { name: /桃花岭社区/ })).toContainText('有更正 11-23 08:00');
  await expectAccessible(page, '社区名单');
  await page.screenshot({ path: info.outputPath('street-communities.png'), fullPage: true });

  // After Monday 12:00 the missing one is 逾期.
  await moveClockTo(page, '12:02', '11:40');
  await page.keyboard.press('Alt+2');
  await expect(weekCell(page, '望江楼社区')).toHaveText('逾期');
  await expect(weekCell(page, '桃花岭社区')).toHaveText('有更正 11-23 08:00');

  // Every street screen: reachable by Alt+digit, axe, and no resident's data of the source desk.
  // (The generator runs in the bench page: the app's code, not Playwright's loader, reads its data.)
  const bench = await page.context().newPage();
  await ReportsPage.openBenchPage(bench);
  const residents = await bench.evaluate(() => window.bench.personalOf('tiny'));
  await bench.close();
  const numbers = secretFinder(residents.flatMap((r) => [r.idNumber, r.phone].filter(Boolean) as string[]));
  const names = [...new Set(residents.map((r) => r.name))].filter((n) => n.length >= 2);
  for (const [i, screen] of SCREENS.entries()) {
    await page.keyboard.press(`Alt+${i + 1}`);
    await expect(page.getByRole('heading', { name: screen, level: 1 })).toBeVisible();
    await expectAccessible(page, screen);
    const surface = await pageSurface(page);
    const all = Object.values(surface).join('\n');
    expect(numbers(all), screen).toEqual([]);
    expect(
      names.filter((n) => surface.text.includes(n)),
      screen,
    ).toEqual([]);
  }
  await page.getByRole('link', { name: '操作日志' }).click();
  await expect(page.getByRole('heading', { name: '操作日志' })).toBeVisible();
  // The street's entries under its own 类别 (not the raw domain), once the chain is checked.
  await expect(page.getByRole('status').filter({ hasText: '记录链完整' })).toBeVisible();
  await expect(page.getByRole('table', { name: '操作日志' }).getByRole('row').nth(1)).toContainText('街道');
  await expect(page.getByLabel('类别')).toContainText('街道');
  await expectAccessible(page, '操作日志（街道）');
  const log = (await pageSurface(page)).text;
  expect(log).toContain('导入社区周报');
  expect(log).not.toContain('桃花岭-第47周.json');
  expect(names.filter((n) => log.includes(n))).toEqual([]);

  // The 街道工作人员 signs in: imports, but no 添加社区.
  await page.getByRole('button', { name: '退出登录' }).click();
  await new SignInPage(page).signIn(STREET_CLERK.name, STREET_CLERK.pin, '街道工作人员');
  await expect(page.getByRole('heading', { name: '社区名单' })).toBeVisible();
  await expect(page.getByRole('button', { name: '添加社区' })).toHaveCount(0);
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('button', { name: '选择周报文件' })).toBeVisible();
});
