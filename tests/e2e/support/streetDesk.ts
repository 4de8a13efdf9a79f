/**
 * A street office's desk in Chromium (issue 27): set up through the setup wizard as 街道, its
 * accounts, and the report package files it imports — made by the real export code (the generated
 * tiny desk's week, re-addressed and written by `writePackage`: tests/fixtures/streetPackages.ts),
 * written to files in the test's output folder. Shared by the street specs (summary, whistle).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { acceptPledgeIfShown } from '../pages/SignInPage';
import { packageText, type PackageAddress } from '../../fixtures/streetPackages';

export const STREET = { name: '岳麓街道', code: 'YLJD' };
/** Names no generated resident has (the privacy scan looks for residents' names). */
export const STREET_ADMIN = { name: '欧阳街管', pin: '246810' };
export const STREET_CLERK = { name: '司马街员', pin: '135790' };

/** Runs the setup wizard as a street office, to its first screen (社区名单), the admin signed in. */
export async function setUpStreetDesk(page: Page, street = STREET): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: '设置向导' })).toBeVisible();
  await page.getByRole('radio', { name: /^街道/ }).check();
  await page.getByLabel('街道名称').fill(street.name);
  await page.getByLabel('街道代码').fill(street.code);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('管理员姓名').fill(STREET_ADMIN.name);
  await page.getByLabel('密码或 PIN', { exact: true }).fill(STREET_ADMIN.pin);
  await page.getByLabel('再次输入密码或 PIN').fill(STREET_ADMIN.pin);
  await page.getByRole('button', { name: '完成设置' }).click();
  await acceptPledgeIfShown(page);
  await expect(page.getByRole('heading', { name: '社区名单' })).toBeVisible();
}

/** 设置 → 工作人员 → 添加工作人员 (a street offers street roles only). */
export async function addStreetStaff(
  page: Page,
  who: { name: string; pin: string },
  role: '街道管理员' | '街道工作人员',
): Promise<void> {
  await page.keyboard.press('Alt+5');
  await page.getByRole('tab', { name: '工作人员' }).click();
  await page.getByRole('button', { name: '添加工作人员' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill(who.name);
  await expect(dialog.getByLabel('角色').locator('option')).toHaveText(['街道管理员', '街道工作人员']);
  await dialog.getByLabel('角色').selectOption(role);
  await dialog.getByLabel('密码或 PIN', { exact: true }).fill(who.pin);
  await dialog.getByLabel('再次输入密码或 PIN').fill(who.pin);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(who.name) })).toContainText(role);
}

/** Writes each package (by the real writer) to `dir/<fileName>`; returns the paths in order. */
export async function writePackageFiles(
  dir: string,
  files: readonly (PackageAddress & { fileName: string; edit?: (text: string) => string })[],
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const f of files) {
    const text = await packageText(f);
    const p = path.join(dir, f.fileName);
    await writeFile(p, f.edit ? f.edit(text) : text, 'utf8');
    paths.push(p);
  }
  return paths;
}
