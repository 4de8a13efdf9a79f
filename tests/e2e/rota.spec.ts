/**
 * 值班表 in Chromium with real IndexedDB (issue 26 item 1): last week's rota seeded in bulk → the
 * 站长 opens 值班 by Alt+8, 复制上周 → changes Saturday's cell of 赵芳 by keyboard alone, leaving
 * Saturday with one person → the warning on the grid and on the 工作台 → fixed → the rota printed
 * (A4, black on white); axe on the grid; screenshots at 1366×768 of the grid and the paper.
 * Then 换班 on the same desk (no second set-up): 李明 asks for two swaps (the center needs
 * approval), the 站长 sees them counted on the 工作台, approves one (the grid shows the traded
 * posts) and refuses the other with a reason (the grid stays as it was; 李明 reads why).
 */
import { mkdir } from 'node:fs/promises';
import { ADMIN, expect, test } from './pages';
import { expectAccessible } from './support/a11y';
import { capturePrints, printedDocuments } from './support/printCapture';

const SHOTS = 'test-results/screens';
const LAST_WEEK = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'];

test.beforeEach(async ({ page }) => {
  test.setTimeout(240_000);
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await capturePrints(page);
});

test('the 站长 copies last week, sees Saturday short on the grid and the 工作台, fixes it and prints', async ({
  page,
  desk,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await desk.setup.complete();
  await desk.settings.addClerk('李明', '864209');
  await desk.settings.addClerk('赵芳', '864210');

  // Last week drawn up, in bulk: weekdays 王秀英 + 李明 on duty, 赵芳 out visiting; Saturday 李明 + 赵芳;
  // Sunday 王秀英 + 赵芳 (the default weekend hours open both days).
  await page.evaluate(async (days) => {
    const open = indexedDB.open('duty-desk');
    const db = await new Promise<IDBDatabase>(
      (ok, fail) => ((open.onsuccess = () => ok(open.result)), (open.onerror = fail)),
    );
    const staff = await new Promise<{ id: string; name: string }[]>((ok) => {
      const r = db.transaction('staff').objectStore('staff').getAll();
      r.onsuccess = () => ok(r.result);
    });
    const id = (name: string) => staff.find((s) => s.name === name)!.id;
    const onDuty = (i: number) => (i < 5 ? ['王秀英', '李明'] : i === 5 ? ['李明', '赵芳'] : ['王秀英', '赵芳']);
    const tx = db.transaction('rota', 'readwrite');
    days.forEach((day, i) => {
      for (const name of ['王秀英', '李明', '赵芳']) {
        const post = onDuty(i).includes(name) ? '值班岗' : i < 5 ? '走访岗' : '休息';
        const stamp = { createdAt: 1, createdBy: id('王秀英'), updatedAt: 1, updatedBy: id('王秀英') };
        tx.objectStore('rota').put({ id: `${day}|${id(name)}`, day, staffId: id(name), post, ...stamp });
      }
    });
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
  }, LAST_WEEK);

  await desk.shell.go('值班');
  const rota = page.getByRole('region', { name: /^值班表 2026-11-23/ });
  await expect(rota.getByRole('heading', { name: '值班表 2026-11-23 至 2026-11-29' })).toBeVisible();
  await rota.getByRole('button', { name: '复制上周' }).click();
  await expect(rota.getByRole('status')).toHaveText('已复制上周值班表（21 格）');
  const grid = rota.getByRole('table', { name: '本周值班表' });
  await expect(grid.getByRole('button', { name: '赵芳 11-28 周六：值班岗' })).toBeVisible();
  await expect(rota.getByLabel('值班岗不足')).toHaveCount(0);

  // Keyboard alone: to 赵芳's Saturday cell, open the menu, down to 休息, set it.
  await grid.getByRole('button', { name: '赵芳 11-27 周五：走访岗' }).focus();
  await page.keyboard.press('Tab');
  await expect(grid.getByRole('button', { name: '赵芳 11-28 周六：值班岗' })).toBeFocused();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: '选择岗位' });
  await expect(menu).toBeVisible();
  await page.keyboard.press('ArrowDown'); // 走访岗
  await page.keyboard.press('ArrowDown'); // 休息
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(grid.getByRole('button', { name: '赵芳 11-28 周六：休息' })).toBeVisible();

  // The warning on the grid: above it and in the day's count.
  await expect(rota.getByLabel('值班岗不足')).toHaveText('11-28 周六 值班岗 1 人，不足 2 人');
  await expect(grid.locator('tfoot')).toContainText('不足 2 人');
  await expectAccessible(page, '值班 · 值班表');
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/rota-week.png`, fullPage: true });

  // …and on the 工作台, with today's team.
  await desk.shell.go('工作台');
  const today = page.getByRole('region', { name: '今日值班' });
  await expect(today).toContainText(/值班岗：(王秀英、李明|李明、王秀英)/);
  await expect(today).toContainText('走访岗（外出走访）：赵芳');
  await expect(today.getByLabel('值班岗不足')).toContainText('11-28 周六 值班岗 1 人，不足 2 人');

  // Fixed: 王秀英 takes Saturday.
  await desk.shell.go('值班');
  await grid.getByRole('button', { name: '王秀英 11-28 周六：休息' }).click();
  await menu.getByRole('menuitem', { name: '值班岗', exact: true }).click();
  await expect(rota.getByLabel('值班岗不足')).toHaveCount(0);
  await desk.shell.go('工作台');
  // Saturday no longer named; next week, not drawn up yet, still is.
  await expect(today.getByLabel('值班岗不足')).toContainText('12-01 周二');
  await expect(today.getByLabel('值班岗不足')).not.toContainText('11-28');

  // Printed: the week on A4, who is on duty each day.
  await desk.shell.go('值班');
  await rota.getByRole('button', { name: '打印值班表' }).click();
  await expect(rota.getByRole('status')).toHaveText('值班表已送打印');
  const paper = (await printedDocuments(page)).at(-1)!;
  expect(paper).toContain('size: A4 landscape');
  expect(paper).toContain('值班表');
  expect(paper).toContain('打印：王秀英');
  expect(paper).not.toContain('值班岗不足');
  const sheet = await page.context().newPage();
  await sheet.setViewportSize({ width: 1366, height: 768 });
  await sheet.setContent(paper);
  await expect(sheet.locator('tbody tr')).toHaveCount(3);
  await expect(sheet.locator('tfoot')).toContainText('2 人');
  await sheet.screenshot({ path: `${SHOTS}/rota-printed.png`, fullPage: true });
  await sheet.pdf({ path: `${SHOTS}/rota-printed.pdf`, landscape: true, format: 'A4' });
  await sheet.close();

  // 换班, asked by 李明 (a 值班员: only for himself; the center needs the 站长's approval).
  await desk.shell.switchUser('李明', '864209', '值班员');
  await desk.shell.go('值班');
  const ask = async (day: string) => {
    await rota.getByRole('button', { name: '申请换班' }).click();
    const dialog = page.getByRole('dialog', { name: '申请换班' });
    await expect(dialog.getByLabel('申请人', { exact: true })).toBeDisabled();
    await dialog.getByLabel('申请人换出的日期').selectOption(day);
    await dialog.getByLabel('换班对象', { exact: true }).selectOption({ label: '赵芳' });
    await dialog.getByLabel('换班对象换出的日期').selectOption(day);
    return dialog;
  };
  const first = await ask('2026-11-24');
  await expect(first).toContainText('11-24 周二：李明（值班岗）与 赵芳（走访岗）互换岗位');
  await expectAccessible(page, '值班 · 申请换班');
  await page.screenshot({ path: `${SHOTS}/rota-swap-dialog.png` });
  await first.getByRole('button', { name: '提交换班申请' }).click();
  await expect(first).toHaveCount(0);
  await expect(rota.getByRole('status')).toHaveText('换班申请已提交，等待站长批准');
  await (await ask('2026-11-25')).getByRole('button', { name: '提交换班申请' }).click();
  const requests = rota.getByRole('list', { name: '换班申请' });
  await expect(requests.getByRole('listitem')).toHaveCount(2);
  await expect(requests).toContainText('待批准：11-24 周二 李明 与 赵芳 互换岗位');
  // Not the 站长: no approve button; the posts are unchanged.
  await expect(rota.getByRole('button', { name: /^批准/ })).toHaveCount(0);
  await expect(grid.getByRole('row', { name: /^李明/ }).getByRole('cell').nth(1)).toHaveText('值班岗 换班待批');

  // The 站长: counted on the 工作台, decided on the 值班表.
  await desk.shell.switchUser('王秀英', ADMIN.pin, '站长/管理员');
  await expect(page.getByLabel('待批准的换班')).toContainText('待批准的换班 2 个');
  await page.getByLabel('待批准的换班').getByRole('link', { name: '去批准' }).click();
  await rota.getByRole('button', { name: '批准 11-24 周二 李明 与 赵芳 互换岗位', exact: true }).click();
  await expect(rota.getByRole('status')).toHaveText('已批准：11-24 周二 李明 与 赵芳 互换岗位');
  await expect(grid.getByRole('button', { name: '李明 11-24 周二：走访岗 换班' })).toBeVisible();
  await expect(grid.getByRole('button', { name: '赵芳 11-24 周二：值班岗 换班' })).toBeVisible();

  const before = await grid.locator('tbody').innerText();
  await rota.getByRole('button', { name: '不批准 11-25 周三 李明 与 赵芳 互换岗位' }).click();
  const refuse = page.getByRole('dialog', { name: '不批准换班' });
  await refuse.getByRole('button', { name: '不批准' }).click();
  await expect(refuse.getByLabel('不批准的理由')).toHaveAccessibleDescription('请填写不批准的理由');
  await refuse.getByLabel('不批准的理由').fill('周三有街道培训，人手不足');
  await refuse.getByLabel('不批准的理由').press('Enter');
  await expect(refuse).toHaveCount(0);
  await expect(requests).toContainText('未批准：11-25 周三 李明 与 赵芳 互换岗位');
  await expect(requests).toContainText('理由：周三有街道培训，人手不足');
  // The refused swap leaves the grid as it was (only its 换班待批 mark gone).
  expect(await grid.locator('tbody').innerText()).toBe(before.replace('值班岗 换班待批', '值班岗'));
  await expectAccessible(page, '值班 · 换班申请');
  await desk.shell.go('工作台');
  await expect(today).toContainText('走访岗（外出走访）：李明');
  await expect(page.getByLabel('待批准的换班')).toHaveCount(0);
});
