/**
 * 受理编号：`${社区代码}-${YYYYMMDD}-${当日序号}`，例如 'YLQ-20261124-0007'.
 *
 * The sequence is per community per day, at least 4 digits; beyond 9999 it widens
 * ('YLQ-20261124-10000') instead of wrapping. The DB layer keeps one counter record per
 * community and day under `counterKeyFor(code, date)` and increments it in the same
 * transaction that creates the case, so numbers are never reused.
 */
import { isValidLocalDate } from './localDate';

export type TrackingNumberParts = {
  communityCode: string;
  /** 'YYYY-MM-DD' local date of acceptance. */
  date: string;
  /** 1-based daily sequence. */
  seq: number;
};

export type CommunityCodeResult = { ok: true; value: string } | { ok: false; message: string };

export type ParseTrackingNumberResult = ({ ok: true } & TrackingNumberParts) | { ok: false; message: string };

/** User-facing messages (Simplified Chinese). */
export const TRACKING_MESSAGES = {
  communityCodeEmpty: '请填写社区代码',
  communityCodeFormat: '社区代码应为 2～8 位大写字母或数字，例如 YLQ',
  trackingFormat: '受理编号格式不正确，应类似 YLQ-20261124-0007',
  trackingDate: '受理编号中的日期不存在',
  trackingSeq: '受理编号中的序号不正确',
} as const;

const COMMUNITY_CODE_RE = /^[A-Z0-9]{2,8}$/;
const TRACKING_RE = /^([A-Z0-9]{2,8})-(\d{4})(\d{2})(\d{2})-(\d{4,})$/;

/** True if `code` is already a valid community code (2–8 characters A–Z / 0–9). */
export function isValidCommunityCode(code: string): boolean {
  return COMMUNITY_CODE_RE.test(code);
}

/**
 * Validates a community code typed by an admin: NFKC, trim, upper-case, then 2–8 of A–Z / 0–9.
 * Returns the normalised value.
 */
export function validateCommunityCode(input: string): CommunityCodeResult {
  const value = (input ?? '').normalize('NFKC').trim().toUpperCase();
  if (value === '') return { ok: false, message: TRACKING_MESSAGES.communityCodeEmpty };
  if (!COMMUNITY_CODE_RE.test(value)) return { ok: false, message: TRACKING_MESSAGES.communityCodeFormat };
  return { ok: true, value };
}

function assertCodeAndDate(communityCode: string, date: string): void {
  if (!isValidCommunityCode(communityCode)) throw new RangeError(TRACKING_MESSAGES.communityCodeFormat);
  if (!isValidLocalDate(date)) throw new RangeError('日期格式应为 YYYY-MM-DD，且必须是真实存在的日期');
}

/**
 * Key of the daily counter record, e.g. counterKeyFor('YLQ', '2026-11-24') → 'YLQ-20261124'
 * (the tracking-number prefix).
 * @throws RangeError on an invalid code or date.
 */
export function counterKeyFor(communityCode: string, date: string): string {
  assertCodeAndDate(communityCode, date);
  return `${communityCode}-${date.replace(/-/g, '')}`;
}

/** The next sequence for a counter whose last issued value is `last` (undefined = none yet). */
export function nextSeq(last: number | undefined): number {
  if (last === undefined) return 1;
  if (!Number.isSafeInteger(last) || last < 0) throw new RangeError(TRACKING_MESSAGES.trackingSeq);
  return last + 1;
}

/**
 * Formats a tracking number: formatTrackingNumber({ communityCode: 'YLQ', date: '2026-11-24', seq: 7 })
 * → 'YLQ-20261124-0007'. Sequences above 9999 widen.
 * @throws RangeError on an invalid code, date or seq (must be a positive safe integer).
 */
export function formatTrackingNumber(parts: TrackingNumberParts): string {
  const { communityCode, date, seq } = parts;
  assertCodeAndDate(communityCode, date);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(TRACKING_MESSAGES.trackingSeq);
  return `${counterKeyFor(communityCode, date)}-${String(seq).padStart(4, '0')}`;
}

/**
 * Parses a tracking number (NFKC, trimmed, upper-cased first, so 'ylq-20261124-0007' and
 * full-width input are accepted). Only the canonical form is accepted: a sequence longer
 * than 4 digits must not have leading zeros.
 */
export function parseTrackingNumber(input: string): ParseTrackingNumberResult {
  const s = (input ?? '').normalize('NFKC').trim().toUpperCase();
  const m = TRACKING_RE.exec(s);
  if (!m) return { ok: false, message: TRACKING_MESSAGES.trackingFormat };
  const [, communityCode = '', y = '', mo = '', d = '', seqText = ''] = m;
  const date = `${y}-${mo}-${d}`;
  if (!isValidLocalDate(date)) return { ok: false, message: TRACKING_MESSAGES.trackingDate };
  const seq = Number(seqText);
  if (!Number.isSafeInteger(seq) || seq < 1 || String(seq).padStart(4, '0') !== seqText) {
    return { ok: false, message: TRACKING_MESSAGES.trackingSeq };
  }
  return { ok: true, communityCode, date, seq };
}
