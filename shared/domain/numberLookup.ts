/**
 * A lookup by number lists EVERY match, each with its desk and date — never silently the first.
 * Numbers issued from this version on carry their desk and cannot repeat; numbers issued before
 * (every PC was "desk 1") may, once the desks of a center share their data.
 */
import type { CaseRecord } from './records';
import { parseTrackingNumber } from './trackingNumber';

/** Which desk issued a tracking number, as shown beside a match: '窗口号 2', or before desks. */
export function issuingDeskText(trackingNumber: string): string {
  const n = parseTrackingNumber(trackingNumber);
  return n.ok && n.desk !== undefined ? `窗口号 ${n.desk}` : '启用窗口号之前';
}

export type NumberMatch = { id: string; trackingNumber: string; acceptedDay: string; desk: string };

/** The cases whose tracking number is exactly `number` (normalised as typed), oldest first. */
export function numberMatches(
  number: string,
  cases: readonly Pick<CaseRecord, 'id' | 'trackingNumber' | 'acceptedDay'>[],
): NumberMatch[] {
  const n = parseTrackingNumber(number);
  if (!n.ok) return [];
  const wanted = number.normalize('NFKC').trim().toUpperCase();
  return cases
    .filter((c) => c.trackingNumber === wanted)
    .map((c) => ({
      id: c.id,
      trackingNumber: c.trackingNumber,
      acceptedDay: c.acceptedDay,
      desk: issuingDeskText(c.trackingNumber),
    }))
    .sort((a, b) => a.acceptedDay.localeCompare(b.acceptedDay) || a.id.localeCompare(b.id));
}
