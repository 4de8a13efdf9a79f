/**
 * Benchmarks in Debian's Chromium with its real IndexedDB, driven by Playwright: the app's
 * reads on a generated five-year desk next to bare Dexie reads of the same data in the same
 * run (bench/chromium/page.ts), and start-up — (a) a fresh browser process with the persisted
 * profile to a usable sign-in screen, (b) sign-in submit to the 工作台's counts, with the PIN
 * hashing time inside it measured on its own. Prints tables; asserts nothing about time.
 *
 *   npm run bench                 quick: 1/10 of the five-year desk
 *   npm run bench -- --full       1/10, full and 2× (the issue's three sizes)
 *   BENCH_SIZES=tiny BENCH_REPS=3 the CI smoke run (must finish; times not judged)
 *
 * Profiles (the loaded IndexedDB) are cached under bench/.profiles, keyed by the size and a
 * hash of the generator, the domain rules and the schema: a change to any of them reloads.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_PIN, type LoadOptions } from './data/load';
import type { SizeName } from './data/generate';
import { serveStatic, type StaticServer } from './chromium/server';
import { figuresAtSize, recordFigure, recordSamples } from './figures';
import { launch, loadAverage, machine, table } from './report';
import { stats } from './stats';
import { describeActivity, lastSessionActivity } from './leveldbLog';

const ROOT = resolve(__dirname, '..');
const SIZES = (process.env.BENCH_SIZES ?? 'tenth').split(',') as SizeName[];
const REPS = Number(process.env.BENCH_REPS ?? 15);
const STARTS = Number(process.env.BENCH_STARTS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 4390);
/** Only these groups of reads (e.g. `counts`), and nothing else of the run: a quick look at one part. */
const GROUPS = process.env.BENCH_GROUPS?.split(',');

/** A hash of every file the stored data depends on (the generator, the domain rules, the schema and its derived fields). */
function codeHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(name)) h.update(p).update(readFileSync(p));
    }
  };
  for (const dir of ['bench/data', 'shared/domain', 'shared/reports', 'renderer/src/db/upgrades', 'resources/catalog'])
    walk(join(ROOT, dir));
  walk(join(ROOT, 'renderer/src/db/tallies'));
  for (const file of ['database.ts', 'derived.ts', 'searchKeys.ts'])
    h.update(readFileSync(join(ROOT, 'renderer/src/db', file)));
  return h.digest('hex').slice(0, 12);
}

const median = (xs: number[]) => stats(xs).p50;

describe('benchmarks in Chromium (real IndexedDB)', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic({ '/': join(ROOT, 'dist/web'), '/bench/': join(ROOT, 'dist/bench') }, PORT);
  });
  afterAll(async () => server?.close());

  for (const size of SIZES) {
    it(`${size}: reads next to bare reads, and start-up`, async () => {
      figuresAtSize(size);
      const profile = `${size}-${codeHash()}`;
      const profileDir = join(ROOT, 'bench/.profiles', profile);
      console.log(`\n## size ${size} — ${machine(ROOT)}; load average ${loadAverage()}`);

      // --- data and reads, in one browser process ---
      let context = await launch(profileDir);
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${server.url}/bench/index.html`);
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
      const prepared = await page.evaluate(
        ([s, p, l]) => window.bench.prepare(s as SizeName, p as string, JSON.parse(l as string) as LoadOptions),
        [size, profile, process.env.BENCH_LOAD ?? '{}'],
      );
      console.log(
        `data: ${JSON.stringify(prepared.counts)} — ${prepared.cached ? 'cached profile' : `generated and loaded in ${(prepared.loadMs / 1000).toFixed(1)} s (load average after it ${loadAverage()})`}`,
      );
      if (!prepared.cached) {
        console.log(
          `where the time went (s): ${Object.entries(prepared.phases)
            .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)}`)
            .join(', ')}`,
        );
        const storage = lastSessionActivity(profileDir);
        if (storage) console.log(describeActivity(storage));
      }
      // The data the app's validators accept (every status needs the 1/10 desk or more).
      if (size === 'tiny' || size === 'tenth')
        expect(await page.evaluate((every) => window.bench.check(every), size !== 'tiny')).toEqual([]);
      const samples = await page.evaluate(([reps, groups]) => window.bench.run(reps, 2, groups), [
        REPS,
        GROUPS,
      ] as const);
      for (const group of GROUPS ?? ['search', 'queue', 'counts', 'proxy', 'lists', 'duty', 'record', 'export'])
        console.log(
          table(
            `${group} (${group === 'export' ? Math.min(REPS, 5) : REPS} interleaved runs each)`,
            samples.filter((s) => s.group === group),
          ),
        );
      if (GROUPS) return void (await context.close());
      // --- 居民台账导入: a ledger file read, checked and saved, next to a bare bulkAdd ---
      const rows = size === 'tiny' ? 500 : 10_000;
      const imp = await page.evaluate((n) => window.bench.importRun(n), rows);
      const total = imp.readMs + imp.saveMs;
      console.log(
        `\nresident import (${imp.rows} rows, ${imp.created} saved, ${imp.rejected} refused)\n` +
          `read + check ${(imp.readMs / 1000).toFixed(1)} s, save ${(imp.saveMs / 1000).toFixed(1)} s, total ${(total / 1000).toFixed(1)} s ` +
          `= ${Math.round(imp.rows / (total / 1000))} rows/s (target: 10,000 rows under 30 s); ` +
          `bare bulkAdd of as many records ${(imp.bareMs / 1000).toFixed(2)} s (ratio ${(total / imp.bareMs).toFixed(1)})`,
      );
      recordFigure({
        name: `居民台账导入 ${imp.rows} 行`,
        p50: total,
        p95: total,
        baseP50: imp.bareMs,
        baseP95: imp.bareMs,
      });
      expect(imp.saved).toBe(imp.created);
      // --- the audit chain on a registration: chain on vs off, interleaved (target ≤ 10 %) ---
      const chain = await page.evaluate(([reps, logRows]) => window.bench.auditChainRun(reps, logRows), [
        Math.max(REPS, 20),
        size === 'tiny' ? 20_000 : 50_000,
      ] as const);
      console.log(
        table(
          `audit chain on a registration (${chain.auditRowsPerRegistration} audit rows each, log of ${chain.logRows} rows)`,
          [
            {
              name: '来访登记 含审计链 (subject) vs 不含 (baseline)',
              group: 'write',
              subject: chain.subject,
              baseline: chain.baseline,
            },
          ],
        ),
      );
      // --- the outbox on a registration: a desk joined to its center vs alone, interleaved ---
      const outbox = await page.evaluate((reps) => window.bench.outboxRun(reps), Math.max(REPS, 20));
      console.log(
        table(`outbox on a registration (${outbox.docsPerRegistration} documents in one outbox row)`, [
          {
            name: '来访登记 已加入中心 (subject) vs 单机 (baseline)',
            group: 'write',
            subject: outbox.subject,
            baseline: outbox.baseline,
          },
        ]),
      );
      await context.close();

      // --- start-up (a): a fresh browser process each time, the persisted profile ---
      const startA: number[] = [];
      const blank: number[] = [];
      const signInB: number[] = [];
      const hashing: number[] = [];
      for (let i = 0; i < STARTS; i++) {
        context = await launch(profileDir);
        const p = context.pages()[0] ?? (await context.newPage());
        // The moment the sign-in screen can take the PIN, noted by the page itself (no polling).
        await p.addInitScript(() => {
          const mark = window as unknown as { signInUsableAt?: number };
          new MutationObserver(() => {
            const pin = document.querySelector<HTMLInputElement>('input[type="password"]');
            if (mark.signInUsableAt === undefined && pin && !pin.disabled) mark.signInUsableAt = performance.now();
          }).observe(document, { subtree: true, childList: true, attributes: true });
        });
        // Baseline: the same fresh process loading a bare page from the same server.
        await p.goto(`${server.url}/blank.html`);
        blank.push(await p.evaluate(() => performance.now()));
        await p.goto(`${server.url}/`);
        await p.getByLabel('密码或 PIN').waitFor();
        startA.push(await p.evaluate(() => (window as unknown as { signInUsableAt: number }).signInUsableAt));
        // (b) sign-in submit → the 工作台's counts on screen.
        await p.getByLabel('值班人员', { exact: true }).selectOption({ label: '王秀英（站长/管理员）' });
        // Typed as a clerk types it (the screens behind sign-in load meanwhile).
        await p.getByLabel('密码或 PIN').pressSequentially(BENCH_PIN, { delay: 120 });
        const t0 = await p.evaluate(() => performance.now());
        await p.getByRole('button', { name: '登录' }).click();
        await p.waitForFunction(() => {
          const cells = [...document.querySelectorAll('[aria-label="今日概况"] p[aria-label]')];
          return cells.length > 0 && cells.every((c) => c.textContent !== '…');
        });
        signInB.push((await p.evaluate(() => performance.now())) - t0);
        // The PIN hashing inside it: the app's KDF (PBKDF2-SHA256, 600,000 iterations) alone.
        hashing.push(
          await p.evaluate(async () => {
            const t = performance.now();
            const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('246810'), 'PBKDF2', false, [
              'deriveBits',
            ]);
            await crypto.subtle.deriveBits(
              { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(16), iterations: 600_000 },
              key,
              256,
            );
            return performance.now() - t;
          }),
        );
        await context.close();
      }
      recordSamples('启动 → 可登录', startA, blank);
      recordSamples(
        '登录 → 工作台 (不含 PIN 计算)',
        signInB.map((ms, i) => ms - (hashing[i] ?? 0)),
      );
      const a = median(startA);
      const b = median(signInB);
      const h = median(hashing);
      console.log(
        [
          `\nstart-up (${STARTS} fresh browser processes, medians)`,
          `(a) navigation → usable sign-in screen   ${a.toFixed(0)} ms  (bare page in the same process: ${median(blank).toFixed(0)} ms; ratio ${(a / median(blank)).toFixed(1)})`,
          `(b) sign-in submit → 工作台 counts         ${b.toFixed(0)} ms  (PIN hashing alone: ${h.toFixed(0)} ms; the rest: ${(b - h).toFixed(0)} ms)`,
        ].join('\n'),
      );
    }, 3_600_000);
  }
});
