/** Types of bench/goals.mjs (plain ESM: read by the benchmarks and by scripts/bench-judge.mjs). */
export type Measure = 'p50' | 'p95' | 'ratio50' | 'ratio95' | 'growth50';
export type Goal = {
  id: string;
  /** A row name as a benchmark prints it, which the pattern must cover (tests/unit/bench/goals.test.ts). */
  example: string;
  /** The goal in Chinese, as the table prints it. */
  what: string;
  /** Over the row's name without its parenthesised counts (`nameKey`). */
  match: RegExp;
  measure: Measure;
  max: number;
  /** Judged only at these sizes (absent: every size). */
  sizes?: string[];
};
/** One measured row at one size, as bench/figures.ts records it. */
export type Figure = {
  size: string;
  name: string;
  p50: number;
  p95: number;
  baseP50?: number;
  baseP95?: number;
  /** `ms` unless said (e.g. `%`, `MiB`). */
  unit?: string;
  /** The load average (1, 5, 15 min) when it was measured. */
  load?: string;
};
export type Verdict = {
  goal: Goal;
  row: string;
  size: string;
  value: number;
  detail: string;
  pass: boolean;
  load?: string;
};
export declare const SIZE_ORDER: string[];
export declare const GOALS: Goal[];
export declare function nameKey(name: string): string;
export declare function judge(figures: Figure[], goals?: Goal[]): { verdicts: Verdict[]; unmeasured: Goal[] };
