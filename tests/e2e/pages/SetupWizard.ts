import { expect, type Page } from '@playwright/test';
import { acceptPledgeIfShown } from './SignInPage';

export const COMMUNITY = { name: '桃花岭社区', code: 'THL', population: '8600', phone: '0731-88886666' };
export const ADMIN = { name: '王秀英', pin: '246810' };

/** 设置向导: the first run on a new machine. */
export class SetupWizard {
  constructor(private readonly page: Page) {}

  /**
   * Runs the wizard through to the 工作台 (community THL, desk 1 or `desk`, grids 第一/二/三网格,
   * admin 王秀英 — or the `grids` and `adminName` given; 所属街道 `street` if given), accepting the admin's 保密承诺 on the way;
   * `{ pledge: 'leave' }` stops at the pledge.
   */
  async complete(
    o: {
      pledge?: 'accept' | 'leave';
      desk?: { no: string; name: string };
      grids?: readonly string[];
      adminName?: string;
      street?: string;
    } = {},
  ): Promise<void> {
    const { page } = this;
    await page.goto('./');
    await expect(page.getByRole('heading', { name: '设置向导' })).toBeVisible();
    await page.getByLabel('社区名称').fill(COMMUNITY.name);
    await page.getByLabel('社区代码').fill(COMMUNITY.code);
    // This machine's desk: 1, 一号窗口 unless the test names another.
    await expect(page.getByLabel('本机窗口号')).toHaveValue('1');
    await expect(page.getByLabel('本机窗口名称')).toHaveValue('一号窗口');
    if (o.desk) {
      await page.getByLabel('本机窗口号').fill(o.desk.no);
      await page.getByLabel('本机窗口名称').fill(o.desk.name);
    }
    await page.getByLabel('常住人口').fill(COMMUNITY.population);
    await page.getByLabel('服务中心电话').fill(COMMUNITY.phone);
    if (o.street) await page.getByLabel('所属街道').fill(o.street);
    await this.next();
    await page.getByLabel('网格名称（每行一个）').fill((o.grids ?? ['第一网格', '第二网格', '第三网格']).join('\n'));
    await this.next();
    await page.getByLabel('管理员姓名').fill(o.adminName ?? ADMIN.name);
    await page.getByLabel('密码或 PIN', { exact: true }).fill(ADMIN.pin);
    await page.getByLabel('再次输入密码或 PIN').fill(ADMIN.pin);
    await page.getByRole('button', { name: '完成设置' }).click();
    // The admin's first sign-in: the 保密承诺 comes first.
    if (o.pledge === 'leave') return;
    await acceptPledgeIfShown(page);
    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: '下一步' }).click();
  }
}
