/**
 * Issue 24's join acceptance, measured: a fresh desk joins the center of 2,000 residents and
 * 1,000 cases (tests/sync/centerSeed.ts, bulk-written to a real hub as desk 1 sent it) — where
 * the time goes (the pull into the desk's PouchDB, the upload and push of its own few records,
 * the apply into Dexie overlapping the pull, its tail after it) next to the bare baseline in
 * the same run: the same center pulled into an empty PouchDB of the same page, without Dexie, at
 * the join's batching and at others (BENCH_JOIN_BATCHES, e.g. "500x10,1000x4,2000x2").
 * Prints; asserts only that every record arrived.
 *
 *   npx vite build --config bench/chromium/vite.config.ts
 *   npx vitest run --config bench/vitest.bench.config.ts bench/syncJoin.bench.test.ts
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../tests/chromium';
import { startCpuProfile } from '../tests/e2e/support/cpuProfile';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubConfig } from '../renderer/src/sync/contract';
import { JOIN_PULL } from '../renderer/src/sync/join';
import { centerSeed, writeSeed, type CenterSeed } from '../tests/sync/centerSeed';
import { startHub, type TestHub } from '../tests/sync/hub';
import type { PullBatches } from './chromium/syncBench';
import { CHROMIUM, launch, loadAverage, machine } from './report';

const ROOT = resolve(__dirname, '..');
const VARIANTS: PullBatches[] = (process.env.BENCH_JOIN_BATCHES ?? '500x10,1000x4,2000x2').split(',').map((v) => {
  const [size, limit] = v.split('x').map(Number);
  return { batch_size: size!, batches_limit: limit ?? 1 };
});

let hub: TestHub;
let seed: CenterSeed;
let context: BrowserContext | undefined;
let browser: Browser | undefined;
let dir = '';

beforeAll(async () => {
  hub = await startHub({ users: 2, web: join(ROOT, 'dist/bench') });
  seed = centerSeed();
  await writeSeed(hub.dbUrl, hub.deskAuth(1), seed.docs);
});
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  if (dir) await rm(dir, { recursive: true, force: true });
  await hub?.stop();
});

const config = (n: number): HubConfig => ({ url: hub.dbUrl, ...hub.deskAuth(n), allowPlainHttp: true });
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (docs: number, ms: number) => `${Math.round(docs / (ms / 1000))} docs/s`;
const label = (b: PullBatches) => `${b.batch_size}×${b.batches_limit}`;

/** BENCH_JOIN_PROFILE=1: a CPU profile of the page during the join, its self time summed by function (build with --minify false). */
const PROFILE = process.env.BENCH_JOIN_PROFILE === '1';

/** BENCH_JOIN_INCOGNITO=1: the desk in an incognito context (as the e2e specs open pages), not a profile on disk. */
const INCOGNITO = process.env.BENCH_JOIN_INCOGNITO === '1';

async function openDesk(): Promise<Page> {
  dir = await mkdtemp(join(tmpdir(), 'duty-desk-join-bench-'));
  browser = INCOGNITO ? await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] }) : undefined;
  context = browser ? await browser.newContext() : await launch(dir);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${hub.url}/index.html`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  return page;
}

describe('join benchmark (a real hub, a desk in Chromium)', () => {
  it('a fresh desk joins the center of 2,000 residents and 1,000 cases', async () => {
    console.log(
      `\n## join — ${machine(tmpdir())}; ${INCOGNITO ? 'incognito context' : 'profile on disk'}; load average ${loadAverage()}; ${seed.docs.length} documents`,
    );
    const page = await openDesk();
    await page.evaluate(() => window.bench.sync.fresh(2));
    const bare: string[] = [];
    for (const b of VARIANTS) {
      const r = await page.evaluate(([c, v]) => window.bench.sync.barePull(c, v), [config(2), b] as const);
      bare.push(`bare pull ${label(b)}: ${r.docs} docs in ${secs(r.ms)} (${rate(r.docs, r.ms)})`);
    }
    const profiler = PROFILE ? await startCpuProfile(page) : undefined;
    const down = await page.evaluate((c) => window.bench.sync.join(c), config(2));
    if (profiler) console.log(await profiler.stop());
    expect(down.counts.residents).toBe(seed.data.residents.length);
    expect(down.counts.cases).toBe(seed.data.cases.length);
    const whole = down.joinMs + down.applyMs;
    console.log(
      [
        ...bare,
        `join (pull ${label(JOIN_PULL)}), load average ${loadAverage()}:`,
        `  pull into its PouchDB (Dexie apply overlapping) ${down.pulled} docs in ${secs(down.pullMs)} (${rate(down.pulled, down.pullMs)})`,
        `  upload ${secs(down.uploadMs)}, push ${secs(down.pushMs)}, apply's tail ${secs(down.applyTailMs)}, after the join ${secs(down.applyMs)}`,
        `  whole ${secs(whole)} = ${rate(down.pulled, whole)}`,
      ].join('\n'),
    );
    await page.evaluate(() => window.bench.sync.stop());
  }, 1_200_000);
});
