/**
 * The period the 统计报表 page opens on: the one the clerk most likely wants. A period is wanted
 * once more than three of its days have passed — the current week from Thursday on, last week
 * on Monday–Wednesday (the 周报 of the week before is still being written); a month, quarter
 * or year the same way from its fourth day. And the period's place in words (本周, 上周 …).
 */
import { addDays, toDayNumber } from '../domain/localDate';
import { periodOf, previousPeriod, type Period, type PeriodKind } from './periods';

export type FixedKind = Exclude<PeriodKind, 'custom'>;

/** Days of a period that must have passed before the page opens on it rather than the one before. */
const SETTLING_DAYS = 3;

export function likelyPeriod(kind: FixedKind, today: string): Period {
  const current = periodOf(kind, today);
  const passed = toDayNumber(today) - toDayNumber(current.from);
  return passed >= SETTLING_DAYS ? current : periodOf(kind, addDays(current.from, -1));
}

const WORDS: Record<FixedKind, [string, string]> = {
  week: ['本周', '上周'],
  month: ['本月', '上月'],
  quarter: ['本季度', '上季度'],
  year: ['今年', '去年'],
};

/** 本周 / 上周 (本月 / 上月 …) for the period holding `today` or the one before; '' otherwise. */
export function periodPlace(kind: PeriodKind, p: Period, today: string): string {
  if (kind === 'custom') return '';
  const current = periodOf(kind, today);
  if (p.from === current.from) return WORDS[kind][0];
  if (p.from === previousPeriod(current, kind).from) return WORDS[kind][1];
  return '';
}
