/**
 * Debian's Chromium as a CHILD process on a persistent profile, driven over CDP: the crash loop
 * holds its PID and kills it with SIGKILL (Playwright's own persistent context hides the PID).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium';

export type RunningChromium = { child: ChildProcess; browser: Browser; page: Page; exited: Promise<void> };

/** Starts Chromium on `profile`, connects, and opens `baseURL` (relative `page.goto` resolves against it). */
export async function launchChild(profile: string, baseURL: string): Promise<RunningChromium> {
  const child = spawn(
    CHROMIUM_PATH,
    [
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      ...CHROMIUM_FLAGS,
      '--no-default-browser-check',
      '--lang=zh-CN',
      '--window-size=1366,850',
      'about:blank',
    ],
    {
      env: { ...process.env, TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8' },
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group, so the renderers it leaves behind can be cleaned up after the kill.
      detached: true,
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    let found = false;
    // Keep draining stderr for the life of the process (a full pipe would stall Chromium).
    child.stderr!.on('data', (chunk: Buffer) => {
      if (found) return;
      seen += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m) {
        found = true;
        resolve(m[1]!);
      }
    });
    void exited.then(() => reject(new Error(`Chromium exited before it listened: ${seen.slice(-500)}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  const goto = page.goto.bind(page);
  page.goto = (url, o) => goto(new URL(url, baseURL).href, o);
  await page.goto('./');
  return { child, browser, page, exited };
}

/** SIGKILL to the browser process (the crash), then to what it left behind (its renderers …). */
export function sigkill(c: RunningChromium): void {
  const pid = c.child.pid!;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* no process left in the group */
  }
}

/** SIGKILL, then wait until the browser process is gone. */
export async function killChild(c: RunningChromium): Promise<void> {
  if (c.child.exitCode === null && c.child.signalCode === null) sigkill(c);
  await c.exited;
}
