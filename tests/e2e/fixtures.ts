/**
 * Page helpers shared by e2e tests: they act the way a clerk does (labels and roles in
 * Chinese) and wait on what the app shows, never on sleeps.
 */
import { expect, type Page } from '@playwright/test';

export const COMMUNITY = { name: '桃花岭社区', code: 'THL', population: '8600', phone: '0731-88886666' };
export const ADMIN = { name: '王秀英', pin: '246810' };

/** Runs the first-run wizard through to the 工作台. */
export async function completeSetup(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: '设置向导' })).toBeVisible();
  await page.getByLabel('社区名称').fill(COMMUNITY.name);
  await page.getByLabel('社区代码').fill(COMMUNITY.code);
  await page.getByLabel('常住人口').fill(COMMUNITY.population);
  await page.getByLabel('服务中心电话').fill(COMMUNITY.phone);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('网格名称（每行一个）').fill('第一网格\n第二网格\n第三网格');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('管理员姓名').fill(ADMIN.name);
  await page.getByLabel('密码或 PIN', { exact: true }).fill(ADMIN.pin);
  await page.getByLabel('再次输入密码或 PIN').fill(ADMIN.pin);
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
}

export async function signIn(page: Page, name: string, pin: string, role = '站长/管理员'): Promise<void> {
  await expect(page.getByRole('form', { name: '登录' })).toBeVisible();
  await page.getByLabel('值班人员', { exact: true }).selectOption({ label: `${name}（${role}）` });
  await page.getByLabel('密码或 PIN').fill(pin);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Five wrong PINs in a row, each refusal read before the next try (as a person would). */
export async function failSignInFiveTimes(page: Page, name: string): Promise<void> {
  for (let i = 1; i <= 4; i++) {
    await signIn(page, name, '135799');
    await expect(page.getByRole('alert')).toHaveText(`密码或 PIN 不正确，还可再试 ${5 - i} 次`);
  }
  await signIn(page, name, '135799');
  await expect(page.getByRole('alert')).toContainText('连续 5 次密码错误，账号已临时锁定');
}

export type ResidentForm = { name: string; idNumber?: string; phone?: string };

/** From the 来访登记 page: open 登记新居民, fill it and save; the resident becomes selected. */
export async function registerResidentAtCounter(page: Page, r: ResidentForm): Promise<void> {
  await page.getByRole('button', { name: '登记新居民' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill(r.name);
  if (r.idNumber) await dialog.getByLabel('身份证号').fill(r.idNumber);
  if (r.phone) await dialog.getByLabel('联系电话').fill(r.phone);
  await dialog.getByRole('button', { name: '保存居民' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel('已选居民')).toContainText(r.name);
}

/** Picks a matter by typing into the matter box (as a clerk does) and choosing the option. */
export async function pickMatter(page: Page, index: number, query: string, name: string): Promise<void> {
  const box = page.getByRole('combobox', { name: `事项 ${index}` });
  await box.fill(query);
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
}

/** Settings → 工作人员 → 添加工作人员 (as an admin). */
export async function addClerk(page: Page, name: string, pin: string): Promise<void> {
  await page.keyboard.press('Alt+9');
  await page.getByRole('tab', { name: '工作人员' }).click();
  await page.getByRole('button', { name: '添加工作人员' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill(name);
  await dialog.getByLabel('密码或 PIN', { exact: true }).fill(pin);
  await dialog.getByLabel('再次输入密码或 PIN').fill(pin);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
}

/** Signs out and signs in as someone else, landing on the 工作台. */
export async function switchUser(page: Page, name: string, pin: string, role: string): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, name, pin, role);
  await expect(page.getByLabel('当前值班人员')).toHaveText(`${name}（${role}）`);
}
