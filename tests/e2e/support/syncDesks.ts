/**
 * Desks of one center for the sync e2e tests (issue 24): each desk is its own browser context (a
 * profile with its own IndexedDB) on the test hub's origin — the hub serves the web build, so
 * `connect-src 'self'` reaches it — set up and joined through 设置 → 多窗口同步, and the steps
 * the two-desk journeys share (accept a case, set an arrived account's PIN, edit a phone).
 * Every step waits on what the screen shows.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { TestHub } from '../../sync/hub';
import { desk, expect, type Desk } from '../pages';

/** One open desk: its browser context, its page and the page models. */
export type OpenDesk = { context: BrowserContext; page: Page; d: Desk };

/** A desk: its own browser profile on the hub's origin, set up (desk `no`, named `name`; desk 1 is the wizard's 一号窗口), not joined. */
export async function newDesk(browser: Browser, hub: TestHub, no: number, name = `${no}号窗口`): Promise<OpenDesk> {
  const context = await browser.newContext({ baseURL: `${hub.url}/` });
  const page = await context.newPage();
  const d = desk(page);
  await d.setup.complete(no === 1 ? {} : { desk: { no: String(no), name } });
  return { context, page, d };
}

/** A desk set up (newDesk) and joined through the UI. */
export async function openDesk(browser: Browser, hub: TestHub, no: number, name = `${no}号窗口`): Promise<OpenDesk> {
  const open = await newDesk(browser, hub, no, name);
  await open.d.sync.join({ url: hub.dbUrl, ...hub.deskAuth(no), allowPlainHttp: true });
  await expect(open.d.sync.status).toBeVisible();
  return open;
}

let phones = 0;

/** Accepts a 即办-free 承诺件 for a new resident; returns its tracking number (the case page open). */
export async function acceptCase({ page, d }: OpenDesk, name: string): Promise<string> {
  phones += 1;
  await d.intake.acceptAndOpen(
    { name, phone: `1390000${String(phones).padStart(4, '0')}` },
    'dyzz',
    '党员组织关系转接',
  );
  const heading = page.getByRole('heading', { name: /^办件 / });
  await expect(heading).toBeVisible();
  return /办件 (\S+)/.exec((await heading.textContent()) ?? '')![1]!;
}

/**
 * A staff account arrived from another desk without its PIN (verifiers stay on their desk): this
 * desk's admin sets it once (设置 → 工作人员 → 重置密码).
 */
export async function setPinHere({ page }: OpenDesk, name: string, pin: string): Promise<void> {
  await page.keyboard.press('Alt+9');
  await page.getByRole('tab', { name: '工作人员' }).click();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.getByRole('button', { name: '重置密码' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('新密码或 PIN', { exact: true }).fill(pin);
  await dialog.getByLabel('再次输入新密码或 PIN').fill(pin);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
}

/** 居民 → the resident → 修改居民信息: a new phone (revealed first, for 联系居民), saved. */
export async function editPhone({ page, d }: OpenDesk, name: string, phone: string): Promise<void> {
  await d.shell.go('居民');
  await d.residents.openRecent(name);
  await page.getByRole('button', { name: '修改居民信息' }).click();
  const dialog = page.getByRole('dialog', { name: '修改居民信息' });
  await dialog.getByRole('button', { name: '修改联系电话' }).click();
  await d.residents.giveRevealReason('联系居民');
  await dialog.getByLabel('联系电话', { exact: true }).fill(phone);
  await dialog.getByRole('button', { name: '保存居民' }).click();
  await expect(dialog).toHaveCount(0);
}

/** 设置 → 同步冲突 or 数据冲突 (the admin's tabs of a joined desk). */
export async function openConflicts({ page }: OpenDesk, tab: '同步冲突' | '数据冲突'): Promise<void> {
  await page.keyboard.press('Alt+9');
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('region', { name: tab })).toBeVisible();
}
