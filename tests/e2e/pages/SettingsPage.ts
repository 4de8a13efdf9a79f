import { expect, type Page } from '@playwright/test';

/** 设置: staff, catalog, holidays, community, this machine. */
export class SettingsPage {
  constructor(private readonly page: Page) {}

  async tab(name: '事项目录' | '工作人员' | '节假日安排' | '社区信息' | '数据备份' | '本机设置'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** 工作人员 → 添加工作人员 (as an admin); opens the section first. */
  async addClerk(name: string, pin: string, role: '值班员' | '站长/管理员' | '审计员' = '值班员'): Promise<void> {
    const { page } = this;
    await page.keyboard.press('Alt+9');
    await this.tab('工作人员');
    await page.getByRole('button', { name: '添加工作人员' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill(name);
    if (role !== '值班员') await dialog.getByLabel('角色').selectOption(role);
    await dialog.getByLabel('密码或 PIN', { exact: true }).fill(pin);
    await dialog.getByLabel('再次输入密码或 PIN').fill(pin);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toHaveCount(0);
  }

  /** 工作人员 → 设置工号 of one staff member (the section open). */
  async setStaffNo(name: string, staffNo: string): Promise<void> {
    const { page } = this;
    await page.getByRole('button', { name: `设置工号：${name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '工号' }).fill(staffNo);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toHaveCount(0);
  }
}
