/**
 * Which desks' work a report covers (issue 24 item 7): every desk of the center this desk knows
 * (the ones that joined, itself) and every desk whose cases are in the period, each with the
 * cases it accepted in the period. A case's desk is the one its tracking number names; a number
 * issued before desks were numbered counts for desk 1 (every PC was desk 1 then, as the audit
 * chain's v12 seal has it).
 */
import { DEFAULT_DESK_IDENTITY, type DeskIdentity } from '../domain/deskNumber';
import type { CaseRecord, CoveredDesk } from '../domain/records';
import { parseTrackingNumber } from '../domain/trackingNumber';
import type { Period } from './periods';

/** A desk the report knows of, and when its latest record here was made (its last audit row). */
export type KnownDesk = DeskIdentity & { lastAt?: number };

/** The name of a desk seen only in case numbers (it never joined through this version). */
export const UNNAMED_DESK = '未登记名称';

/** The desk that accepted a case, from its tracking number. */
export function deskOfCase(trackingNumber: string): number {
  const n = parseTrackingNumber(trackingNumber);
  return n.ok && n.desk !== undefined ? n.desk : DEFAULT_DESK_IDENTITY.no;
}

/** What a case tells of the desk that accepted it, and when. */
type DeskCase = Pick<CaseRecord, 'acceptedDay' | 'trackingNumber'>;

/** The cases accepted in `period` (what the package's ledger lists). */
export const acceptedIn = <C extends Pick<CaseRecord, 'acceptedDay'>>(cases: readonly C[], period: Period): C[] =>
  cases.filter((c) => c.acceptedDay >= period.from && c.acceptedDay <= period.to);

/** The cases accepted in `period` per desk number. */
export function deskCasesOf(cases: readonly DeskCase[], period: Period): Map<number, number> {
  const counts = new Map<number, number>();
  for (const c of acceptedIn(cases, period)) {
    const no = deskOfCase(c.trackingNumber);
    counts.set(no, (counts.get(no) ?? 0) + 1);
  }
  return counts;
}

/** Every desk known or with cases, in number order, with its cases (`counts`: desk number → cases). */
export function withCounts(
  known: readonly KnownDesk[],
  counts: ReadonlyMap<number, number> | Readonly<Record<number, number>>,
): CoveredDesk[] {
  const byNo = counts instanceof Map ? counts : new Map(Object.entries(counts).map(([no, n]) => [Number(no), n]));
  const names = new Map(known.map((d) => [d.no, d.name]));
  const numbers = [...new Set([...names.keys(), ...byNo.keys()])].sort((a, b) => a - b);
  return numbers.map((no) => ({ no, name: names.get(no) ?? UNNAMED_DESK, cases: byNo.get(no) ?? 0 }));
}

/** Every desk covered, in number order, with its cases accepted in `period`. */
export function coveredDesks(known: readonly KnownDesk[], cases: readonly DeskCase[], period: Period): CoveredDesk[] {
  return withCounts(known, deskCasesOf(cases, period));
}

/** How the covered desks are said on screen and in the audit detail: '窗口号 1、2'. */
export const deskNumbersText = (desks: readonly Pick<DeskIdentity, 'no'>[]): string =>
  `窗口号 ${desks.map((d) => d.no).join('、')}`;
