/**
 * The period the 统计报表 page shows: a kind and a day in it (week, month, quarter, year), or a
 * typed range (自定义). Opens on the period the clerk most likely wants (shared/reports/likelyPeriod.ts:
 * this week from Thursday on, last week before), of the kind chosen last time on this PC.
 */
import { addDays } from '@shared/domain/localDate';
import { likelyPeriod, type FixedKind } from '@shared/reports/likelyPeriod';
import {
  periodLength,
  periodOf,
  previousPeriod,
  validateRange,
  type Period,
  type PeriodKind,
} from '@shared/reports/periods';

export type PeriodChoice = { kind: PeriodKind; day: string; from: string; to: string };

export function initialChoice(today: string, kind: FixedKind = 'week'): PeriodChoice {
  const likely = likelyPeriod(kind, today);
  return { kind, day: likely.from, ...likely };
}

const KIND_KEY = 'duty-desk.reportKind';
const FIXED: readonly string[] = ['week', 'month', 'quarter', 'year'] satisfies FixedKind[];

/** The kind of period chosen last on this PC (周 unless 月 / 季度 / 年 was; a custom range is not kept). */
export function rememberedKind(): FixedKind {
  const kept = globalThis.localStorage?.getItem(KIND_KEY) ?? '';
  return FIXED.includes(kept) ? (kept as FixedKind) : 'week';
}

export function rememberKind(kind: PeriodKind): void {
  if (FIXED.includes(kind)) globalThis.localStorage?.setItem(KIND_KEY, kind);
}

/** The period chosen, its comparison period, or the field message of a bad custom range. */
export function resolveChoice(
  c: PeriodChoice,
): { period: Period; previous: Period; error?: undefined } | { error: { field: 'from' | 'to'; message: string } } {
  if (c.kind === 'custom') {
    const error = validateRange(c.from, c.to);
    if (error) return { error };
    const period = { from: c.from, to: c.to };
    return { period, previous: previousPeriod(period) };
  }
  const period = periodOf(c.kind, c.day);
  return { period, previous: previousPeriod(period, c.kind) };
}

/** The choice moved one period back (-1) or on (+1); a custom range moves by its own length. */
export function stepChoice(c: PeriodChoice, step: -1 | 1): PeriodChoice {
  const r = resolveChoice(c);
  if (r.error) return c;
  if (c.kind === 'custom') {
    const length = periodLength(r.period);
    const from = addDays(r.period.from, step * length);
    return { ...c, day: from, from, to: addDays(from, length - 1) };
  }
  const day = step < 0 ? addDays(r.period.from, -1) : addDays(r.period.to, 1);
  return { ...c, day, ...periodOf(c.kind, day) };
}
