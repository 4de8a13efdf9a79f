/**
 * 吹哨事项 and the 反馈包 (issue 27 item 5), both ends in Chromium. The community is a second
 * browser context (its own profile and IndexedDB, same app): set up through the wizard with 所属街道
 * 岳麓街道, it accepts three cases at the counter and escalates them (上报街道) in week 47, then exports
 * the week's 报送包 from 统计报表 (a download). The street desk (first context, set up through the
 * wizard) imports it in 周报接收, sees the three escalations in 吹哨事项 with 报到 overdue marked
 * (limit 2 days), records 报到 and 处理反馈 on two — by keyboard for the first — and 报到 on the third,
 * and exports the community's 反馈包 (a download, by keyboard). The community meanwhile closes the
 * third case on its case page (报到 and 处理反馈 taken by phone, 核实结项), then imports the file in
 * 办件 → 导入街道反馈 (by keyboard): two items applied, the third listed with its reason; the two cases' timelines
 * show the street's 报到 and 处理反馈, the street named; a second import applies nothing. axe on the
 * street's page and dialogs and on the community's import dialog.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { ADMIN, desk, expect, test } from './pages';
import { expectAccessible } from './support/a11y';
import { tabTo } from './support/keyboard';
import { setUpStreetDesk, STREET } from './support/streetDesk';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const RESIDENTS = [
  { name: '柳青禾', phone: '13812345671', office: '城管科' },
  { name: '柏松年', phone: '13812345672', office: '城管科' },
  { name: '梅映雪', phone: '13812345673', office: '民政科' },
] as const;

/** Moves the community's clock on (the jump may lock the desk as idle: the admin's PIN resumes). */
async function moveClock(page: Page, when: Date, reload = false) {
  await page.clock.setFixedTime(when);
  if (reload) await page.reload();
  await desk(page).shell.resumeIfLocked(ADMIN.pin);
}

test('the street records 报到 and 反馈 and the community imports its 反馈包', async ({ page, browser }, info) => {
  // s42: 220.7 s in a CI run beside a full-size sync bench (load average 9–16); the limit only catches a hang.
  test.setTimeout(480_000);
  const { baseURL, locale, timezoneId } = info.project.use;
  const viewport = { width: 1366, height: 768 };
  const context = await browser.newContext({ baseURL, locale, timezoneId, viewport });
  const cpage = await context.newPage();
  const community = desk(cpage);

  // The community, week 47: three cases accepted at the counter and escalated to the street.
  await cpage.clock.setFixedTime(at('2026-11-17', '10:00'));
  await community.setup.complete({ street: STREET.name });
  const tracking: string[] = [];
  for (const r of RESIDENTS) {
    await community.intake.acceptAndOpen({ name: r.name, phone: r.phone }, 'dyzz', '党员组织关系转接');
    const heading = cpage.getByRole('heading', { name: /^办件 THL-/ });
    await expect(heading).toBeVisible();
    tracking.push(/THL-\d{8}-\d+/.exec(await heading.innerText())![0]);
    await community.cases.act('上报街道', async (d) => {
      await d.getByRole('radio', { name: '日常' }).check();
      await d.getByLabel('请求事项').fill('楼道堆物需清理');
      await d.getByLabel('上报至（科室或部门）').fill(r.office);
    });
    await expect(community.cases.status).toHaveText('已上报街道');
  }
  const [one, two, three] = tracking as [string, string, string];

  // Monday after: the week's 报送包 from 统计报表 (the real JSON export).
  await moveClock(cpage, at('2026-11-24', '09:00'), true);
  await community.shell.go('统计报表');
  await expect(community.reports.heading).toBeVisible();
  await expect(cpage.getByRole('status').filter({ hasText: '上周：2026年第47周（11月16日—11月22日）' })).toBeVisible();
  const { download: pkg } = await community.reports.download('导出报送包（JSON）');
  const pkgPath = info.outputPath(pkg.suggestedFilename());
  await pkg.saveAs(pkgPath);

  // The street desk imports it.
  await page.setViewportSize(viewport);
  await page.clock.setFixedTime(at('2026-11-24', '10:00'));
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
  await tabTo(page, page.getByRole('button', { name: `记录报到 ${one}` }));
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

  await page.getByRole('button', { name: `记录反馈 ${one}` }).click();
  await dialog.getByLabel('处理反馈内容').fill('已安排人员清理，明日完成');
  await expectAccessible(page, '记录处理反馈');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: `记录报到 ${two}` }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: `记录反馈 ${two}` }).click();
  await dialog.getByLabel('处理反馈内容').fill('已清理完毕');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  // Records for the third too (the community will have closed it by the time the file arrives).
  await page.getByRole('button', { name: `记录报到 ${three}` }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const stats = page.getByRole('table', { name: '各部门报到情况与社区评价' });
  await expect(stats.getByRole('row', { name: /城管科/ })).toContainText('2');
  await expect(table.getByRole('row', { name: new RegExp(one) })).toContainText('已反馈');
  await expectAccessible(page, '吹哨事项（已记录）');
  await page.screenshot({ path: info.outputPath('street-whistle.png'), fullPage: true });

  // 导出反馈包: one file for the community, by keyboard.
  await tabTo(page, page.getByRole('button', { name: '导出桃花岭社区反馈包' }), { back: true });
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  await expect(page.getByRole('status').filter({ hasText: '已导出 桃花岭社区反馈包（3 项）' })).toBeVisible();
  const feedbackPath = info.outputPath(download.suggestedFilename());
  await download.saveAs(feedbackPath);
  const feedback = await readFile(feedbackPath, 'utf8');
  for (const r of RESIDENTS) expect(feedback).not.toContain(r.name);

  // The community closed the third case meanwhile: the street's answer taken by phone, verified.
  const { cases, shell } = community;
  await moveClock(cpage, at('2026-11-24', '10:30'));
  await shell.go('办件');
  await cases.openQueue('已上报街道');
  await cases.openCase(three);
  await cases.act('报到', (d) => d.getByLabel('报到单位（街道科室或部门）').fill('民政科'));
  await cases.act('处理反馈', (d) => d.getByLabel('处理反馈内容').fill('电话告知已处理'));
  const verify = await cases.start('核实结项');
  await verify.getByRole('radio', { name: '已解决' }).check();
  await verify.getByLabel('对部门处理的评价').selectOption('满意');
  await verify.getByLabel('办理结果').fill('已处理');
  await verify.getByRole('radio', { name: '电话' }).check();
  await verify.getByRole('button', { name: '确定核实结项' }).click();
  await expect(verify).toBeHidden();
  await expect(cases.status).toHaveText('已办结');

  // Then imports the 反馈包: 办件 → 导入街道反馈.
  await moveClock(cpage, at('2026-11-24', '11:00'));
  /** 办件 → 导入街道反馈 → 选择反馈包文件, by keyboard: Tab to each button, Enter. */
  const importFeedback = async () => {
    await shell.go('办件');
    await expect(cpage.getByRole('heading', { name: '办件', level: 1 })).toBeVisible();
    await tabTo(cpage, cpage.getByRole('button', { name: '导入街道反馈' }));
    await cpage.keyboard.press('Enter');
    const d = cpage.getByRole('dialog', { name: '导入街道反馈' });
    await tabTo(cpage, d.getByRole('button', { name: '选择反馈包文件' }));
    const choosing = cpage.waitForEvent('filechooser');
    await cpage.keyboard.press('Enter');
    await (await choosing).setFiles(feedbackPath);
    return d;
  };
  const outcome = (d: Awaited<ReturnType<typeof importFeedback>>, tn: string) =>
    d.getByRole('table', { name: '导入结果' }).getByRole('row', { name: new RegExp(tn) });
  let imported = await importFeedback();
  await expect(imported.getByRole('status')).toContainText(`（${STREET.name}）：共 3 项，导入 2 项，1 项未导入`);
  await expect(outcome(imported, one)).toContainText('已导入：报到、处理反馈 1 条');
  await expect(outcome(imported, two)).toContainText('已导入：报到、处理反馈 1 条');
  await expect(outcome(imported, three)).toContainText('未导入：该上报事项社区已核实结项，办件状态：已办结');
  await expectAccessible(cpage, '导入街道反馈（结果）');
  await cpage.screenshot({ path: info.outputPath('community-feedback-import.png') });

  // The two cases' timelines: the street's 报到 and 处理反馈, the street named.
  const streetSteps = () =>
    cpage
      .getByRole('table', { name: '办理过程' })
      .getByRole('row')
      .filter({ hasText: `街道反馈（${STREET.name}）` });
  await outcome(imported, one).getByRole('link', { name: one }).click();
  await expect(cpage.getByRole('heading', { name: new RegExp(`办件 ${one}`) })).toBeVisible();
  await expect(streetSteps()).toHaveCount(2);
  // The signed-in clerk's steps (时间, 操作, 状态, 经办人, 说明), the street named in the note.
  await expect(streetSteps().first().getByRole('cell')).toHaveText([
    /^2026-11-24 /,
    '报到',
    '已上报街道',
    ADMIN.name,
    `已报到：城管科（街道反馈（${STREET.name}））`,
  ]);
  await expect(streetSteps().last().getByRole('cell')).toHaveText([
    /^2026-11-24 /,
    '处理反馈',
    '已上报街道',
    ADMIN.name,
    `已记录处理反馈（街道反馈（${STREET.name}））`,
  ]);
  await expect(cpage.getByRole('region', { name: '上报街道' })).toContainText('报到：城管科（赵*长）');
  await shell.go('办件');
  await cases.openQueue('已上报街道');
  await cases.openCase(two);
  await expect(cpage.getByRole('heading', { name: new RegExp(`办件 ${two}`) })).toBeVisible();
  await expect(streetSteps()).toHaveCount(2);
  await expect(streetSteps().first()).toContainText('已报到：城管科');
  await expect(streetSteps().last()).toContainText('已记录处理反馈');

  // Importing the same file again applies nothing.
  imported = await importFeedback();
  await expect(imported.getByRole('status')).toContainText('共 3 项，导入 0 项，1 项未导入');
  await expect(outcome(imported, one)).toContainText('无新内容（已导入过）');
  await expect(outcome(imported, two)).toContainText('无新内容（已导入过）');
  await expect(outcome(imported, three)).toContainText('未导入');
  await context.close();
});
