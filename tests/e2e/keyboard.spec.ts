import type { Page } from '@playwright/test';
import { expect, test, type Desk } from './pages';
import { capturePrints, printedDocuments } from './support/printCapture';

/** The keyboard, counting the clerk's actions: a key (or chord) is one, a typed word is one. */
function countedKeyboard(page: Page) {
  let actions = 0;
  return {
    press: (key: string) => (actions++, page.keyboard.press(key)),
    type: (text: string) => (actions++, page.keyboard.type(text)),
    get actions() {
      return actions;
    },
  };
}

/** A registration in progress: a resident chosen and 诉求内容 typed, nothing saved. */
async function halfFilledForm(page: Page, setup: Desk['setup'], intake: Desk['intake']): Promise<void> {
  await setup.complete();
  await intake.open();
  await intake.registerResident({ name: '单一', phone: '13900001111' });
  await page.getByRole('textbox', { name: '诉求内容' }).fill('咨询居住证');
}

test('a returning resident is served start to finish from the keyboard', async ({ page, desk: { setup, intake } }) => {
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await capturePrints(page);
  await setup.complete();
  await page.keyboard.press('Alt+2');
  await intake.registerResident({ name: '曾小红', phone: '13987654321' });
  // A slow office PC (CPU ×6): the keystrokes come faster than the app renders, and none is lost.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.keyboard.press('F2');

  // F3 → type initials (曾 read as a surname: zeng → z) → Enter picks the first hit.
  await page.keyboard.press('F3');
  await page.keyboard.type('zxh');
  await expect(page.getByRole('list', { name: '查找结果' })).toContainText('曾小红');
  await page.keyboard.press('Enter');
  await expect(intake.selectedResident).toContainText('曾小红');

  // A phone call: F4 steps the channel without leaving the keyboard.
  await page.keyboard.press('F4');
  await expect(page.getByRole('radio', { name: '来电' })).toBeChecked();

  // Focus is now in the matter box: type pinyin initials, Enter takes the highlighted one.
  await page.keyboard.type('jzdj');
  await expect(page.getByRole('option', { name: /^居住登记/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: '事项 1' })).toHaveValue('居住登记');
  // The focus moves on to the documents: Enter ticks them all — and never saves.
  await expect(page.getByRole('button', { name: '材料全部收齐' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(intake.result).toHaveCount(0);
  await page.keyboard.press('Control+Enter');
  await expect(intake.trackingNumber(1)).toHaveText('THL-20261124-010001');
  await expect(page.getByRole('button', { name: '打印办结回执' })).toContainText('Ctrl+P');

  await page.keyboard.press('Control+p');
  await expect(page.getByRole('status').filter({ hasText: '已送打印' })).toBeVisible();
  await page.keyboard.press('F2');
  await expect(intake.search).toBeFocused();

  // Issue 25 item 21: she comes back for the same 即办. From the 工作台 to the print call in at most
  // 6 actions: F2 → initials → Enter (her recent matters open, newest first) → Shift+Enter (takes
  // the first with every document received: the clerk has checked the originals) → Ctrl+Enter → Ctrl+P.
  // No waiting between the keys after the search: an Enter before her matters are read still counts.
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  const keys = countedKeyboard(page);
  await keys.press('F2');
  await keys.type('zxh');
  await expect(page.getByRole('list', { name: '查找结果' })).toContainText('曾小红');
  await keys.press('Enter');
  await keys.press('Shift+Enter');
  await expect(page.getByRole('combobox', { name: '事项 1' })).toHaveValue('居住登记');
  const documents = page.getByLabel('事项 1 所需材料').getByRole('checkbox');
  await expect(documents.first()).toBeChecked();
  for (const box of await documents.all()) await expect(box).toBeChecked();
  await keys.press('Control+Enter');
  await expect(intake.trackingNumber(1)).toHaveText('THL-20261124-010002');
  await keys.press('Control+p');
  await expect(page.getByRole('status').filter({ hasText: '已送打印' })).toBeVisible();
  const printed = await printedDocuments(page);
  expect(printed).toHaveLength(2);
  expect(printed[1]).toContain('THL-20261124-010002');
  expect(printed[1]).toContain('办结回执');
  expect(keys.actions).toBeLessThanOrEqual(6);
});

test('F2 then F3 in the same instant: a new registration, the search focused, nothing lost', async ({
  page,
  desk: { setup, intake },
}) => {
  await halfFilledForm(page, setup, intake);
  // Both presses reach the app before React renders once (one task): the first still counts.
  await page.evaluate(() => {
    for (const key of ['F2', 'F3']) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
  await expect(intake.search).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: '上一份未保存的登记已放弃' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '诉求内容' })).toHaveValue('');
});

test('F3 with a resident chosen brings the search back and keeps the rest of the form', async ({
  page,
  desk: { setup, intake },
}) => {
  await halfFilledForm(page, setup, intake);
  await page.keyboard.press('F3');
  await expect(intake.search).toBeFocused();
  await expect(intake.selectedResident).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: '诉求内容' })).toHaveValue('咨询居住证');
  await page.keyboard.type('13900001111');
  await expect(page.getByRole('list', { name: '查找结果' })).toContainText('单一');
});
