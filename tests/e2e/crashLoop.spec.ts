/**
 * Crash loop (issue 22 items 11 and 15): Debian's Chromium runs as a CHILD process on one
 * persistent profile, on the built web app; through the UI a clerk registers visits, acts on
 * cases (开始办理, 办结) and hands a 帮代办 case's document over (收取, 移交 to a colleague), and
 * Chromium is killed with SIGKILL at a moment drawn from a seeded RNG — at random, a few ms
 * after the UI confirmed a save, or a few ms after a save was clicked. After each kill Chromium
 * starts again on the same profile and, before anyone signs in, the page reads IndexedDB and the
 * wipe-detection record: every action the UI showed as done must be there, nothing half-written
 * (tests/crash/checker.ts), the record never ahead of the data (no false 数据丢失), and how far
 * it is behind is counted (the record's lag). After sign-in the 数据丢失 screen must not show. At
 * the end a case is really deleted and the screen must show.
 *
 * CRASH_KILLS (default 20) sets the number of kills, CRASH_SEED replays a run (the seed is
 * printed first). Counts are printed at the end: kills, actions verified, records checked, lag.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, desk } from './pages';
import { checkDesk, readAllTables, type ConfirmedAction } from '../crash/checker';
import { killChild, launchChild, sigkill, type RunningChromium } from '../crash/chromiumChild';
import { startWindowProbe, windowProbeResult } from '../crash/recordWindow';
import { prng } from '../../bench/data/random';
import { TRANSIENT_TABLES } from '../../renderer/src/db/dataScope';

const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CLERK = { name: '李明', pin: '864209' };

const SURNAMES = '张王李赵刘陈杨黄周吴';
const DIGITS = '零一二三四五六七八九';
/** A resident name per number: 张一二 … (unique, Chinese, no personal data). */
const residentName = (n: number) => SURNAMES[n % 10]! + [...String(n)].map((d) => DIGITS[Number(d)]).join('') + '民';

type Moment =
  | { kind: 'random'; afterMs: number }
  | { kind: 'afterSave'; nth: number; ms: number }
  | { kind: 'duringSave'; nth: number; ms: number };

/** Kills the child at the drawn moment; the workload reports its saves. */
class Killer {
  private clicks = 0;
  private confirms = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  killedAt: string | null = null;
  constructor(
    private readonly c: RunningChromium,
    readonly moment: Moment,
  ) {
    if (moment.kind === 'random') this.timer = setTimeout(() => this.kill('random'), moment.afterMs);
  }
  kill(why: string): void {
    if (this.killedAt) return;
    this.killedAt = why;
    clearTimeout(this.timer);
    sigkill(this.c);
  }
  get killed(): boolean {
    return this.killedAt !== null;
  }
  /** A save button was just clicked. */
  clicked(): void {
    this.clicks += 1;
    const m = this.moment;
    if (m.kind === 'duringSave' && this.clicks === m.nth) this.timer = setTimeout(() => this.kill('duringSave'), m.ms);
  }
  /** The UI just showed a save as done. */
  confirmed(): void {
    this.confirms += 1;
    const m = this.moment;
    if (m.kind === 'afterSave' && this.confirms === m.nth) this.timer = setTimeout(() => this.kill('afterSave'), m.ms);
  }
}

type Ctx = { page: Page; killer: Killer; confirmed: ConfirmedAction[]; next: () => number };

/** 来访登记: a new resident, one matter; returns its tracking number once the UI shows it. */
async function register(x: Ctx, proxy: boolean): Promise<string> {
  const { page, killer } = x;
  const d = desk(page);
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  const n = x.next();
  const name = residentName(n);
  await page.getByRole('button', { name: '登记新居民' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill(name);
  await dialog.getByLabel('联系电话').fill(`1390000${String(n).padStart(4, '0')}`);
  await dialog.getByRole('button', { name: '保存居民' }).click();
  killer.clicked();
  await expect(d.intake.selectedResident).toContainText(name);
  killer.confirmed();
  if (proxy) {
    await d.intake.pickMatter(1, 'gljt', '高龄津贴申请');
    await d.intake.matter(1).getByRole('radio', { name: '帮代办' }).check();
  } else {
    await d.intake.pickMatter(1, 'dyzz', '党员组织关系转接');
    await d.intake.allDocumentsReceived();
  }
  await d.intake.save();
  killer.clicked();
  const trackingNumber = (await d.intake.trackingNumber(1).textContent({ timeout: 20_000 }))?.trim() ?? '';
  expect(trackingNumber).toMatch(/^THL-\d{8}-\d{4,}$/);
  x.confirmed.push({ kind: 'registration', trackingNumber, residentName: name });
  killer.confirmed();
  await page.getByRole('link', { name: '查看办件' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`办件 ${trackingNumber}`) })).toBeVisible();
  return trackingNumber;
}

/** A case action through its dialog, confirmed when the status shows its result. */
async function caseAction(x: Ctx, trackingNumber: string, action: '开始办理' | '办结', status: string): Promise<void> {
  const { page, killer } = x;
  const cases = desk(page).cases;
  const dialog = await cases.start(action);
  if (action === '办结') {
    await dialog.getByLabel('办理结果').fill('已办理完毕');
    await dialog.getByRole('radio', { name: '电话' }).check();
  }
  await dialog.getByRole('button', { name: `确定${action}` }).click();
  killer.clicked();
  await expect(dialog).toHaveCount(0);
  await expect(cases.status).toHaveText(status);
  x.confirmed.push({ kind: 'caseAction', trackingNumber, action });
  killer.confirmed();
}

/** 帮代办: the first document collected, then handed to the colleague. */
async function handOver(x: Ctx, trackingNumber: string): Promise<void> {
  const { page, killer } = x;
  const panel = page.getByRole('region', { name: '材料交接' });
  await panel.getByRole('button', { name: '收取材料' }).click();
  const collect = page.getByRole('dialog', { name: '收取材料' });
  const document = await collect.getByLabel('材料名称').inputValue();
  expect(document).not.toBe('');
  await collect.getByRole('button', { name: '登记收取' }).click();
  killer.clicked();
  await expect(collect).toHaveCount(0);
  const table = panel.getByRole('table', { name: '材料及保管人' });
  await expect(table).toContainText(document);
  x.confirmed.push({ kind: 'custody', trackingNumber, type: '收取', document });
  killer.confirmed();
  await panel.getByRole('button', { name: '移交' }).click();
  const hand = page.getByRole('dialog', { name: '移交' });
  await hand.getByLabel('接收人').selectOption({ label: CLERK.name });
  await hand.getByRole('button', { name: '移交' }).click();
  killer.clicked();
  await expect(hand).toHaveCount(0);
  await expect(table).toContainText(CLERK.name);
  x.confirmed.push({ kind: 'custody', trackingNumber, type: '移交', document });
  killer.confirmed();
}

/** What the page reads before anyone signs in: every table, and the wipe-detection record. */
async function readBack(page: Page) {
  const tables = await page.evaluate(readAllTables, 'duty-desk');
  const record = await page.evaluate(async () => {
    type Rec = { updatedAt: number; counts: Record<string, number> };
    const parse = (t: string | null | undefined) => {
      try {
        return JSON.parse(t ?? 'null') as Rec | null;
      } catch {
        return null;
      }
    };
    const local = parse(localStorage.getItem('duty-desk.integrity'));
    let file: Rec | null = null;
    try {
      const dir = await navigator.storage.getDirectory();
      file = parse(await (await (await dir.getFileHandle('duty-desk-integrity.json')).getFile()).text());
    } catch {
      /* no file (before the record moved to OPFS) */
    }
    if (!file || !local) return file ?? local;
    return local.updatedAt > file.updatedAt ? local : file;
  });
  return { tables, record };
}

test('SIGKILL at random moments loses no confirmed action and half-writes nothing', async ({ baseURL }, testInfo) => {
  test.setTimeout(Math.max(900_000, KILLS * 45_000)); // 285 s of 600 with four CPU hogs beside it: keep it under a third
  console.log(`crash loop: seed ${SEED} (replay with CRASH_SEED=${SEED}), ${KILLS} kills`);
  const random = prng(SEED);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  let counter = 0;
  const x0 = () => (counter += 1);
  const windows: number[] = [];
  const profile = await mkdtemp(path.join(os.tmpdir(), 'duty-desk-crash-'));
  const confirmed: ConfirmedAction[] = [];
  const problems: string[] = [];
  const lag = { kills: 0, killsBehind: 0, recordsBehind: 0, worst: 0 };
  const moments: Record<Moment['kind'], number> = { random: 0, afterSave: 0, duringSave: 0 };
  let recordsChecked = 0;
  let actionsVerified = 0;
  const started = Date.now();
  let c = await launchChild(profile, baseURL!);
  try {
    // The desk once: the wizard, the colleague who receives documents.
    const first = desk(c.page);
    await first.setup.complete();
    await first.settings.addClerk(CLERK.name, CLERK.pin);

    for (let kill = 1; kill <= KILLS; kill++) {
      const page = c.page;
      if (kill > 1) await desk(page).signIn.signIn(ADMIN.name, ADMIN.pin);
      await expect(page.getByRole('heading', { name: '本机数据可能已丢失' })).toHaveCount(0);
      const moment: Moment = pick([
        { kind: 'random', afterMs: 100 + Math.floor(random() * 3000) },
        { kind: 'afterSave', nth: 1 + Math.floor(random() * 3), ms: Math.floor(random() * 15) },
        { kind: 'duringSave', nth: 1 + Math.floor(random() * 3), ms: Math.floor(random() * 40) },
      ] as const);
      moments[moment.kind] += 1;
      const killer = new Killer(c, moment);
      const x: Ctx = { page, killer, confirmed, next: x0 };
      // The clerk's work until the kill (Playwright's calls fail once Chromium is gone).
      await (async () => {
        for (let step = 0; step < 6 && !killer.killed; step++) {
          const proxy = random() < 0.4;
          const tn = await register(x, proxy);
          if (proxy) await handOver(x, tn);
          else {
            await caseAction(x, tn, '开始办理', '办理中');
            if (random() < 0.5) await caseAction(x, tn, '办结', '已办结');
          }
        }
      })().catch((e: unknown) => {
        if (!killer.killed) throw e;
      });
      killer.kill('end of work');
      await killChild(c);

      // Restart on the same profile; before anyone signs in, read what survived.
      c = await launchChild(profile, baseURL!);
      await expect(c.page.getByRole('form', { name: '登录' })).toBeVisible();
      const { tables, record } = await readBack(c.page);
      const report = checkDesk(tables, confirmed);
      recordsChecked += report.recordsChecked;
      actionsVerified = report.actionsVerified;
      problems.push(...report.problems.map((p) => `kill ${kill} (${killer.killedAt}): ${p}`));
      lag.kills += 1;
      if (record) {
        let behind = 0;
        const tablesBehind: string[] = [];
        for (const [table, rows] of Object.entries(tables)) {
          const recorded = record.counts[table] ?? 0;
          if (recorded > rows.length)
            problems.push(`kill ${kill}: the record says ${table} ${recorded}, on disk ${rows.length}`);
          if (rows.length > recorded) tablesBehind.push(`${table}+${rows.length - recorded}`);
          behind += Math.max(0, rows.length - recorded);
        }
        console.log(
          `kill ${kill} (${killer.killedAt}, ${((Date.now() - started) / 1000).toFixed(0)} s): ` +
            (behind ? `record behind ${tablesBehind.join(' ')}` : 'record caught up'),
        );
        if (behind > 0) lag.killsBehind += 1;
        lag.recordsBehind += behind;
        lag.worst = Math.max(lag.worst, behind);
      }
      expect(problems, `seed ${SEED}`).toEqual([]);
    }

    // The window that remains: from a registration's commit to its record on disk, in ms.
    const page = c.page;
    await desk(page).signIn.signIn(ADMIN.name, ADMIN.pin);
    const quiet: Ctx = { page, killer: new Killer(c, { kind: 'afterSave', nth: 0, ms: 0 }), confirmed: [], next: x0 };
    for (let i = 0; i < 3; i++) {
      await page.evaluate(startWindowProbe);
      await register(quiet, false);
      await expect.poll(() => page.evaluate(windowProbeResult), { timeout: 40_000 }).not.toBeNull();
      windows.push((await page.evaluate(windowProbeResult))!);
    }

    // A real loss: signed out (nothing writes), the record caught up, one case deleted behind
    // the app's back → at the next start the screen shows.
    await desk(page).shell.signOut();
    await expect(desk(page).signIn.form).toBeVisible();
    await expect
      .poll(async () => {
        const { tables, record } = await readBack(page);
        // Transient desk-local tables (the sync's outbox, 数据冲突, refused documents) are not counted.
        const counted = Object.entries(tables).filter(([t]) => !(TRANSIENT_TABLES as string[]).includes(t));
        return record !== null && counted.every(([t, rows]) => record.counts[t] === rows.length);
      })
      .toBe(true);
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, no) => {
        const r = indexedDB.open('duty-desk');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => no(r.error);
      });
      await new Promise<void>((ok, no) => {
        const tx = db.transaction('cases', 'readwrite');
        const cursor = tx.objectStore('cases').openCursor();
        cursor.onsuccess = () => cursor.result?.delete();
        tx.oncomplete = () => ok();
        tx.onerror = () => no(tx.error);
      });
      db.close();
    });
    await page.reload();
    await expect(page.getByRole('heading', { name: '本机数据可能已丢失' })).toBeVisible();
    await expect(page.getByRole('list', { name: '丢失的记录' })).toContainText('办件');
  } finally {
    await killChild(c).catch(() => undefined);
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
  }
  const summary =
    `crash loop: seed ${SEED}; kills ${lag.kills} (random ${moments.random}, after a save ${moments.afterSave}, ` +
    `during a save ${moments.duringSave}); actions verified ${actionsVerified} (confirmed ${confirmed.length}); ` +
    `records checked ${recordsChecked}; wipe record behind after ${lag.killsBehind} of ${lag.kills} kills, ` +
    `${lag.recordsBehind} records in all, at most ${lag.worst} after one kill`;
  const sorted = [...windows].sort((a, b) => a - b);
  const recordWindow = sorted.some((w) => w < 0)
    ? 'no OPFS record'
    : `${sorted.map((w) => w.toFixed(0)).join(', ')} ms (median ${sorted[1]?.toFixed(0)} ms)`;
  console.log(`${summary}; commit → record on disk: ${recordWindow}`);
  testInfo.annotations.push({ type: 'crash loop', description: `${summary}; record window ${recordWindow}` });
  expect(actionsVerified).toBe(confirmed.length);
});
