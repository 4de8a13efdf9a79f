/**
 * 交接班 (issue 26 item 3), lean: the rota seeded in bulk (the 值班表's own screen is built in
 * parallel); the evening duty person's sign-out asks for the note and saves it (keyboard only);
 * the next morning's duty person sees it at sign-in before the 工作台 and signs it (签阅); 值班 →
 * 交接班 lists who read it when and prints it (A4). axe on the gate and the list.
 */
import type { Page } from '@playwright/test';
import { ADMIN, expect, test } from './pages';
import { acceptPledgeIfShown } from './pages/SignInPage';
import { expectAccessible } from './support/a11y';
import { capturePrints, printedDocuments } from './support/printCapture';

const SHOTS = 'test-results/screenshots';
const CLERK = { name: '李明', pin: '864209' };
const TUE = '2026-11-24';
const WED = '2026-11-25';

/** The rota cells (table `rota`), written straight into the desk's IndexedDB. */
async function seedRota(page: Page, rows: { day: string; staffName: string; post: '值班岗' | '走访岗' }[]) {
  await page.evaluate(async (wanted) => {
    const open = indexedDB.open('duty-desk');
    const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
    const staff = await new Promise<{ id: string; name: string }[]>((ok) => {
      const req = db.transaction('staff').objectStore('staff').getAll();
      req.onsuccess = () => ok(req.result as { id: string; name: string }[]);
    });
    const tx = db.transaction('rota', 'readwrite');
    // As the 值班表 stores a cell: keyed day|staffId, stamped.
    for (const r of wanted) {
      const staffId = staff.find((s) => s.name === r.staffName)!.id;
      const stamp = { createdAt: 0, createdBy: staffId, updatedAt: 0, updatedBy: staffId };
      tx.objectStore('rota').put({ id: `${r.day}|${staffId}`, day: r.day, staffId, post: r.post, ...stamp });
    }
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
  }, rows);
}

/** Sign-in by the keyboard, without waiting for the 工作台 (the 交接班 may stand before it). */
async function signInByKeyboard(page: Page, name: string, pin: string, role: string) {
  await page.getByLabel('值班人员', { exact: true }).selectOption({ label: `${name}（${role}）` });
  await page.getByLabel('密码或 PIN').fill(pin);
  await page.getByLabel('密码或 PIN').press('Enter');
}

test('the evening duty person signs out with a note; the next morning it stands before the 工作台 until signed', async ({
  page,
  desk: { setup, settings, shell },
}) => {
  test.setTimeout(180_000);
  await capturePrints(page);
  await page.clock.install({ time: new Date(`${TUE}T17:40:00+08:00`) });
  await page.setViewportSize({ width: 1366, height: 768 });
  await setup.complete();
  await settings.addClerk(CLERK.name, CLERK.pin);
  await seedRota(page, [
    { day: TUE, staffName: CLERK.name, post: '值班岗' },
    { day: TUE, staffName: ADMIN.name, post: '走访岗' },
    { day: WED, staffName: ADMIN.name, post: '值班岗' },
  ]);
  // The admin is on the 走访岗 today: their sign-out asks nothing.
  await shell.switchUser(CLERK.name, CLERK.pin, '值班员');

  // 17:40, twenty minutes before the shift end: 李明's sign-out prepares the note.
  await shell.signOut();
  const form = page.getByRole('dialog', { name: '下班交接：写交接班记录' });
  await expect(form).toBeVisible();
  await expect(form.getByRole('region', { name: '值班台情况' })).toContainText('已超期的办件：0 件');
  await expect(form).toContainText(`交给 ${WED} 的值班人员`);
  await expect(form.getByLabel('交接内容')).toBeFocused();
  await page.keyboard.type('街道明早9点回电，关于3栋王秀英低保，电话13812345678');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('需关注事项（每行一条）')).toBeFocused();
  await page.keyboard.type('3栋2单元漏水，物业今天未到');
  await expectAccessible(page, '下班交接');
  await form.getByRole('button', { name: '保存交接并退出' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: '登录' })).toBeVisible();

  // The next morning: 王秀英 is on the 值班岗 and sees the note before the 工作台.
  await page.clock.setSystemTime(new Date(`${WED}T08:05:00+08:00`));
  await signInByKeyboard(page, ADMIN.name, ADMIN.pin, '站长/管理员');
  const gate = page.getByRole('region', { name: '交接班记录待签阅' });
  await expect(gate).toBeVisible();
  await expect(page.getByRole('heading', { name: '工作台' })).toHaveCount(0);
  await expect(gate).toContainText('街道明早9点回电，关于3栋王秀英低保，电话138****5678');
  await expect(gate).not.toContainText('13812345678');
  await expect(gate).toContainText('3栋2单元漏水，物业今天未到');
  await expectAccessible(page, '交接班待签阅');
  await page.screenshot({ path: `${SHOTS}/handover-gate.png` });
  const sign = gate.getByRole('button', { name: `签阅 ${CLERK.name} 的交接班记录` });
  await expect(sign).toBeFocused();
  await sign.press('Enter');
  await expect(gate).toHaveCount(0);
  await acceptPledgeIfShown(page);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();

  // 值班 → 交接班 (Alt+8, keyboard): the day's notes with who read them when.
  await page.keyboard.press('Alt+8');
  await page.getByRole('tab', { name: '交接班' }).press('Enter');
  await page.getByLabel('交班日期').fill(TUE);
  const list = page.getByRole('region', { name: `${TUE} 的交接班记录` });
  await expect(list.getByLabel('签阅情况')).toHaveText(`已签阅：${ADMIN.name}（${WED} 08:05）`);
  await expectAccessible(page, '值班 → 交接班');
  await page.screenshot({ path: `${SHOTS}/handover-list.png` });

  await list.getByRole('button', { name: `打印 ${CLERK.name} 的交接班记录` }).press('Enter');
  await expect(page.getByText('交接班记录已送打印')).toBeVisible();
  const printed = (await printedDocuments(page)).at(-1)!;
  expect(printed).toContain('交接班记录');
  expect(printed).toContain(`${ADMIN.name}　${WED} 08:05`);
  expect(printed).toContain('138****5678');
  expect(printed).not.toContain('13812345678');
  const paper = await page.context().newPage();
  await paper.setViewportSize({ width: 1366, height: 768 });
  await paper.setContent(printed);
  await paper.screenshot({ path: `${SHOTS}/handover-printed.png`, fullPage: true });
  await paper.close();
});
