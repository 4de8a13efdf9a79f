import { ADMIN, desk, expect, test } from './pages';
import { nthWorkingDayAfter } from './support/workingDays';

const ZHANG = { name: '张三', idNumber: '430104195803151237', phone: '13812345678' };

test.describe('window intake', () => {
  test.beforeEach(async ({ page, desk }) => {
    // Accepting on 2026-09-30, the day before the National Day holiday.
    await page.clock.setFixedTime(new Date('2026-09-30T10:15:00+08:00'));
    await desk.setup.complete();
    await desk.intake.open();
  });

  test('new resident walks in → 承诺件 of 3 working days over National Day → receipt', async ({
    page,
    desk: { intake },
  }) => {
    await intake.search.fill('张三');
    await expect(page.getByText('没有找到，按 Enter 登记新居民')).toBeVisible();
    await intake.registerResident(ZHANG);
    await expect(intake.selectedResident).toContainText('4301**********1237');
    await expect(intake.selectedResident).toContainText('138****5678');

    await intake.pickMatter(1, 'dyzz', '党员组织关系转接');
    await intake.allDocumentsReceived();
    await expect(page.getByRole('radio', { name: '承诺件' })).toBeChecked();
    const expected = nthWorkingDayAfter('2026-09-30', 3);
    expect(expected > '2026-10-08').toBe(true); // derived from the data: it skips the holiday
    await expect(page.getByLabel('承诺办结日期')).toContainText(expected);

    await page.keyboard.press('Control+Enter');
    await expect(intake.trackingNumber(1)).toHaveText('THL-20260930-010001');
    await expect(intake.result).toContainText(`承诺办结日期 ${expected}`);

    const receipt = await intake.previewReceipt('受理回执');
    await expect(receipt.locator('body')).toContainText('THL-20260930-010001');
    await expect(receipt.locator('body')).toContainText('4301**********1237');
    await expect(receipt.locator('body')).not.toContainText(ZHANG.idNumber);
    const [y, m, d] = expected.split('-').map(Number);
    await expect(receipt.locator('body')).toContainText(`承诺办结日期${y}年${m}月${d}日`);
    await expect(receipt.locator('svg').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/intake-receipt-preview.png' });
  });

  test('returning resident by initials and phone tail; a phone call; a missing document → 一次性告知单', async ({
    page,
    desk: { intake },
  }) => {
    await intake.registerResident(ZHANG);
    await page.keyboard.press('Control+Enter'); // needs a matter first
    await expect(page.getByText('请选择事项')).toBeVisible();
    await page.keyboard.press('F2');

    await intake.search.fill('zs');
    await expect(page.getByRole('list', { name: '查找结果' })).toContainText('张三');
    await intake.search.fill('5678');
    await expect(page.getByRole('list', { name: '查找结果' })).toContainText('138****5678');
    await intake.search.press('Enter');
    await expect(intake.selectedResident).toContainText('张三');

    await page.getByRole('radio', { name: '来电' }).check();
    await intake.pickMatter(1, '高龄', '高龄津贴申请');
    await page.getByRole('checkbox', { name: /^居民身份证/ }).check();
    await expect(page.getByLabel('缺件提示')).toContainText('缺件');
    await page.screenshot({ path: 'test-results/screenshots/intake-form.png', fullPage: true });
    await intake.save();
    await expect(intake.result).toContainText('待补正');

    const notice = await intake.previewReceipt('一次性告知单');
    await expect(notice.locator('body')).toContainText('户口簿');
    await page.keyboard.press('Escape');

    const register = await intake.openRegister();
    await expect(register).toContainText('来电');
    await expect(register).toContainText('高龄津贴申请');
    await expect(register).toContainText('4301**********1237');
    await expect(register).toContainText(ADMIN.name);
    await page.getByRole('combobox', { name: '来访方式' }).selectOption('来站');
    await expect(register.getByRole('row')).toHaveCount(1); // header only

    // She comes back, at the counter's 1366×768: her matters open by themselves, BELOW the box and
    // inside the window — never flipped up over 来访类型, so a mouse click on 咨询 lands on 咨询.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.keyboard.press('F2');
    await intake.search.fill('zs');
    await intake.search.press('Enter');
    const list = page.getByRole('listbox');
    await expect(list.getByRole('option').first()).toContainText('高龄津贴申请最近办过');
    await expect(list).toBeInViewport({ ratio: 1 });
    const box = (await page.getByRole('combobox', { name: '事项 1' }).boundingBox())!;
    expect((await list.boundingBox())!.y).toBeGreaterThanOrEqual(box.y + box.height);
    await page.getByRole('radio', { name: '咨询（当场答复）' }).click();
    await expect(page.getByRole('radio', { name: '咨询（当场答复）' })).toBeChecked();
  });

  test('one visit, two matters: 帮代办 without documents is accepted; a refusal prints its notice', async ({
    page,
    desk: { intake },
  }) => {
    await intake.registerResident(ZHANG);
    await intake.pickMatter(1, 'gljt', '高龄津贴申请');
    await intake.matter(1).getByRole('radio', { name: '帮代办' }).check();
    await expect(intake.matter(1).getByLabel('承诺办结日期')).toContainText('上门收取');
    await page.getByRole('button', { name: '再办一个事项' }).click();
    await intake.pickMatter(2, 'zmsx', '证明事项咨询（告知办理路径）');
    const second = intake.matter(2);
    await second.getByRole('radio', { name: '不予受理' }).check();
    await intake.save();
    await expect(second.getByText('请填写不予受理的理由')).toBeVisible();
    await second.getByLabel('不予受理理由').fill('该证明已取消，社区不再出具');
    await second.getByLabel('告知办理去处').fill('凭户口簿到派出所户籍窗口办理');
    await intake.save();
    const result = intake.result;
    await expect(result).toContainText('受理 1 件，不予受理 1 件');
    await expect(intake.trackingNumber(1)).toHaveText('THL-20260930-010001');
    await expect(intake.trackingNumber(2)).toHaveText('THL-20260930-010002');
    await expect(result).toContainText('帮代办 · 已受理');
    const notice = await intake.previewReceipt('事项 2 不予受理告知书');
    await expect(notice.locator('body')).toContainText('该证明已取消，社区不再出具');
    await expect(notice.locator('body')).toContainText('派出所户籍窗口');
  });

  test('a 诉求 without a resident: its category guessed, a place asked for; it gets a number, a receipt and is in 办件', async ({
    page,
    desk: { intake, shell },
  }) => {
    await page.getByRole('radio', { name: '来电' }).check();
    await page.getByRole('radio', { name: '投诉建议 / 民生诉求' }).check();
    await page.getByLabel('诉求内容').fill('小区北门路灯不亮已经一周，晚上看不清路');
    await page.getByLabel('诉求内容').blur();
    await expect(page.getByLabel('问题类别')).toHaveValue('公共设施');
    await intake.save();
    await expect(page.getByLabel('地点')).toHaveAccessibleDescription('没有反映人的诉求，请写明地点或选择网格');
    await page.getByLabel('地点').fill('小区北门');
    await intake.save();
    await expect(intake.result).toContainText('诉求，受理为投诉建议办件并列入联席会议问题库');
    await expect(intake.trackingNumber(1)).toHaveText('THL-20260930-010001');
    await expect(intake.result).toContainText('小区环境卫生和公共设施问题反映');
    const receipt = await intake.previewReceipt('受理回执');
    await expect(receipt.locator('body')).toContainText('THL-20260930-010001');
    await shell.go('办件');
    await expect(page.getByRole('link', { name: 'THL-20260930-010001' }).first()).toBeVisible();
  });

  test('ID and phone stay masked until revealed, in the page and in the edit form', async ({
    page,
    desk: { intake, residents, shell },
  }) => {
    await intake.registerResident(ZHANG);
    await shell.go('居民');
    await residents.openRecent('张三');
    await expect(residents.field('身份证号')).toContainText('4301**********1237');
    await expect(page.getByRole('main')).not.toContainText(ZHANG.idNumber);
    await page.getByRole('button', { name: '修改居民信息' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('身份证号', { exact: true })).toHaveValue('4301**********1237');
    await expect(dialog.getByLabel('联系电话', { exact: true })).toHaveValue('138****5678');
    await dialog.getByRole('button', { name: '修改联系电话' }).click();
    await residents.giveRevealReason('联系居民');
    await expect(dialog.getByLabel('联系电话', { exact: true })).toHaveValue(ZHANG.phone);
    await dialog.getByLabel('联系电话', { exact: true }).fill('13900001111');
    await dialog.getByRole('button', { name: '保存居民' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(residents.field('联系电话')).toContainText('139****1111');
    await page.getByRole('button', { name: '查看完整身份证号' }).click();
    await residents.giveRevealReason('核对身份办理业务');
    await expect(residents.field('身份证号')).toContainText(ZHANG.idNumber);
  });

  test('bad resident input is refused at the field and nothing is saved', async ({
    page,
    desk: { shell, dashboard },
  }) => {
    await page.getByRole('button', { name: '登记新居民' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('身份证号').fill('430104195803151238'); // wrong check digit
    await dialog.getByLabel('联系电话').fill('1381234567'); // 10 digits
    await dialog.getByRole('button', { name: '保存居民' }).click();
    await expect(dialog.getByText('请填写姓名')).toBeVisible();
    await expect(dialog.getByLabel('姓名')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabel('身份证号')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabel('联系电话')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText('校验位不正确，请核对')).toBeVisible();
    await expect(dialog.getByText(/手机号应为 11 位/)).toBeVisible();
    await dialog.getByLabel('姓名').fill('李四');
    await dialog.getByLabel('身份证号').fill('430104199002301234'); // 30 February
    await dialog.getByRole('button', { name: '保存居民' }).click();
    await expect(dialog.getByLabel('身份证号')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText('身份证号中的出生日期不存在，请核对')).toBeVisible();
    await dialog.getByRole('button', { name: '取消' }).click();
    await shell.go('工作台');
    await expect(dashboard.count('登记居民')).toHaveText('0');
  });
});

test('two windows accepting at the same moment never share a tracking number', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const first = await context.newPage();
  await first.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await desk(first).setup.complete();
  await desk(first).intake.open();
  await desk(first).intake.registerResident(ZHANG);
  const second = await context.newPage();
  await second.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await second.goto('./');
  await second.getByLabel('密码或 PIN').fill(ADMIN.pin);
  await second.getByRole('button', { name: '登录' }).click();
  await expect(second.getByRole('heading', { name: '工作台' })).toBeVisible();
  await desk(second).intake.open();

  const numbers: string[] = [];
  for (let round = 0; round < 3; round++) {
    for (const page of [first, second]) {
      const { intake } = desk(page);
      await page.keyboard.press('F2');
      await intake.search.fill('zs');
      await intake.search.press('Enter');
      await intake.pickMatter(1, 'jzdj', '居住登记');
      await intake.allDocumentsReceived();
    }
    // Both save at once.
    await Promise.all([first, second].map((p) => p.keyboard.press('Control+Enter')));
    for (const page of [first, second]) numbers.push((await desk(page).intake.trackingNumber(1).textContent()) ?? '');
  }
  expect(numbers).toHaveLength(6);
  expect(new Set(numbers).size).toBe(6);
  expect(numbers.every((n) => /^THL-20261124-01000[1-6]$/.test(n))).toBe(true); // desk 1, Nos. 1–6
  await context.close();
});

test.describe('a desk of its center', () => {
  test('set up as desk 3: its numbers carry 03, on the receipt too; a bad number is refused at the field; an admin renumbers it in 设置', async ({
    page,
    desk,
  }) => {
    await page.clock.setFixedTime(new Date('2026-09-30T10:15:00+08:00'));
    await page.goto('./');
    // A number out of range is refused at its field, in Chinese.
    await page.getByLabel('社区名称').fill('桃花岭社区');
    await page.getByLabel('社区代码').fill('THL');
    await page.getByLabel('常住人口').fill('8600');
    await page.getByLabel('服务中心电话').fill('0731-88886666');
    await page.getByLabel('本机窗口号').fill('100');
    await desk.setup.next();
    await expect(page.getByText('窗口号应为 1～99 的整数')).toBeVisible();
    await desk.setup.complete({ desk: { no: '3', name: '后台' } });

    const { intake } = desk;
    await intake.open();
    await intake.registerResident(ZHANG);
    await intake.pickMatter(1, 'dyzz', '党员组织关系转接');
    await intake.allDocumentsReceived();
    await page.keyboard.press('Control+Enter');
    await expect(intake.trackingNumber(1)).toHaveText('THL-20260930-030001');
    const receipt = await intake.previewReceipt('受理回执');
    await expect(receipt.locator('body')).toContainText('THL-20260930-030001');
    await expect(receipt.locator('svg').first()).toBeVisible(); // the QR code of that number

    // 设置 → 本机设置: the desk as set up; the admin renumbers it (the desk is alone).
    await page.keyboard.press('Alt+9');
    await desk.settings.tab('本机设置');
    const form = page.getByRole('form', { name: '本机窗口' });
    await expect(form).toContainText('窗口号 3（后台）');
    await form.getByLabel('本机窗口号').fill('4');
    await form.getByRole('button', { name: '保存窗口号' }).click();
    await expect(form.getByRole('status')).toContainText('窗口号已保存');
    await expect(form).toContainText('窗口号 4（后台）');

    // The next number is desk 4's.
    await intake.open();
    await intake.registerResident({ name: '欧阳秀兰', idNumber: '430104196211082041', phone: '13974561230' });
    await intake.pickMatter(1, 'dyzz', '党员组织关系转接');
    await intake.allDocumentsReceived();
    await page.keyboard.press('Control+Enter');
    await expect(intake.trackingNumber(1)).toHaveText('THL-20260930-040001');
  });
});
