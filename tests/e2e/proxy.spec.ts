/**
 * 帮代办 end to end, in Chromium with real IndexedDB: an 85-year-old resident living alone phones
 * → the request waits 待确认, then is accepted as 高龄津贴申请 → a home visit is booked for two
 * staff (one alone is refused without a reason) → the 委托书 names both with their 工号 → three
 * originals collected at home (checked off the case's list; the visit marked made) → one handed
 * to a colleague, two to the street office (each 材料交接单 lists the right items and people) →
 * the 工作台 shows them out → closing is refused naming them → the street returns them, the
 * colleague hands his back → all returned to the resident (材料归还单) → closing waits for 送达 →
 * 送达 → 办结; the signed 委托书's return is recorded; the resident's page keeps the history.
 */
import { mkdir } from 'node:fs/promises';
import { expect, test, ADMIN } from './pages';
import { expectAccessible } from './support/a11y';
import { capturePrints, printedDocuments } from './support/printCapture';

const SHOTS = 'test-results/screens';
// Born 1941: 85 on the day of the test.
const RESIDENT = { name: '刘桂英', idNumber: '430104194103071223', phone: '13875001234' };
const DOCS = ['居民身份证', '户口簿（户主页及本人页）', '本人名下银行卡或存折'];
const printed = printedDocuments;

test.beforeEach(async ({ page }) => {
  // The journey took 99 s on a loaded machine: more than half of the 180 s it had.
  test.setTimeout(300_000);
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await capturePrints(page);
});

test('a phoned request booked for two, three originals out and back home, 送达, then closed', async ({
  page,
  desk,
}) => {
  await desk.setup.complete();
  await desk.settings.addClerk('李明', '864209');
  await desk.settings.setStaffNo(ADMIN.name, 'THL-001');
  await desk.settings.setStaffNo('李明', 'THL-002');
  await expect(page.getByRole('table', { name: '工作人员' })).toContainText('THL-002');
  // The resident is on file: 85, living alone.
  const { proxy } = desk;
  await desk.shell.go('居民');
  await desk.residents.register(RESIDENT, ['独居老人', '高龄']);

  // She phones: the request is taken before the matter is known, then accepted.
  await proxy.open();
  await proxy.registerRequest(RESIDENT.name, '老人独居，腿脚不便，想申请高龄津贴');
  await proxy.queue('待确认');
  await expect(proxy.rows('待确认')).toHaveCount(2);
  await expect(proxy.rows('待确认').nth(1)).toContainText('未确认事项');
  await expectAccessible(page, '帮代办 · 代办队列');
  await proxy.accept(RESIDENT.name, 'gljt', '高龄津贴申请');
  await expect(page.getByRole('tab', { name: '待确认（0）' })).toBeVisible();
  await proxy.queue('待上门');
  await expect(proxy.rows('待上门').nth(1)).toContainText('高龄津贴申请');
  await expect(proxy.rows('待上门').nth(1)).toContainText('未预约');

  // The home visit: one alone is refused without a reason; booked for two this morning.
  await page.getByRole('button', { name: `预约上门：${RESIDENT.name}` }).click();
  const booking = page.getByRole('dialog', { name: '预约上门' });
  await booking.getByRole('button', { name: '确定预约上门' }).click();
  await expect(booking.getByLabel('一人上门的原因')).toHaveAccessibleDescription(
    '上门应有两名工作人员；一人上门请填写原因',
  );
  await booking.getByRole('checkbox', { name: '李明' }).check();
  await expectAccessible(page, '帮代办 · 预约上门');
  await booking.getByRole('button', { name: '确定预约上门' }).click();
  await expect(booking).toHaveCount(0);
  await expect(proxy.rows('待上门').nth(1)).toContainText('2026-11-24 上午，王秀英、李明');
  await expect(page.getByLabel('今日上门安排')).toHaveText('今日上门：王秀英 1 户，李明 1 户');
  await proxy.queue('今日上门');
  await expect(proxy.rows('今日上门')).toHaveCount(2);
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/proxy-queues.png` });
  await proxy.rows('今日上门').nth(1).getByRole('link', { name: /^THL-/ }).click();
  const progress = page.getByRole('region', { name: '代办进度' });
  await expect(progress).toContainText('代办进度：待上门');
  const panel = page.getByRole('region', { name: '材料交接' });
  await expect(panel).toContainText('尚未收取居民的材料');

  // The 委托书 for the two booked, with their 工号: the ID left blank, then in full after a logged reveal.
  for (const full of [false, true]) {
    await panel.getByRole('button', { name: '打印委托书' }).click();
    const mandate = page.getByRole('dialog', { name: '打印委托书' });
    await expect(mandate).toContainText('受托人（预约上门的工作人员）：王秀英、李明');
    if (full) await mandate.getByRole('checkbox', { name: /打印完整身份证号/ }).check();
    await mandate.getByRole('button', { name: '打印' }).click();
    await expect(mandate).toHaveCount(0);
  }
  await expect.poll(async () => (await printed(page)).length).toBe(2);
  const [blankMandate, fullMandate] = await printed(page);
  for (const m of [blankMandate!, fullMandate!]) {
    expect(m).toContain('王秀英（工号：THL-001）');
    expect(m).toContain('李明（工号：THL-002）');
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
  // Collected at the door: the visit is made, the target 2 working days on, beside the deadline.
  await expect(progress).toContainText('代办进度：办理中');
  await expect(progress).toContainText('代办目标 2026-11-26；办结时限');

  // One to the colleague, two to the street office.
  await panel.getByRole('button', { name: '移交' }).click();
  let dialog = page.getByRole('dialog', { name: '移交' });
  await dialog.getByRole('checkbox', { name: new RegExp(DOCS[1]!.slice(0, 3)) }).uncheck();
  await dialog.getByRole('checkbox', { name: new RegExp(DOCS[2]!.slice(0, 4)) }).uncheck();
  await dialog.getByLabel('接收人').selectOption({ label: '李明' });
  await dialog.getByRole('button', { name: '移交' }).click();
  await expect(dialog).toHaveCount(0);
  // Printed 4 minutes later: the sheet keeps the hand-over's stored time, the footer the print's.
  // (Under the desk's 5 idle minutes: a longer jump locks the screen at the next second's check.)
  await page.clock.setFixedTime(new Date('2026-11-24T09:34:00+08:00'));
  await panel.getByRole('button', { name: '打印材料交接单' }).click();
  await expect.poll(async () => (await printed(page)).length).toBe(3);
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
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
  expect(toColleague).toContain('时间</dt><dd>2026-11-24 09:30</dd>');
  expect(toColleague).toContain('2026-11-24 09:34');
  expect(toStreet).toContain(DOCS[1]);
  expect(toStreet).toContain(DOCS[2]);
  expect(toStreet).toContain('接收</dt><dd>岳麓街道政务服务中心');
  expect(toStreet).toContain('刘*英');
  expect(toStreet).not.toContain(RESIDENT.idNumber);
  await expect(table).toContainText('李明');
  await expect(table).toContainText('岳麓街道政务服务中心');
  await expectAccessible(page, '办件 · 材料交接');
  await panel.screenshot({ path: `${SHOTS}/custody-panel.png` });
  const sheet = await page.context().newPage();
  await sheet.setContent(toStreet!);
  await sheet.screenshot({ path: `${SHOTS}/custody-handover-sheet.png`, fullPage: true });
  await sheet.close();

  // Closing is refused naming the originals out.
  const caseUrl = page.url();
  await page.getByRole('button', { name: '开始办理' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '开始办理' }).click();
  await page.getByRole('button', { name: '办结', exact: true }).click();
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
  await expect(page.getByRole('main').getByLabel('今日上门')).toHaveText('0');
  await desk.shell.go('帮代办');
  await proxy.view(/^材料在外/);
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

  // All home; closing still waits for the result to reach her (送达).
  await desk.shell.switchUser(ADMIN.name, ADMIN.pin, '站长/管理员');
  await page.goto(caseUrl);
  const closeCase = async () => {
    await page.getByRole('button', { name: '办结', exact: true }).click();
    await page.getByRole('dialog').getByLabel('办理结果').fill('高龄津贴已核发');
    await page.getByRole('dialog').getByRole('radio', { name: '上门' }).check();
    await page.getByRole('dialog').getByRole('button', { name: '办结' }).click();
  };
  await closeCase();
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText(
    '帮代办的办件须先登记送达（结果交到居民手中）再办结',
  );
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await progress.getByRole('button', { name: /^登记办理完毕/ }).click();
  await page.getByRole('dialog', { name: '登记办理完毕' }).getByRole('button', { name: '确定办理完毕' }).click();
  await progress.getByRole('button', { name: /^登记送达/ }).click();
  const delivery = page.getByRole('dialog', { name: '登记送达' });
  await delivery.getByLabel('送达人').selectOption({ label: '李明' });
  await expectAccessible(page, '办件 · 登记送达');
  await delivery.getByRole('button', { name: '确定送达' }).click();
  await expect(delivery).toHaveCount(0);
  await expect(progress).toContainText('上门送达，2026-11-24 09:30，李明');
  await progress.getByRole('button', { name: /^登记委托书收回/ }).click();
  const back = page.getByRole('dialog', { name: '登记委托书收回' });
  await back.getByLabel('存放位置').fill('档案柜 2 号');
  await back.getByRole('button', { name: '确定委托书收回' }).click();
  await expect(progress).toContainText('2026-11-24 收回，存放：档案柜 2 号');
  await closeCase();
  await expect(page.getByLabel('办件状态')).toHaveText('已办结');
  await expect(progress).toContainText('代办进度：已送达');

  // The resident's page keeps the custody history.
  await desk.shell.go('居民');
  await desk.residents.openRecent(RESIDENT.name);
  const history = page.getByRole('table', { name: '居民的材料交接记录' });
  await expect(history.getByRole('row')).toHaveCount(4);
  await expect(history.getByRole('row').filter({ hasText: '已归还' })).toHaveCount(3);
  const requests = page.getByRole('table', { name: '居民的帮代办记录' });
  await expect(requests.getByRole('row')).toHaveCount(2);
  await expect(requests).toContainText('电话');
  await expect(requests).toContainText('已送达');
});

test('a request from a home visit is cancelled before acceptance: the reason is asked, the queue empties', async ({
  page,
  desk,
}) => {
  await desk.setup.complete();
  await desk.shell.go('居民');
  await desk.residents.register({ name: '赵德明', phone: '13875004321' }, ['残疾人']);
  const { proxy } = desk;
  await proxy.open();
  await proxy.registerRequest('赵德明', '想办残疾人护理补贴，家属说下周再定', '入户走访');
  await proxy.queue('待确认');
  await expect(proxy.rows('待确认').nth(1)).toContainText('入户走访');
  await page.getByRole('button', { name: '取消代办：赵德明' }).click();
  const dialog = page.getByRole('dialog', { name: '取消代办' });
  await dialog.getByLabel('取消原因').selectOption('其他');
  await dialog.getByRole('button', { name: '确定取消代办' }).click();
  await expect(dialog.getByLabel('说明')).toHaveAccessibleDescription('请说明取消的原因');
  await dialog.getByLabel('取消原因').selectOption('住院');
  await expectAccessible(page, '帮代办 · 取消代办');
  await dialog.getByRole('button', { name: '确定取消代办' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '待确认（0）' })).toBeVisible();
  await expect(proxy.rows('待确认').nth(1)).toContainText('没有待确认的代办');
});
