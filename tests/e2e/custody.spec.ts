/**
 * 材料交接 on a proxy case, in Chromium with real IndexedDB: an elderly resident phones, the matter
 * is taken as 帮代办 → three originals collected at home (checked off the case's list) → one
 * handed to a colleague, two to the street office (the 材料交接单 printed lists them and the
 * people) → the 工作台 shows them out → closing is refused naming them → the street returns
 * them, the colleague hands his back → all returned to the resident (材料归还单) → 办结 works.
 */
import { mkdir } from 'node:fs/promises';
import { expect, test, ADMIN } from './pages';
import { expectAccessible } from './support/a11y';
import { capturePrints, printedDocuments } from './support/printCapture';

const SHOTS = 'test-results/screens';
const RESIDENT = { name: '刘桂英', idNumber: '430104194003071226', phone: '13875001234' };
const DOCS = ['居民身份证', '户口簿（户主页及本人页）', '本人名下银行卡或存折'];
const printed = printedDocuments;

test.beforeEach(async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await capturePrints(page);
});

test('three originals out and back home; closing waits for them; each sheet names the right items and people', async ({
  page,
  desk,
}) => {
  await desk.setup.complete();
  await desk.settings.addClerk('李明', '864209');
  const { intake } = desk;
  await intake.open();
  await page.getByRole('radio', { name: '来电' }).check();
  await intake.registerResident(RESIDENT);
  await intake.pickMatter(1, 'gljt', '高龄津贴申请');
  await intake.matter(1).getByRole('radio', { name: '帮代办' }).check();
  await intake.save();
  await page.getByRole('link', { name: '查看办件' }).click();
  const panel = page.getByRole('region', { name: '材料交接' });
  await expect(panel).toContainText('尚未收取居民的材料');

  // The 委托书 for the two going: the ID left blank, then in full after a reveal that is logged.
  for (const full of [false, true]) {
    await panel.getByRole('button', { name: '打印委托书' }).click();
    const mandate = page.getByRole('dialog', { name: '打印委托书' });
    await mandate.getByLabel('同去工作人员').selectOption({ label: '李明' });
    if (full) await mandate.getByRole('checkbox', { name: /打印完整身份证号/ }).check();
    await mandate.getByRole('button', { name: '打印' }).click();
    await expect(mandate).toHaveCount(0);
  }
  await expect.poll(async () => (await printed(page)).length).toBe(2);
  const [blankMandate, fullMandate] = await printed(page);
  for (const m of [blankMandate!, fullMandate!]) {
    expect(m).toContain('受托人：王秀英、李明');
    expect(m).toContain('不收费、不拖延、不泄露信息');
    expect(m).toContain(RESIDENT.name);
  }
  expect(blankMandate).not.toContain(RESIDENT.idNumber);
  expect(blankMandate).toContain('aria-label="待填写"');
  expect(fullMandate).toContain(RESIDENT.idNumber);
  const mandateSheet = await page.context().newPage();
  await mandateSheet.setContent(blankMandate!);
  await mandateSheet.screenshot({ path: `${SHOTS}/custody-mandate.png`, fullPage: true });
  await mandateSheet.close();

  // Three originals collected at the home.
  for (const doc of DOCS) {
    await panel.getByRole('button', { name: '收取材料' }).click();
    const dialog = page.getByRole('dialog', { name: '收取材料' });
    await dialog.getByLabel('材料名称').fill(doc);
    await dialog.getByRole('button', { name: '登记收取' }).click();
    await expect(dialog).toHaveCount(0);
  }
  const table = panel.getByRole('table', { name: '材料及保管人' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('table', { name: '办件信息' })).toContainText(
    `已收材料${DOCS.join('、')}缺件高龄津贴申请表`,
  );

  // One to the colleague, two to the street office.
  await panel.getByRole('button', { name: '移交' }).click();
  let dialog = page.getByRole('dialog', { name: '移交' });
  await dialog.getByRole('checkbox', { name: new RegExp(DOCS[1]!.slice(0, 3)) }).uncheck();
  await dialog.getByRole('checkbox', { name: new RegExp(DOCS[2]!.slice(0, 4)) }).uncheck();
  await dialog.getByLabel('接收人').selectOption({ label: '李明' });
  await dialog.getByRole('button', { name: '移交' }).click();
  await expect(dialog).toHaveCount(0);
  await panel.getByRole('button', { name: '打印材料交接单' }).click();
  await panel.getByRole('button', { name: '移交' }).click();
  dialog = page.getByRole('dialog', { name: '移交' });
  await dialog.getByLabel('交给').selectOption({ label: '街道' });
  await dialog.getByLabel('接收单位').fill('岳麓街道政务服务中心');
  await dialog.getByRole('button', { name: '移交' }).click();
  await expect(dialog).toHaveCount(0);
  await panel.getByRole('button', { name: '打印材料交接单' }).click();
  await expect.poll(async () => (await printed(page)).length).toBe(4);
  const [toColleague, toStreet] = (await printed(page)).slice(2);
  expect(toColleague).toContain(DOCS[0]);
  expect(toColleague).not.toContain(DOCS[1]);
  expect(toColleague).toMatch(/交出<\/dt><dd>王秀英[\s\S]*接收<\/dt><dd>李明/);
  expect(toStreet).toContain(DOCS[1]);
  expect(toStreet).toContain(DOCS[2]);
  expect(toStreet).toContain('接收</dt><dd>岳麓街道政务服务中心');
  expect(toStreet).toContain('刘*英');
  expect(toStreet).not.toContain(RESIDENT.idNumber);
  await expect(table).toContainText('李明');
  await expect(table).toContainText('岳麓街道政务服务中心');
  await expectAccessible(page, '办件 · 材料交接');
  await mkdir(SHOTS, { recursive: true });
  await panel.screenshot({ path: `${SHOTS}/custody-panel.png` });
  const sheet = await page.context().newPage();
  await sheet.setContent(toStreet!);
  await sheet.screenshot({ path: `${SHOTS}/custody-handover-sheet.png`, fullPage: true });
  await sheet.close();

  // Closing is refused naming the originals out.
  const caseUrl = page.url();
  await page.getByRole('button', { name: '开始办理' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '开始办理' }).click();
  await page.getByRole('button', { name: '办结' }).click();
  const close = page.getByRole('dialog');
  await close.getByLabel('办理结果').fill('已提交街道审核');
  await close.getByRole('radio', { name: '上门' }).check();
  await close.getByRole('button', { name: '办结' }).click();
  await expect(close.getByRole('alert')).toContainText('以下原件尚未归还居民（或登记留存、遗失）：');
  for (const doc of DOCS) await expect(close.getByRole('alert')).toContainText(doc);
  await close.getByRole('button', { name: '取消' }).click();

  // The 工作台 shows the three out, and 帮代办 lists them with who holds them.
  await desk.shell.go('工作台');
  await expect(page.getByRole('main').getByLabel('居民材料在外')).toHaveText('3');
  await desk.shell.go('帮代办');
  const out = page.getByRole('table', { name: '材料在外' });
  await expect(out.getByRole('row')).toHaveCount(4);
  await expect(out).toContainText('岳麓街道政务服务中心');
  await expect(out).toContainText('李明');
  await expectAccessible(page, '帮代办 · 材料在外');
  await page.screenshot({ path: `${SHOTS}/proxy-documents-out.png` });

  // The street returns its two to the admin; the colleague signs in and hands his back home.
  await page.goto(caseUrl);
  await panel.getByRole('button', { name: '取回' }).click();
  await page.getByRole('dialog', { name: '取回' }).getByRole('button', { name: '取回' }).click();
  await panel.getByRole('button', { name: '归还居民' }).click();
  await page.getByRole('dialog', { name: '归还居民' }).getByRole('button', { name: '归还居民' }).click();
  await panel.getByRole('button', { name: '打印材料归还单' }).click();
  await desk.shell.switchUser('李明', '864209', '值班员');
  await page.goto(caseUrl);
  await panel.getByRole('button', { name: '归还居民' }).click();
  await page.getByRole('dialog', { name: '归还居民' }).getByRole('button', { name: '归还居民' }).click();
  await expect(table).not.toContainText('在外');
  const returned = (await printed(page)).at(-1) ?? '';
  expect(returned).toContain('材料归还单');

  // Now it closes.
  await desk.shell.switchUser(ADMIN.name, ADMIN.pin, '站长/管理员');
  await page.goto(caseUrl);
  await page.getByRole('button', { name: '办结' }).click();
  await page.getByRole('dialog').getByLabel('办理结果').fill('高龄津贴已核发');
  await page.getByRole('dialog').getByRole('radio', { name: '上门' }).check();
  await page.getByRole('dialog').getByRole('button', { name: '办结' }).click();
  await expect(page.getByLabel('办件状态')).toHaveText('已办结');

  // The resident's page keeps the custody history.
  await desk.shell.go('居民');
  await desk.residents.openRecent(RESIDENT.name);
  const history = page.getByRole('table', { name: '居民的材料交接记录' });
  await expect(history.getByRole('row')).toHaveCount(4);
  await expect(history.getByRole('row').filter({ hasText: '已归还' })).toHaveCount(3);
});
