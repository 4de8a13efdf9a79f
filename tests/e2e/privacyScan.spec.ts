/**
 * Issue 16's acceptance in Chromium with 1,000 generated residents (the bench generator's
 * `thousand` desk loaded into the real IndexedDB), signed in as a 值班员: every section, its
 * tabs and lists, the searches, a case page, its receipts and their previews, the printouts
 * (台账, 委托书, 重点服务对象名单, 会议议程/纪要, 周报) and the downloads (台账 Excel, the report's
 * Excel, CSV and JSON) are scanned for the exact seeded 18-character ID numbers and 11-digit
 * mobiles: page text, markup, field values, every frame and everything sent to print. Then
 * 查看完整 with a reason shows one (and is logged); after the idle minutes the page holds no
 * resident's name, ID or phone; another staff member's PIN takes the desk (logged); a
 * deactivated or locked-out account cannot unlock.
 */
import JSZip from 'jszip';
import type { Locator, Page } from '@playwright/test';
import { expect, test, desk as deskOf, type Desk } from './pages';
import { ReportsPage } from './pages/ReportsPage';
import { capturePrints, printedDocuments } from './support/printCapture';
import { pageSurface, secretFinder } from './support/secretScan';
import { readFile } from 'node:fs/promises';
import { auditRows } from './support/auditLog';

const BENCH_PIN = '246810'; // bench/data/load.ts
const CLERK = { name: '值班员3号', role: '值班员' };
const TAKER = { name: '值班员4号', role: '值班员' };
const LOCKED_OUT = { name: '值班员6号', role: '值班员' };
const STAFF_NAMES = ['王秀英', ...Array.from({ length: 11 }, (_, i) => `值班员${i + 1}号`)];

type Raw = Awaited<ReturnType<typeof ReportsPage.seedGeneratedDesk>>;

/** Every entry of an xlsx (a zip of XML) as one text. */
async function xlsxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')));
  return parts.join('\n');
}

class Scan {
  readonly leaks: Record<string, string[]> = {};
  readonly scanned: string[] = [];
  private readonly find: (t: string) => string[];
  constructor(
    private readonly page: Page,
    secrets: string[],
    private readonly names: string[],
  ) {
    this.find = secretFinder(secrets);
  }

  /** Some seeded resident's name in the page text: the screen shows real data, not an empty list. */
  async showsResidents(): Promise<void> {
    await expect
      .poll(
        async () => {
          const text = await this.page.evaluate(() => document.body.innerText);
          return this.names.some((n) => text.includes(n));
        },
        { message: 'a seeded resident is on screen' },
      )
      .toBe(true);
  }

  /** Checks the page as it is now (and what was printed so far); `withResidents` waits for data first. */
  async page_(where: string, withResidents = false): Promise<void> {
    if (withResidents) await this.showsResidents();
    const surface = await pageSurface(this.page);
    for (const [part, text] of Object.entries(surface)) this.text(`${where} · ${part}`, text, false);
    this.scanned.push(where);
  }

  /** Checks a downloaded or printed text. */
  text(where: string, text: string, record = true): void {
    const found = this.find(text);
    if (found.length) this.leaks[where] = found.map((s) => `${s.slice(0, 3)}…（${s.length} 位）`);
    if (record) this.scanned.push(where);
  }
}

/** Clicks each tab of a tablist in turn and scans what it shows. */
async function scanTabs(page: Page, scan: Scan, tablist: string, where: string) {
  const tabs = page.getByRole('tablist', { name: tablist }).getByRole('tab');
  const n = await tabs.count();
  expect(n, `${tablist} has tabs`).toBeGreaterThan(1);
  for (let i = 0; i < n; i++) {
    const tab = tabs.nth(i);
    const name = (await tab.textContent()) ?? String(i);
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await scan.page_(`${where} · ${name}`);
  }
}

/** Clicks a print button and waits until its document reached the print frame. */
async function printWith(page: Page, button: Locator) {
  const before = (await printedDocuments(page)).length;
  await button.click();
  await expect.poll(async () => (await printedDocuments(page)).length).toBeGreaterThan(before);
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const waiting = page.waitForEvent('download');
  await click();
  const d = await waiting;
  return { name: d.suggestedFilename(), bytes: await readFile((await d.path())!) };
}

let raw: Raw;
// A missing control fails within seconds, not at the test's timeout (the desk would lock meanwhile).
test.use({ actionTimeout: 15_000, onDisk: true });

test('as a 值班员 on a 1,000-resident desk no full ID number or mobile is anywhere; reveal, lock, switch', async ({
  page,
  context,
  desk,
}) => {
  test.setTimeout(480_000);
  await page.clock.install({ time: new Date('2026-11-24T09:30:00+08:00') });
  await capturePrints(page);
  raw = await ReportsPage.seedGeneratedDesk(page, 'thousand');
  expect(raw.residents).toHaveLength(1000);
  const secrets = raw.residents
    .flatMap((r) => [r.idNumber, r.phone, r.contactPhone])
    .filter((s): s is string => !!s && s.length >= 11);
  expect(secrets.filter((s) => s.length === 18).length).toBeGreaterThan(900);
  expect(secrets.filter((s) => /^1\d{10}$/.test(s)).length).toBeGreaterThan(900);
  const names = [...new Set(raw.residents.map((r) => r.name))].filter((n) => !STAFF_NAMES.includes(n));
  const scan = new Scan(page, secrets, names);

  // The resident of an open case, with an ID number and a mobile, and a name no one else has.
  const byName = new Map<string, number>();
  for (const r of raw.residents) byName.set(r.name, (byName.get(r.name) ?? 0) + 1);
  const openCase = raw.cases.find((c) => {
    const r = raw.residents.find((x) => x.id === c.residentId);
    return c.status === '办理中' && r?.idNumber && r.phone && byName.get(r.name) === 1;
  })!;
  const zhang = raw.residents.find((r) => r.id === openCase.residentId)!;

  await page.goto('./');
  await desk.signIn.signIn(CLERK.name, BENCH_PIN, CLERK.role);
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
  await scan.page_('工作台');

  await scanResidents(page, desk, scan, zhang);
  await scanIntake(page, desk, scan, zhang);
  await scanCases(page, desk, scan, openCase.trackingNumber, zhang);
  await scanProxy(page, desk, scan);
  await scanMeetings(page, desk, scan);
  await scanReports(page, desk, scan);
  await scanDuty(page, desk, scan);
  await desk.shell.go('设置');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await scan.page_('设置');

  expect(scan.leaks, `screens scanned: ${scan.scanned.join('；')}`).toEqual({});
  expect(scan.scanned.length).toBeGreaterThan(40);
  test.info().annotations.push({ type: 'scanned', description: `${scan.scanned.length}: ${scan.scanned.join('；')}` });

  // 查看完整 with a reason shows the full number, and the log has it (without the number).
  await desk.shell.go('居民');
  await page.getByLabel('查找居民').fill(zhang.name);
  await page.getByRole('list', { name: '查找结果' }).getByText(zhang.name).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(zhang.name);
  await page.getByRole('button', { name: '查看完整身份证号' }).click();
  await desk.residents.giveRevealReason('核对身份办理业务');
  await expect(desk.residents.field('身份证号')).toContainText(zhang.idNumber!);
  // The scan sees a full number when one is there (it can fail).
  expect(secretFinder(secrets)(Object.values(await pageSurface(page)).join('\n'))).toContain(zhang.idNumber);
  const reveals = await auditRows(page, ['resident.reveal']);
  expect(reveals.at(-1)).toMatchObject({ entityId: zhang.id, detail: 'idNumber；原因：核对身份办理业务' });
  expect(JSON.stringify(reveals)).not.toContain(zhang.idNumber!);

  // Idle past the 5 minutes: the lock covers the desk and the page holds no name, ID or phone.
  await page.clock.fastForward('05:01');
  await expect(desk.lockScreen.form).toBeVisible();
  // (What the test itself kept of earlier printouts is not the page's.)
  const { printed: _kept, ...locked } = await pageSurface(page);
  const lockedAll = Object.values(locked).join('\n');
  expect(secretFinder(secrets)(lockedAll)).toEqual([]);
  expect(names.filter((n) => lockedAll.includes(n))).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/privacy-lock-1000.png' });

  // Another staff member's PIN takes the desk over, on the 工作台; the switch is logged.
  await desk.lockScreen.unlock(BENCH_PIN, TAKER);
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
  await expect(desk.shell.currentStaff).toHaveText(`${TAKER.name}（${TAKER.role}）`);
  const [sw] = (await auditRows(page, ['session.switch'])).slice(-1);
  expect(sw).toMatchObject({ action: 'session.switch', staffId: 'staff-4', detail: 'from staff-3' });

  // Meanwhile the admin deactivates 值班员4号 in another window: their PIN no longer opens the desk.
  const other = await context.newPage();
  const admin = deskOf(other);
  await other.goto('./');
  await admin.signIn.signIn('王秀英', BENCH_PIN);
  await admin.shell.go('设置');
  await admin.settings.tab('工作人员');
  await other
    .getByRole('row', { name: new RegExp(TAKER.name) })
    .getByRole('button', { name: '停用' })
    .click();
  await expect(other.getByRole('row', { name: new RegExp(TAKER.name) })).toContainText('已停用');
  await other.close();
  await desk.shell.lock();
  await expect(desk.lockScreen.lockedStaff).toContainText(TAKER.name);
  await desk.lockScreen.unlock(BENCH_PIN);
  await expect(page.getByRole('alert')).toHaveText('该账号不存在或已停用');
  await expect(desk.lockScreen.form).toBeVisible();
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toHaveCount(0);

  // Five wrong PINs lock an account out: then even its right PIN does not open the desk.
  for (let i = 1; i <= 5; i++) {
    await desk.lockScreen.unlock('135799', LOCKED_OUT);
    await expect(page.getByRole('alert')).toContainText(i < 5 ? `还可再试 ${5 - i} 次` : '账号已临时锁定');
  }
  await desk.lockScreen.unlock(BENCH_PIN, LOCKED_OUT);
  await expect(page.getByRole('alert')).toContainText('账号已临时锁定');
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toHaveCount(0);
  expect((await auditRows(page, ['session.unlock', 'session.switch'])).filter((r) => r.staffId === 'staff-6')).toEqual(
    [],
  );
});

type R = Raw['residents'][number];

async function scanResidents(page: Page, desk: Desk, scan: Scan, zhang: R) {
  await desk.shell.go('居民');
  await expect(page.getByRole('heading', { name: '居民', level: 1 })).toBeVisible();
  await scan.page_('居民 · 最近登记', true);
  const search = page.getByLabel('查找居民');
  const results = page.getByRole('list', { name: '查找结果' });
  const queries: [string, string][] = [
    ['姓名', zhang.name],
    ['电话后四位', zhang.phone!.slice(-4)],
    ['身份证后六位', zhang.idNumber!.slice(-6)],
  ];
  for (const [kind, q] of queries) {
    await search.fill(q);
    await expect(results).toContainText(zhang.name);
    await scan.page_(`居民 · 查找（${kind}）`);
  }
  // A full number typed in: the results are masked; once one is picked the box no longer holds it.
  for (const [kind, q] of [
    ['完整手机号', zhang.phone!],
    ['完整身份证号', zhang.idNumber!],
  ] as const) {
    await desk.shell.go('居民');
    await search.fill(q);
    await expect(results).toContainText(zhang.name);
    const shown = await results.innerText();
    scan.text(`居民 · 查找结果（${kind}）`, shown);
    await search.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(zhang.name);
    await scan.page_(`居民 · 选中后（${kind}）`);
  }
  // The resident's page and the edit form.
  await scan.page_('居民 · 居民页面');
  await page.getByRole('button', { name: '修改居民信息' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await scan.page_('居民 · 修改居民信息');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toHaveCount(0);
}

async function scanIntake(page: Page, desk: Desk, scan: Scan, zhang: R) {
  await desk.intake.open();
  await scan.page_('来访登记');
  await desk.intake.search.fill(zhang.name);
  await page.keyboard.press('Enter');
  await expect(desk.intake.selectedResident).toContainText(zhang.name);
  await scan.page_('来访登记 · 选中居民');
  // A 咨询 with the resident's mobile typed into the free text: listed masked. The matter list opens
  // by itself on a returning resident's recent matters (issue 25 item 21); the clerk leaves it first.
  await page.getByRole('radio', { name: '咨询（当场答复）' }).focus();
  await page.getByRole('radio', { name: '咨询（当场答复）' }).check();
  await page.getByLabel('诉求内容').fill(`咨询高龄津贴政策，请回电 ${zhang.phone}`);
  await desk.intake.save();
  await expect(desk.intake.result).toBeVisible();
  await scan.page_('来访登记 · 登记结果');
  const register = await desk.intake.openRegister();
  await expect(register).toBeVisible();
  await scan.page_('今日来访台账', true);
  await printWith(page, page.getByRole('button', { name: '打印台账' }));
  const xlsx = await downloadText(page, () => page.getByRole('button', { name: '导出 Excel' }).click());
  scan.text(`今日来访台账 · ${xlsx.name}`, await xlsxText(xlsx.bytes));
  await scan.page_('今日来访台账 · 打印后');
}

async function scanCases(page: Page, desk: Desk, scan: Scan, trackingNumber: string, zhang: R) {
  await desk.shell.go('办件');
  await expect(page.getByRole('heading', { name: '办件', level: 1 })).toBeVisible();
  await scanTabs(page, scan, '办件队列', '办件');
  await page.getByLabel('查找办件').fill(trackingNumber);
  await desk.cases.openCase(trackingNumber);
  await expect(desk.cases.status).toBeVisible();
  await scan.page_('办件 · 办件页面', true);
  // A note with the numbers typed the way people say them: the timeline lists it masked.
  const p = zhang.phone!;
  const note = page.getByRole('form', { name: '添加备注' });
  await note
    .getByLabel('备注')
    .fill(`居民来电 ${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}，证号 ${zhang.idNumber}`);
  await note.getByRole('button', { name: '添加备注' }).click();
  await expect(page.getByRole('main')).toContainText(`居民来电 ${p.slice(0, 3)}****${p.slice(7)}`);
  await scan.page_('办件 · 备注之后');
  const prints = page.getByRole('button', { name: /^打印.*(回执|告知)/ });
  const n = await prints.count();
  expect(n, 'the case has receipts').toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await printWith(page, prints.nth(i));
  const previews = page.getByRole('button', { name: /^预览/ });
  for (let i = 0; i < (await previews.count()); i++) {
    await previews.nth(i).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.locator('iframe')).toBeVisible();
    await scan.page_(`办件 · 回执预览 ${i + 1}`);
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect(dialog).toHaveCount(0);
  }
  await scan.page_('办件 · 回执已打印');
}

async function scanProxy(page: Page, desk: Desk, scan: Scan) {
  await desk.proxy.open();
  await scanTabs(page, scan, '代办队列', '帮代办');
  await scanTabs(page, scan, '帮代办视图', '帮代办');
  // 重点服务对象 is the last view: its printable list.
  await printWith(page, page.getByRole('button', { name: '打印名单' }));
  await scan.page_('重点服务对象 · 打印名单');
  // A request under way: its case page, 委托书 printed without the full ID.
  await desk.proxy.view('代办队列');
  await desk.proxy.queue('办理中');
  const link = page
    .getByRole('table')
    .getByRole('link', { name: /^THL-\d{8}-\d{6}$/ })
    .first();
  await link.click();
  await expect(desk.cases.status).toBeVisible();
  await scan.page_('帮代办 · 办件页面', true);
  await page.getByRole('button', { name: '打印委托书' }).first().click();
  const dialog = page.getByRole('dialog', { name: '打印委托书' });
  await expect(dialog).toBeVisible();
  await scan.page_('帮代办 · 打印委托书对话框');
  await printWith(page, dialog.getByRole('button', { name: '打印', exact: true }));
  await scan.page_('帮代办 · 委托书已打印');
}

async function scanMeetings(page: Page, desk: Desk, scan: Scan) {
  await desk.meetings.open();
  await desk.meetings.view('问题库');
  await scan.page_('联席会议 · 问题库');
  await desk.meetings.view('会议');
  const list = page.getByRole('table', { name: '会议列表' });
  await expect(list).toBeVisible();
  await scan.page_('联席会议 · 会议列表');
  // The last meeting held: its agenda, decisions and minutes.
  await list.getByRole('row').filter({ hasText: '已召开' }).first().getByRole('link').first().click();
  await expect(desk.meetings.agenda).toBeVisible();
  await scan.page_('联席会议 · 会议');
  for (const name of ['打印会议议程', '打印会议纪要']) {
    await printWith(page, page.getByRole('button', { name }));
  }
  await scan.page_('联席会议 · 议程纪要已打印');
}

async function scanReports(page: Page, desk: Desk, scan: Scan) {
  await desk.shell.go('统计报表');
  await expect(desk.reports.heading).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '2026年第47周' })).toBeVisible();
  await scan.page_('统计报表');
  const xlsx = await desk.reports.download('导出 Excel');
  scan.text('统计报表 · Excel', await xlsxText(xlsx.bytes));
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const items = page.getByRole('menuitem');
  const csvNames = await items.allTextContents();
  await page.keyboard.press('Escape');
  expect(csvNames.length).toBeGreaterThan(0);
  for (const item of csvNames) {
    const csv = await desk.reports.download('导出 CSV', item);
    scan.text(`统计报表 · ${item}`, csv.bytes.toString('utf8'));
  }
  const json = await desk.reports.download('导出报送包（JSON）');
  scan.text('统计报表 · 报送包', json.bytes.toString('utf8'));
  await printWith(page, page.getByRole('button', { name: '打印周报' }));
  await scan.page_('统计报表 · 周报已打印');
}

/** 值班 (issue 26): each view, its dialogs and every sheet it prints (the rota, the 走访 list, a hand-over note, the month table). */
async function scanDuty(page: Page, desk: Desk, scan: Scan) {
  await desk.shell.go('值班');
  await expect(page.getByRole('heading', { name: '值班', level: 1 })).toBeVisible();
  const tab = async (name: string) => {
    await page.getByRole('tablist', { name: '值班视图' }).getByRole('tab', { name }).click();
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  };
  await expect(page.getByRole('table', { name: '本周值班表' })).toBeVisible();
  await scan.page_('值班 · 值班表');
  await printWith(page, page.getByRole('button', { name: '打印值班表' }));
  await page.getByRole('button', { name: '申请换班' }).click();
  const swap = page.getByRole('dialog', { name: '申请换班' });
  await scan.page_('值班 · 申请换班');
  await swap.getByRole('button', { name: '取消' }).click();

  await tab('走访记录');
  const entries = page.getByRole('table', { name: '最近走访记录' });
  await expect(entries).toBeVisible();
  await scan.page_('值班 · 走访记录');
  await printWith(page, page.getByRole('button', { name: '打印本月走访记录' }));
  await entries.getByRole('button', { name: /^更正/ }).first().click();
  const fix = page.getByRole('dialog', { name: '更正走访记录' });
  await scan.page_('值班 · 更正走访记录');
  await fix.getByRole('button', { name: '取消' }).click();

  await tab('交接班');
  await page.getByLabel('交班日期').fill('2026-11-23');
  const print = page.getByRole('button', { name: /^打印 .+ 的交接班记录$/ }).first();
  await expect(print).toBeVisible();
  await scan.page_('值班 · 交接班');
  await printWith(page, print);

  await tab('错时服务');
  await expect(page.getByRole('table', { name: /^错时服务记录/ })).toBeVisible();
  await scan.page_('值班 · 错时服务');
  await printWith(page, page.getByRole('button', { name: '打印月表' }));
  await scan.page_('值班 · 四张值班打印件已打印');
}
