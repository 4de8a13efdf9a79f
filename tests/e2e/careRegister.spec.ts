/**
 * 重点服务对象 in Chromium with real IndexedDB: four residents registered with their tags (three
 * with a register tag, one 党员 only) → a care profile filled on a resident's page (a bad phone
 * told at the field and nothing saved; then saved, the contact's phone masked) → the register in
 * 帮代办 lists only the tagged residents, filters by 网格 and 标签, shows names and phones masked
 * (no full number anywhere on the page) → 打印名单 goes to paper masked, with the filter and the
 * signature line; axe on the register and the dialog; screenshots at 1366×768.
 */
import { mkdir } from 'node:fs/promises';
import { expect, test, COMMUNITY } from './pages';
import { CareRegisterPage, type TaggedResident } from './pages/CareRegisterPage';
import { expectAccessible } from './support/a11y';
import { capturePrints, printedDocuments } from './support/printCapture';

const SHOTS = 'test-results/screens';
const LIU: TaggedResident = {
  name: '刘桂英',
  phone: '13875001234',
  building: '3',
  grid: '第二网格',
  tags: ['独居老人', '高龄'],
};
const CHEN: TaggedResident = { name: '陈志刚', phone: '13875005678', grid: '第一网格', tags: ['残疾人'] };
const AN: TaggedResident = { name: '安秀兰', phone: '13875009012', building: '7', grid: '第二网格', tags: ['重病'] };
const ZHOU: TaggedResident = { name: '周明', phone: '13875003456', grid: '第一网格', tags: ['党员'] };
const CONTACT = { name: '李建国', phone: '13907312468' };

test.beforeEach(async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await capturePrints(page);
});

test('the register of special households: care profile at the resident, filters, masked screen and paper', async ({
  page,
  desk,
}) => {
  const care = new CareRegisterPage(page);
  await desk.setup.complete();
  await desk.shell.go('居民');
  for (const r of [LIU, CHEN, AN, ZHOU]) await care.registerResident(r);

  // The resident's page: 重点服务信息, nothing on file yet.
  await desk.residents.openRecent(LIU.name);
  await expect(care.careBlock).toContainText('重点服务对象（独居老人、高龄）');
  await expect(care.careBlock).toContainText('尚未登记联系人和服务需求');

  // A phone one digit short: told at the field, nothing saved.
  const dialog = await care.openCareDialog();
  await care.fillCare({ contactName: CONTACT.name, relation: '儿子', phone: CONTACT.phone.slice(0, 10) });
  await care.saveCare();
  const phone = dialog.getByLabel('联系人电话');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription('手机号应为 11 位，当前为 10 位');
  await expect(dialog).toBeVisible();
  expect(await care.storedCare(LIU.name)).toBeNull();
  await expectAccessible(page, '居民 · 编辑重点服务信息（电话有误）');
  await page.setViewportSize({ width: 1366, height: 768 });
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/care-profile-dialog.png` });

  // Corrected and completed: saved; the page shows the contact's phone masked.
  await care.fillCare({ phone: CONTACT.phone, needs: ['行动不便', '只讲方言'], dialect: '湘方言', time: '工作日上午' });
  await care.saveCare();
  await expect(dialog).toHaveCount(0);
  await expect(care.careBlock).toContainText('联系人：李建国（儿子）');
  await expect(care.careBlock).toContainText('139****2468');
  await expect(care.careBlock).toContainText('服务需求：行动不便、只讲方言（湘方言）');
  await expect(care.careBlock).toContainText('方便联系的时间：工作日上午');
  await expect(care.careBlock).not.toContainText(CONTACT.phone);
  await page.screenshot({ path: `${SHOTS}/care-profile-block.png` });
  expect(await care.storedCare(LIU.name)).toEqual({
    contactName: CONTACT.name,
    contactRelation: '儿子',
    contactPhone: CONTACT.phone,
    needs: ['行动不便', '只讲方言'],
    dialect: '湘方言',
    preferredTime: '工作日上午',
  });
  // Editing again keeps the phone masked (re-typing is the only way to change it).
  await care.openCareDialog();
  await expect(dialog.getByRole('textbox', { name: '联系人电话' })).toHaveValue('139****2468');
  await dialog.getByRole('button', { name: '取消' }).click();

  // The register: the three with a register tag, by grid then name; 周明 (党员) is not on it.
  await care.open();
  await expect(care.heading).toHaveText('重点服务对象（3）');
  await expect(care.rows).toHaveCount(3);
  await expect(care.rows.nth(0)).toContainText('陈*刚');
  await expect(care.rows.nth(1)).toContainText('安*兰');
  await expect(care.rows.nth(2)).toContainText('刘*英');
  await expect(care.table).not.toContainText('周');
  const liu = care.rows.nth(2);
  for (const text of [
    '第二网格',
    '3栋',
    '独居老人、高龄',
    '行动不便、只讲方言（湘方言）',
    '儿子 李*国',
    '139****2468',
    '工作日上午',
    '无',
  ])
    await expect(liu).toContainText(text);
  await expect(care.rows.nth(0)).toContainText('本人 138****5678');
  // No name in full, no full phone anywhere on the page.
  const pageText = await page.locator('body').innerText();
  for (const secret of [LIU.name, CHEN.name, AN.name, CONTACT.name, CONTACT.phone, LIU.phone, CHEN.phone, AN.phone])
    expect(pageText).not.toContain(secret);
  await expectAccessible(page, '帮代办 · 重点服务对象');
  await page.screenshot({ path: `${SHOTS}/care-register.png` });

  // Filters: 网格, 标签, both.
  await care.filter('网格', '第二网格');
  await expect(care.heading).toHaveText('重点服务对象（2）');
  await expect(care.rows).toHaveCount(2);
  await expect(care.table).not.toContainText('陈*刚');
  await care.filter('标签', '重病');
  await expect(care.rows).toHaveCount(1);
  await expect(care.rows.nth(0)).toContainText('安*兰');
  await care.filter('网格', '第一网格');
  await expect(care.table).toContainText('没有符合条件的重点服务对象');
  await care.filter('网格', '全部');
  await care.filter('标签', '高龄');
  await expect(care.rows).toHaveCount(1);
  await care.filter('网格', '第二网格');

  // 打印名单: the list on paper as filtered, masked, escaped, with the signature line.
  await care.print();
  await expect.poll(async () => (await printedDocuments(page)).length).toBe(1);
  const [paper] = await printedDocuments(page);
  expect(paper).toContain(`${COMMUNITY.name} 重点服务对象名单`);
  expect(paper).toContain('网格：第二网格　标签：高龄');
  expect(paper).toContain('日期：2026-11-24');
  expect(paper).toContain('size: A4 landscape');
  expect(paper).toContain('<td>刘*英</td>');
  expect(paper).toContain('<td>139****2468</td>');
  expect(paper).toContain('网格员签收');
  for (const secret of [LIU.name, CONTACT.name, CONTACT.phone, LIU.phone, AN.name]) expect(paper).not.toContain(secret);
  expect(paper).not.toMatch(/\d{11}/);
  const sheet = await page.context().newPage();
  await sheet.setViewportSize({ width: 1123, height: 794 });
  await sheet.setContent(paper!);
  await sheet.screenshot({ path: `${SHOTS}/care-register-print.png`, fullPage: true });
  await sheet.close();

  // A name opens the resident's page.
  await care.rows.nth(0).getByRole('link', { name: '刘*英' }).click();
  await expect(page).toHaveURL(/#\/residents\//);
  await expect(care.careBlock).toContainText('139****2468');
});
