/**
 * Which searches the audit log records, and how the query is written there: a search by an ID
 * number or a phone (or a part of one) is logged when it is submitted or a result is picked,
 * never per keystroke, and the log never holds the number — only its last 4 characters.
 */
import { normalizeQuery } from './searchQuery';

/** At least this many digits make a query ID- or phone-shaped. */
export const NUMBER_QUERY_MIN_DIGITS = 4;

/**
 * True when the query looks like (a part of) an ID number or a phone number: digits only (after
 * NFKC and separators such as spaces and '-' are removed) and at least 4 of them, or digits
 * ending in X (an ID number's tail). Names, pinyin and tracking numbers (letters) are not.
 */
export function isNumberQuery(query: string | null | undefined): boolean {
  const q = normalizeQuery(query);
  if (/^\d+X$/i.test(q)) return true;
  return /^\d+$/.test(q) && q.length >= NUMBER_QUERY_MIN_DIGITS;
}

/**
 * The query as the log keeps it: four stars and the last 4 characters ('13812345678' →
 * '****5678', '43010419580315123x' → '****123X'), whatever its length (the length is not kept
 * either).
 */
export function maskSearchQuery(query: string | null | undefined): string {
  const q = normalizeQuery(query);
  return `****${q.slice(-4)}`;
}
