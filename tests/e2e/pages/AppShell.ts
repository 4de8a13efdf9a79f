import { expect, type Page } from '@playwright/test';
import { SignInPage } from './SignInPage';

/** Where the desk keeps its lock across a reload (renderer/src/app/deskLock.tsx). */
const LOCK_KEY = 'duty-desk.locked';

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

  /** 锁屏 in the top bar (Ctrl+L does the same). */
  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: '锁屏' }).click();
  }

  /**
   * After the clock was moved on and the page reloaded: the jump may have locked the desk as
   * idle (锁屏) before the reload; the same person's PIN resumes where they were.
   */
  async resumeIfLocked(pin: string): Promise<void> {
    const lock = this.page.getByRole('form', { name: '锁屏' });
    await expect(this.currentStaff.or(lock)).toBeVisible();
    // The idle check runs once a second; seen under load, it locked between a look at the screen
    // and the next step. The check runs at once on `visibilitychange` (as for a PC woken from
    // sleep) and records a lock in sessionStorage before it returns, so this answer is final: the
    // clock is fixed, and the next checks give the same one.
    const locked = await this.page.evaluate((key) => {
      document.dispatchEvent(new Event('visibilitychange'));
      return sessionStorage.getItem(key) !== null;
    }, LOCK_KEY);
    if (locked) {
      await expect(lock).toBeVisible();
      await lock.getByLabel('密码或 PIN').fill(pin);
      await lock.getByRole('button', { name: '解锁' }).click();
    }
    await expect(this.currentStaff).toBeVisible();
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
