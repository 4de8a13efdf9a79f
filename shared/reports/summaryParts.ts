/**
 * The small rules every part of the period summary shares: whether a day is inside a period, a
 * count per key, the day a period is judged at, and whether a case was finished by a day.
 */
import type { CaseRecord } from '../domain/records';
import type { Period } from './periods';

export const inside = (day: string | undefined, p: Period): day is string =>
  day !== undefined && day >= p.from && day <= p.to;

export function tally<K extends string>(keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

/** Whether the case was finished (办结, 不予受理, 归档) on or before `day`. */
export function caseFinishedBy(c: CaseRecord, day: string): boolean {
  const end = c.completedDay ?? c.refusedDay ?? c.archivedDay ?? (c.status === '不予受理' ? c.acceptedDay : undefined);
  return end !== undefined && end <= day;
}

/** The day a period is judged at: its last day, or today for a period not over yet. */
export function asOfDay(input: { today?: string }, period: Period): string {
  return input.today !== undefined && input.today < period.to ? input.today : period.to;
}
