import { expect, type Page } from '@playwright/test';
import { SignInPage } from './SignInPage';

/** The nine sections, in Alt+1 … Alt+9 order. */
export const SECTIONS = [
  '工作台',
  '来访登记',
  '办件',
  '帮代办',
  '联席会议',
  '统计报表',
  '居民',
  '值班',
  '设置',
] as const;
export type SectionName = (typeof SECTIONS)[number];

/** The signed-in frame: top bar, the nine sections, sign-out. */
export class AppShell {
  constructor(private readonly page: Page) {}

  /** Goes to a section from the keyboard, as a clerk does (Alt+n works from every section). */
  async go(section: SectionName): Promise<void> {
    await this.page.keyboard.press(`Alt+${SECTIONS.indexOf(section) + 1}`);
  }

  get currentStaff() {
    return this.page.getByLabel('当前值班人员');
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: '退出登录' }).click();
  }

  /** Signs out and signs in as someone else, landing on the 工作台. */
  async switchUser(name: string, pin: string, role: string): Promise<void> {
    await this.signOut();
    await new SignInPage(this.page).signIn(name, pin, role);
    await expect(this.currentStaff).toHaveText(`${name}（${role}）`);
  }
}
