/**
 * 办件检索 by index: the keys a case and a visit are found by (derived on every write, see
 * caseIndex.ts and db/derived.ts), and what a typed query reads.
 *
 * Case keys (`searchKeys`, multiEntry):
 * - `号:<NNNN>|<YYYYMMDD>` and `号:<YYYYMMDD>-<NNNN>`: the tracking number's tail as a clerk reads
 *   it off a receipt — the day's number (typed 1–4 digits, zero-padded), or day and number; the
 *   desk's two digits are not in these keys, so a tail finds that number of every desk. A tail
 *   typed as printed, with the desk (`020007`, `20261124-020007`: 6+ digits, splitSequence),
 *   reads the same range and keeps the rows of that desk (`tail.desk`);
 * - `词:<word>|<accepted day>`: every character and every pair of adjacent characters of the
 *   matter name (事项名称), so any part of it of one or more characters finds the case.
 * Visit keys (`words`, only on visits that started cases): `<pair>|<day>` for each pair of
 * adjacent characters of the 诉求内容 (the first 200 characters), so two or more characters
 * find it. A query reads the range of its first pair (or its one character) newest first and
 * keeps the rows that contain the whole text; nothing scans a table.
 */
import type { CaseRecord, Visit } from './records';
import { parseTrackingNumber, splitSequence } from './trackingNumber';

const CONTENT_INDEXED = 200;

/** The characters that make words: anything but spaces and punctuation. */
function wordChars(text: string): string[] {
  return Array.from(text.normalize('NFKC').toLowerCase()).filter((ch) => /[\p{L}\p{N}]/u.test(ch));
}

function pairs(chars: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

export function caseSearchKeysOf(c: Pick<CaseRecord, 'trackingNumber' | 'matterName' | 'acceptedDay'>): string[] {
  const keys = new Set<string>();
  const n = parseTrackingNumber(c.trackingNumber);
  if (n.ok) {
    // The day's number as printed after the desk's digits: every desk's 0007 of a day answers '7'.
    const day = n.date.replace(/-/g, '');
    const seq = String(n.seq).padStart(4, '0');
    keys.add(`号:${seq}|${day}`);
    keys.add(`号:${day}-${seq}`);
  }
  const chars = wordChars(c.matterName);
  for (const w of [...chars, ...pairs(chars)]) keys.add(`词:${w}|${c.acceptedDay}`);
  return [...keys];
}

export function visitWordsOf(v: Pick<Visit, 'content' | 'caseIds' | 'day'>): string[] {
  if (v.caseIds.length === 0) return [];
  const chars = wordChars(v.content).slice(0, CONTENT_INDEXED);
  return [...new Set(pairs(chars))].map((p) => `${p}|${v.day}`);
}

/** A prefix range of an index, read newest first. */
export type KeyPrefix = { prefix: string };

/** What a typed query reads; each part is absent when the query cannot match that way. */
export type CaseSearchPlan = {
  /** The whole tracking number (numbers from before desks may repeat once desks share data). */
  trackingNumber?: string;
  /** The tracking number's tail, in `searchKeys`; only that desk's numbers when `desk` is given. */
  tail?: KeyPrefix & { desk?: number };
  /** Part of the matter name, in `searchKeys`; rows must contain `text` unless the key is all of it (`exact`). */
  matter?: KeyPrefix & { text: string; exact: boolean };
  /** Part of the 诉求内容 of the case's visit, in the visits' `words`; as `matter`. */
  content?: KeyPrefix & { text: string; exact: boolean };
};

export function planCaseSearch(query: string): CaseSearchPlan {
  const text = query.trim();
  const upper = text.toUpperCase();
  const plan: CaseSearchPlan = {};
  if (/^[A-Z0-9]{2,8}-\d{8}-\d{4,}$/.test(upper)) plan.trackingNumber = upper;
  const tail = /^(?:(\d{8})-?)?(\d{1,4}|\d{6,7})$/.exec(text);
  // 1–4 digits: the day's number of every desk ('7', '0007'); 6–7: the desk's two digits, then it.
  const digits = tail?.[2] ?? '';
  const split = digits.length <= 4 ? { seq: Number(digits) } : splitSequence(digits);
  if (tail && split && split.seq > 0) {
    const seq = String(split.seq).padStart(4, '0');
    const prefix = tail[1] ? `号:${tail[1]}-${seq}` : `号:${seq}|`;
    plan.tail = split.desk === undefined ? { prefix } : { prefix, desk: split.desk };
  }
  // Words: a query of digits and dashes only is a number, not a word.
  const chars = /^[\d\s-]*$/.test(text) ? [] : wordChars(text);
  const exact = chars.length <= 2;
  if (chars.length > 0) {
    const word = chars.length === 1 ? chars[0] : `${chars[0]}${chars[1]}`;
    plan.matter = { prefix: `词:${word}|`, text: chars.join(''), exact };
  }
  if (chars.length >= 2) plan.content = { prefix: `${chars[0]}${chars[1]}|`, text: chars.join(''), exact };
  return plan;
}

/** Whether `haystack` contains the query's word characters in a row (what the keys promise). */
export function containsWords(haystack: string, text: string): boolean {
  return wordChars(haystack).join('').includes(text);
}
