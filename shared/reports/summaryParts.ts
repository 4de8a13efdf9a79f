/**
 * The small rules every part of the period summary shares: whether a day is inside a period, a
 * count per key, the day a period is judged at, whether a case was finished by a day, and the age
 * bands (which the rows shown name too: summaryRows.ts takes them from here, not from summary.ts,
 * so the screen's rows never load the summary's code).
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
export function caseFinishedBy(
  c: Pick<CaseRecord, 'completedDay' | 'refusedDay' | 'archivedDay' | 'status' | 'acceptedDay'>,
  day: string,
): boolean {
  const end = c.completedDay ?? c.refusedDay ?? c.archivedDay ?? (c.status === '不予受理' ? c.acceptedDay : undefined);
  return end !== undefined && end <= day;
}

/** The day a period is judged at: its last day, or today for a period not over yet. */
export function asOfDay(input: { today?: string }, period: Period): string {
  return input.today !== undefined && input.today < period.to ? input.today : period.to;
}

/** Age bands of the cases open at the period's end (days since acceptance). */
export const OPEN_AGES = ['7天以内', '8–30天', '31–90天', '90天以上'] as const;
export type OpenAge = (typeof OPEN_AGES)[number];

/** Age bands of the documents out at the period's end (calendar days since collection). */
export const CUSTODY_AGES = ['3天以内', '4–7天', '8天以上'] as const;
export type CustodyAge = (typeof CUSTODY_AGES)[number];
