/**
 * What the Chromium benchmarks (chromium.bench.test.ts, sync.bench.test.ts) share on the Node
 * side: Debian's Chromium and its flags, the machine line every run prints, the load average,
 * and the subject-vs-baseline table.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { loadAverage, recordSamples } from './figures';
import type { Samples } from './chromium/page';
import { fmt, stats } from './stats';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
];

/** The CPU, memory, the disk holding `profileDir` and the Chromium version. */
export function machine(profileDir: string): string {
  const cpu = cpus();
  let storage = 'unknown storage';
  try {
    const [source = '', fstype = ''] = execFileSync('findmnt', ['-no', 'SOURCE,FSTYPE', '-T', profileDir], {
      encoding: 'utf8',
    })
      .trim()
      .split(/\s+/);
    const dev = source.replace(/^\/dev\//, '').replace(/p?\d+$/, '');
    let medium = '';
    try {
      medium =
        readFileSync(`/sys/block/${dev}/queue/rotational`, 'utf8').trim() === '0' ? 'SSD/flash' : 'rotating disk';
    } catch {
      medium = 'medium not reported';
    }
    storage = `${source} (${fstype}, ${medium})`;
  } catch {
    /* findmnt missing: left unknown */
  }
  const version = execFileSync(CHROMIUM, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  return `${cpu[0]?.model ?? 'cpu'} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, profile on ${storage}; ${version}`;
}

export { loadAverage };

/** Pads to `width` terminal columns (a Chinese character takes two). */
export function pad(text: string, width: number): string {
  const cols = [...text].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(0, width - cols));
}

/** The rows as a table next to their baselines; each row is recorded for the judge (bench/figures.ts). */
export function table(title: string, rows: Samples[]): string {
  const lines = [`\n${title}`, `${pad('measure', 44)} |  p50 ms  p95 ms | base p50  p95 | ratio p50  p95`];
  for (const r of rows) {
    const s = stats(r.subject);
    const b = stats(r.baseline);
    recordSamples(r.name, r.subject, r.baseline);
    lines.push(
      `${pad(r.name, 44)} | ${fmt(s.p50)} ${fmt(s.p95)} | ${fmt(b.p50)} ${fmt(b.p95)} | ${(s.p50 / b.p50).toFixed(2).padStart(6)} ${(s.p95 / b.p95).toFixed(2).padStart(6)}`,
    );
  }
  return lines.join('\n');
}

/** A persistent Chromium profile in `profileDir` (its own browser process). */
export async function launch(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: ARGS,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
  });
}

/** The bytes of every file under `dir` (a hub's data folder). */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
