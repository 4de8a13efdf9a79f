/**
 * Issue 24's sync benchmarks: a real hub process (tests/sync/hub.ts: express-pouchdb over
 * pouchdb-node in fullCouchDB mode, set up with desk accounts and the design document) serving
 * the bench page from its own origin, and desks = Chromium processes with profiles of their own
 * (bench/chromium/syncBench.ts is each desk's side). Prints tables; asserts only that the data
 * arrived whole, nothing about time.
 *
 * 1. Initial sync: desk 1 filled by the generator joins (its records go up: the upload's
 *    documents/s), then a fresh desk 2 joins the center of M documents: the pull into its
 *    PouchDB and the apply into Dexie, documents/s — next to the bare baseline, the same pull into
 *    an empty PouchDB in the same page without the apply (once before and once after the join).
 * 2. Propagation: desk 1 registers visits one by one through writeTx; each is timed from its
 *    commit on desk 1 to the moment desk 2's Dexie live query sees it — next to the bare
 *    baseline, one document put into a plain PouchDB on desk 1 until desk 2's plain PouchDB has
 *    it, through the same hub (live sync both, no Dexie, outbox, pump or inbound); interleaved,
 *    alternating who goes first.
 * 3. The hub's disk: the bytes of its data folder once desk 1's whole desk is on it (before desk 2
 *    joins), before and after the center database's compaction.
 * 4. The outbox's cost on a registration (chromium/outboxBench.ts: joined vs alone, interleaved).
 *
 * Issue 28 item 8's goals (the outbox ≤ 1.10× the write without it, a write on the other desk
 * p50 ≤ 0.5 s and p95 ≤ 1 s over BENCH_SYNC_REPS writes — the issue asks for 200 —, a fresh
 * desk's join of the five-year center ≤ 5 minutes at `full`) are judged with every other goal by
 * bench/goals.mjs after the run (`npm run bench`); this file records the figures.
 *
 *   BENCH_SYNC_SIZE  the generated desk (default: the first of BENCH_SIZES, else tenth; `npm run bench --
 *                    --full` sets full); `fresh`:
 *                    desk 1 set up empty (the CI smoke: ~15 s instead of ~45 s at tiny)
 *   BENCH_SYNC_REPS  the propagation's writes of each kind (default: BENCH_REPS, else 40)
 */
import type { BrowserContext, Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubConfig } from '../renderer/src/sync/contract';
import { startHub, type HubAuth, type TestHub } from '../tests/sync/hub';
import type { SizeName } from './data/generate';
import { figuresAtSize, recordFigure } from './figures';
import { folderBytes, launch, loadAverage, machine, table } from './report';
import { stats } from './stats';

const ROOT = resolve(__dirname, '..');
/** `fresh`: desk 1 set up empty (the CI smoke: every step runs, the center holds a few dozen documents). */
const SIZE = (process.env.BENCH_SYNC_SIZE ?? process.env.BENCH_SIZES?.split(',')[0] ?? 'tenth') as SizeName | 'fresh';
const REPS = Number(process.env.BENCH_SYNC_REPS ?? process.env.BENCH_REPS ?? 40);
const WARMUP = 3;
/** The test's limit (it only catches a hang): the full center's generation, upload and join take about an hour. */
const LIMIT = SIZE === 'full' || SIZE === 'double' ? 4 * 3_600_000 : 3_600_000;
const BARE_DB = 'bench-bare';

let hub: TestHub;
const opened: { context: BrowserContext; dir: string }[] = [];

beforeAll(async () => {
  hub = await startHub({ users: 2, web: join(ROOT, 'dist/bench') });
  // The baseline's database: no design document, no validation, the hub admin's.
  const auth = Buffer.from(`${hub.adminAuth.username}:${hub.adminAuth.password}`).toString('base64');
  const made = await fetch(`${hub.apiUrl}/${BARE_DB}`, { method: 'PUT', headers: { authorization: `Basic ${auth}` } });
  if (!made.ok) throw new Error(`the baseline's database: ${made.status}`);
});
afterAll(async () => {
  for (const { context, dir } of opened) {
    await context.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
  await hub?.stop();
});

const config = (n: number): HubConfig => ({ url: hub.dbUrl, ...hub.deskAuth(n), allowPlainHttp: true });

/** A desk: its own Chromium process and profile, the bench page on the hub's origin. */
async function openDesk(): Promise<Page> {
  const dir = await mkdtemp(join(tmpdir(), 'duty-desk-sync-bench-'));
  const context = await launch(dir);
  opened.push({ context, dir });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${hub.url}/index.html`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  return page;
}

/** Waits until everything desk `page` holds is on the hub (bounded; the test's limit catches a hang). */
async function settled(page: Page, n: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await page.evaluate((c) => window.bench.sync.settled(c), config(n))) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`desk ${n} never settled on the hub`);
}

const rate = (docs: number, ms: number) => `${Math.round(docs / (ms / 1000))} docs/s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** The hub's data folder in bytes, then the center database compacted (the hub admin's `_compact`) and again. */
async function hubDisk(): Promise<{ before: number; after: number }> {
  const before = await folderBytes(hub.dir);
  const auth = Buffer.from(`${hub.adminAuth.username}:${hub.adminAuth.password}`).toString('base64');
  const done = await fetch(`${hub.dbUrl}/_compact`, {
    method: 'POST',
    headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
  });
  if (!done.ok) throw new Error(`compaction: ${done.status}`);
  return { before, after: await folderBytes(hub.dir) };
}
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

describe('sync benchmarks (a real hub, desks in Chromium)', () => {
  it(`${SIZE}: initial sync and propagation`, { timeout: LIMIT }, async () => {
    figuresAtSize(SIZE);
    console.log(`\n## sync, size ${SIZE} — ${machine(tmpdir())}; load average ${loadAverage()}`);

    const one = await openDesk();
    // --- 4. the outbox on a registration (its own database in desk 1's page, before any sync) ---
    const outbox = await one.evaluate((reps) => window.bench.outboxRun(reps), Math.max(REPS, 20));
    console.log(
      table(
        `outbox on a registration (${outbox.docsPerRegistration} documents in one outbox row; load average ${loadAverage()})`,
        [
          {
            name: '来访登记 已加入中心 (subject) vs 单机 (baseline)',
            group: 'write',
            subject: outbox.subject,
            baseline: outbox.baseline,
          },
        ],
      ),
    );

    // --- 1. initial sync ---
    const seeded =
      SIZE === 'fresh'
        ? { counts: await one.evaluate(() => window.bench.sync.fresh(1)) }
        : await one.evaluate((s) => window.bench.sync.seed(s as SizeName, 1), SIZE);
    const up = await one.evaluate((c) => window.bench.sync.join(c), config(1));
    await settled(one, 1);
    console.log(
      `desk 1 (${SIZE === 'fresh' ? 'fresh' : 'generated'}, ${JSON.stringify(seeded.counts)}) joined in ${secs(up.joinMs)}: ` +
        `upload of its ${up.uploaded} records into its PouchDB in ${secs(up.uploadMs)} (${rate(up.uploaded, up.uploadMs)}; ` +
        `${up.pouchDocs} documents there), ` +
        `push ${up.pushed} docs in ${secs(up.pushMs)} (${rate(up.pushed, up.pushMs)})`,
    );

    // --- 3. the hub's disk with desk 1's whole desk on it (before desk 2: at full, its figure comes an hour sooner) ---
    const disk = await hubDisk();
    console.log(
      `\nhub's disk (desk 1's ${up.pouchDocs} documents): ${mib(disk.before)} (${disk.before} bytes), ` +
        `after compaction ${mib(disk.after)} (${disk.after} bytes)`,
    );

    const two = await openDesk();
    const own = await two.evaluate(() => window.bench.sync.fresh(2));
    // The baseline first: the hub's files are as warm for it as for the join (desk 1's push just wrote them).
    const bare = await two.evaluate((c) => window.bench.sync.barePull(c), config(2));
    const down = await two.evaluate((c) => window.bench.sync.join(c), config(2));
    // Desk 2 shows the center: every record of desk 1 (desk 2's own set-up adds none of these)…
    for (const table of ['residents', 'visits', 'cases', 'caseEvents'] as const)
      expect(down.counts[table], table).toBe(seeded.counts[table]);
    // …and its audit log: desk 1's rows beside its own.
    expect(down.counts.auditLog).toBeGreaterThanOrEqual(seeded.counts.auditLog + own.auditLog);
    const pullApply = down.pullMs + down.applyMs;
    recordFigure({
      name: `新窗口加入中心 (${down.pulled} docs)`,
      p50: pullApply,
      p95: pullApply,
      baseP50: bare.ms,
      baseP95: bare.ms,
    });
    console.log(
      [
        `\ninitial sync: a fresh desk joins a center of ${down.centerDocs} documents (load average ${loadAverage()})`,
        `pull into its PouchDB  ${down.pulled} docs in ${secs(down.pullMs)} (${rate(down.pulled, down.pullMs)})`,
        `apply into Dexie       ${secs(down.applyMs)} (${rate(down.pulled, down.applyMs)})`,
        `pull + apply           ${secs(pullApply)} = ${rate(down.pulled, pullApply)}  (whole join + apply ${secs(down.joinMs + down.applyMs)})`,
        `bare pull, no Dexie    ${bare.docs} docs in ${secs(bare.ms)} (${rate(bare.docs, bare.ms)}); ratio pull + apply / bare ${(pullApply / bare.ms).toFixed(1)}`,
        `desk 2 holds ${JSON.stringify(down.counts)}`,
      ].join('\n'),
    );

    // --- 2. propagation: desk 1 writes, desk 2 sees it ---
    await two.evaluate(() => window.bench.sync.watch());
    const bareAuth: HubAuth = hub.adminAuth;
    for (const page of [one, two])
      await page.evaluate(([url, auth]) => window.bench.sync.bareStart(url, auth), [
        `${hub.apiUrl}/${BARE_DB}`,
        bareAuth,
      ] as const);
    const subject: number[] = [];
    const baseline: number[] = [];
    for (let rep = 0; rep < WARMUP + REPS; rep++) {
      for (const app of rep % 2 === 0 ? [true, false] : [false, true]) {
        const w = await one.evaluate((a) => (a ? window.bench.sync.write() : window.bench.sync.bareWrite()), app);
        const at = await two.evaluate(
          ([a, id]) => (a ? window.bench.sync.arrival(id) : window.bench.sync.bareArrival(id)),
          [app, w.id] as const,
        );
        if (rep >= WARMUP) (app ? subject : baseline).push(at - w.at);
      }
    }
    const s = stats(subject);
    const b = stats(baseline);
    console.log(
      table(`propagation: desk 1's write on desk 2 (${REPS} of each, interleaved; load average ${loadAverage()})`, [
        { name: '来访登记 → 另一窗口的 Dexie (subject)', group: 'sync', subject, baseline },
      ]) +
        `\nmax ${s.max.toFixed(0)} ms (bare ${b.max.toFixed(0)} ms); baseline: one document, plain PouchDB → hub → plain PouchDB`,
    );
    for (const page of [one, two]) await page.evaluate(() => window.bench.sync.stop());
  });
});
