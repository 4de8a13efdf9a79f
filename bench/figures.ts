/**
 * Where the benchmarks put what they measured, for the judge (bench/goals.mjs,
 * scripts/bench-judge.mjs): one JSON line per row and size in `BENCH_FIGURES` (default
 * bench/.results/figures.jsonl; `npm run bench` empties it at the start of a run). Every row
 * printed through `table()` (bench/report.ts) is recorded; a figure without a table row
 * (an import's total, a heap growth) is recorded with `recordFigure`.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Figure } from './goals.mjs';
import { loadavg } from 'node:os';
import { stats } from './stats';

/** The machine's load average (1, 5, 15 minutes): on a shared machine every time needs it beside it. */
export const loadAverage = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

export const FIGURES_FILE = resolve(process.env.BENCH_FIGURES ?? resolve(__dirname, '.results/figures.jsonl'));

let size = process.env.BENCH_SIZE_LABEL ?? 'tenth';

/** The size the rows recorded from now on were measured at (each size of a run sets it). */
export function figuresAtSize(name: string): void {
  size = name;
}

export function recordFigure(figure: Omit<Figure, 'size' | 'load'> & { size?: string }): void {
  mkdirSync(dirname(FIGURES_FILE), { recursive: true });
  const line: Figure = { size, load: loadAverage(), ...figure };
  appendFileSync(FIGURES_FILE, `${JSON.stringify(line)}\n`);
}

/** A measured row: its samples and, where it has one, its bare baseline's. */
export function recordSamples(name: string, subject: readonly number[], baseline?: readonly number[]): void {
  const s = stats(subject);
  const b = baseline && baseline.length > 0 ? stats(baseline) : undefined;
  recordFigure({ name, p50: s.p50, p95: s.p95, ...(b ? { baseP50: b.p50, baseP95: b.p95 } : {}) });
}
