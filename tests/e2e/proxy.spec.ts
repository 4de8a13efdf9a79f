/**
 * 帮代办 end to end, the whole story of issue 25, in Chromium with real IndexedDB: an
 * 85-year-old resident living alone phones → 待确认 → accepted as 高龄津贴申请 → a visit booked
 * for tomorrow is not recorded today without a reason, then moved to today for two staff → the
 * 委托书 and 收取材料 from the queue row (three originals; the case follows: 办理中) → two of the
 * three handed to the street office (nothing pre-ticked; the dialog repeats what moves and to
 * whom) → taken back → 办理完毕 → 送达 refused with the originals out, then 随结果一并归还 →
 * 办结 refused naming the 缺件, the form collected → 办结. The case's status is asserted after
 * every step, and no step needs a detour (no 开始办理 pressed).
 */
import { mkdir } from 'node:fs/promises';
import { expect, test, ADMIN } from './pages';
import { tabTo } from './support/keyboard';
import { expectAccessible } from './support/a11y';
import { capturePrints, printedDocuments } from './support/printCapture';

const SHOTS = 'test-results/screens';
// Born 1941: 85 on the day of the test.
const RESIDENT = { name: '刘桂英', idNumber: '430104194103071223', phone: '13875001234' };
const DOCS = ['居民身份证', '户口簿（户主页及本人页）', '本人名下银行卡或存折'];
const FORM = '高龄津贴申请表';
const printed = printedDocuments;

test.beforeEach(async ({ page }) => {
  // The journey took ~70 s on a loaded machine.
  test.setTimeout(240_000);
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await capturePrints(page);
});

test('the whole 帮代办 story: the case follows every step, originals home, 送达, 办结', async ({ page, desk }) => {
  await desk.setup.complete();
  await desk.settings.addClerk('李明', '864209');
  await desk.settings.setStaffNo(ADMIN.name, 'THL-001');
  await desk.settings.setStaffNo('李明', 'THL-002');
  await expect(page.getByRole('table', { name: '工作人员' })).toContainText('THL-002');
  const { proxy } = desk;
  await desk.shell.go('居民');
  await desk.residents.register(RESIDENT, ['独居老人', '高龄']);

  // The phone call: 待确认 (no case yet), then accepted: the case 已受理.
  await proxy.open();
  await proxy.registerRequest(RESIDENT.name, '老人独居，腿脚不便，想申请高龄津贴');
  await proxy.queue('待确认');
  await expect(proxy.rows('待确认').nth(1)).toContainText('未确认事项');
  await proxy.accept(RESIDENT.name, 'gljt', '高龄津贴申请');
  await proxy.queue('待上门');
  const row = proxy.rows('待上门').nth(1);
  await expect(row).toContainText('高龄津贴申请办件已受理');

  // Booked for tomorrow: 登记已上门 today asks why; moved to today for two.
  const bookVisit = async (day: string) => {
    await row.getByRole('button', { name: /^(预约|改约)上门：/ }).click();
    const booking = page.getByRole('dialog', { name: '预约上门' });
    await booking.getByLabel('上门日期').fill(day);
    await booking.getByRole('checkbox', { name: '李明' }).check();
    await booking.getByRole('button', { name: '确定预约上门' }).click();
    await expect(booking).toHaveCount(0);
  };
  await bookVisit('2026-11-25');
  await row.getByRole('button', { name: `登记已上门：${RESIDENT.name}` }).click();
  const visited = page.getByRole('dialog', { name: '登记已上门' });
  await expect(visited).toContainText('预约上门日期：2026-11-25');
  await expect(visited.getByLabel('实际上门日期')).toHaveValue('2026-11-24');
  await visited.getByRole('button', { name: '确定已上门' }).click();
  await expect(visited.getByLabel('未按预约日期上门的原因')).toHaveAccessibleDescription(
    '预约的上门日期是 2026-11-25；登记为 2026-11-24 上门，请填写原因',
  );
  await expectAccessible(page, '帮代办 · 登记已上门');
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/proxy-visit-other-day.png` });
  await visited.getByRole('button', { name: '取消' }).click();
  await bookVisit('2026-11-24');
  await expect(row).toContainText('2026-11-24 上午，王秀英、李明');
  await expect(row).toContainText('办件已受理');

  // The visit, on its day: the 委托书 and the documents from the queue row.
  await row.getByRole('button', { name: `打印委托书：${RESIDENT.name}` }).click();
  const mandate = page.getByRole('dialog', { name: '打印委托书' });
  await expect(mandate).toContainText('受托人（预约上门的工作人员）：王秀英、李明');
  await mandate.getByRole('button', { name: '打印' }).click();
  await expect(mandate).toHaveCount(0);
  await expect.poll(async () => (await printed(page)).length).toBe(1);
  const [blankMandate] = await printed(page);
  expect(blankMandate).toContain('王秀英（工号：THL-001）');
  expect(blankMandate).toContain('李明（工号：THL-002）');
  expect(blankMandate).not.toContain(RESIDENT.idNumber);
  await expectAccessible(page, '帮代办 · 队列行的委托书与收取材料');
  await page.screenshot({ path: `${SHOTS}/proxy-queue-row-papers.png` });
  for (const [i, doc] of DOCS.entries()) {
    // After the first document the request is 办理中: its row is in that queue.
    if (i === 1) await proxy.queue('办理中');
    const current = proxy.rows(i === 0 ? '待上门' : '办理中').nth(1);
    await current.getByRole('button', { name: `收取材料：${RESIDENT.name}` }).click();
    const dialog = page.getByRole('dialog', { name: '收取材料' });
    await dialog.getByLabel('材料名称').fill(doc);
    await dialog.getByRole('button', { name: '登记收取' }).click();
    await expect(dialog).toHaveCount(0);
  }
  // The visit with documents collected: the request and the case 办理中, nobody pressed 开始办理.
  const handling = proxy.rows('办理中').nth(1);
  await expect(handling).toContainText('办件办理中');
  await expect(handling).toContainText('代办目标 2026-11-26');

  // Two of the three to the street office: nothing ticked, the dialog repeats what moves.
  await handling.getByRole('link', { name: /^THL-/ }).click();
  const status = page.getByLabel('办件状态');
  await expect(status).toHaveText('办理中');
  await expect(page.getByRole('button', { name: '开始办理' })).toHaveCount(0);
  const progress = page.getByRole('region', { name: '代办进度' });
  const panel = page.getByRole('region', { name: '材料交接' });
  await panel.getByRole('button', { name: '移交' }).click();
  let dialog = page.getByRole('dialog', { name: '移交' });
  const boxes = dialog.getByRole('group', { name: '勾选要移交的材料' }).getByRole('checkbox');
  await expect(boxes).toHaveCount(3);
  for (const box of await boxes.all()) await expect(box).not.toBeChecked();
  await dialog.getByRole('button', { name: '下一步' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('请至少勾选一份材料');
  await dialog.getByRole('checkbox', { name: new RegExp(DOCS[1]!.slice(0, 3)) }).check();
  await dialog.getByRole('checkbox', { name: new RegExp(DOCS[2]!.slice(0, 4)) }).check();
  await dialog.getByLabel('交给').selectOption({ label: '街道' });
  await dialog.getByLabel('接收单位').fill('岳麓街道政务服务中心');
  await dialog.getByRole('button', { name: '下一步' }).click();
  const check = dialog.getByRole('group', { name: '请核对移交' });
  await expect(check).toContainText('移交的材料（2 份）：');
  for (const doc of DOCS.slice(1)) await expect(check).toContainText(`${doc}（原件 1 份）`);
  await expect(check).toContainText('从 王秀英 交给 岳麓街道政务服务中心');
  await expect(check).not.toContainText(DOCS[0]!);
  await expectAccessible(page, '办件 · 移交核对');
  await page.screenshot({ path: `${SHOTS}/custody-handover-check.png` });
  await dialog.getByRole('button', { name: '确认移交' }).click();
  await expect(dialog).toHaveCount(0);
  await panel.getByRole('button', { name: '打印材料交接单' }).click();
  await expect.poll(async () => (await printed(page)).length).toBe(2);
  const toStreet = (await printed(page)).at(-1)!;
  expect(toStreet).toContain(DOCS[1]);
  expect(toStreet).toContain(DOCS[2]);
  expect(toStreet).not.toContain(DOCS[0]);
  expect(toStreet).toContain('接收</dt><dd>岳麓街道政务服务中心');
  expect(toStreet).not.toContain(RESIDENT.idNumber);
  const table = panel.getByRole('table', { name: '材料及保管人' });
  await expect(table.getByRole('row').filter({ hasText: '岳麓街道政务服务中心' })).toHaveCount(2);
  await expect(status).toHaveText('办理中');

  // Taken back from the street by keyboard alone: both ticked (Space), checked, recorded (Enter).
  await tabTo(page, panel.getByRole('button', { name: '取回' }), { back: true, max: 40 });
  await page.keyboard.press('Enter');
  dialog = page.getByRole('dialog', { name: '取回' });
  for (const box of await dialog.getByRole('checkbox').all()) {
    await tabTo(page, box);
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
  await tabTo(page, dialog.getByRole('button', { name: '下一步' }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('group', { name: '请核对取回' })).toContainText('从 岳麓街道政务服务中心 交给 王秀英');
  await tabTo(page, dialog.getByRole('button', { name: '确认取回' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: '王秀英在外' })).toHaveCount(3);
  await expect(status).toHaveText('办理中');

  // 办理完毕: the case stays 办理中.
  await progress.getByRole('button', { name: /^登记办理完毕/ }).click();
  await page.getByRole('dialog', { name: '登记办理完毕' }).getByRole('button', { name: '确定办理完毕' }).click();
  await expect(progress).toContainText('代办进度：待送达');
  await expect(status).toHaveText('办理中');

  // 送达 with the three originals out: refused naming them, then 随结果一并归还 in the same step.
  await progress.getByRole('button', { name: /^登记送达/ }).click();
  const delivery = page.getByRole('dialog', { name: '登记送达' });
  await expect(delivery).toContainText(`以下原件仍在外：`);
  await delivery.getByLabel('送达人').selectOption({ label: '李明' });
  await delivery.getByRole('button', { name: '确定送达' }).click();
  await expect(delivery).toContainText('；请先归还居民，或选择“随结果一并归还”');
  for (const doc of DOCS) await expect(delivery).toContainText(doc);
  const giveBack = delivery.getByRole('checkbox', { name: /随结果一并归还/ });
  await giveBack.check();
  await expectAccessible(page, '办件 · 登记送达');
  await page.screenshot({ path: `${SHOTS}/proxy-deliver-return.png` });
  await delivery.getByRole('button', { name: '确定送达' }).click();
  await expect(delivery).toHaveCount(0);
  await expect(progress).toContainText('上门送达，2026-11-24 09:30，李明');
  await expect(table.getByRole('row').filter({ hasText: '已归还' })).toHaveCount(3);
  await expect(status).toHaveText('办理中');

  // The signed 委托书 back, once: not offered again.
  await progress.getByRole('button', { name: /^登记委托书收回/ }).click();
  const back = page.getByRole('dialog', { name: '登记委托书收回' });
  await back.getByLabel('存放位置').fill('档案柜 2 号');
  await back.getByRole('button', { name: '确定委托书收回' }).click();
  await expect(progress).toContainText('2026-11-24 收回，存放：档案柜 2 号');
  await expect(progress.getByRole('button', { name: /^登记委托书收回/ })).toHaveCount(0);

  // 办结: refused while the form is still listed missing, named; collected, then closed.
  const closeCase = async () => {
    await page.getByRole('button', { name: '办结', exact: true }).click();
    await page.getByRole('dialog').getByLabel('办理结果').fill('高龄津贴已核发');
    await page.getByRole('dialog').getByRole('radio', { name: '上门' }).check();
    await page.getByRole('dialog').getByRole('button', { name: '办结' }).click();
  };
  await closeCase();
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText(
    `以下材料仍在缺件清单中：${FORM}；请先收取（或登记补正）再办结`,
  );
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await panel.getByRole('button', { name: '收取材料' }).click();
  const form = page.getByRole('dialog', { name: '收取材料' });
  await form.getByLabel('材料名称').fill(FORM);
  await form.getByRole('checkbox', { name: '原件' }).uncheck();
  await form.getByRole('button', { name: '登记收取' }).click();
  await expect(form).toHaveCount(0);
  await closeCase();
  await expect(status).toHaveText('已办结');
  await expect(progress).toContainText('代办进度：已送达');

  // The resident's page keeps the custody history.
  await desk.shell.go('居民');
  await desk.residents.openRecent(RESIDENT.name);
  const history = page.getByRole('table', { name: '居民的材料交接记录' });
  await expect(history.getByRole('row').filter({ hasText: '已归还' })).toHaveCount(3);
  await expect(page.getByRole('table', { name: '居民的帮代办记录' })).toContainText('已送达');
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
