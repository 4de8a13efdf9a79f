/**
 * 受理编号：`${社区代码}-${YYYYMMDD}-${窗口号两位}${当日序号}`，例如 'YLQ-20261124-020007'
 * (desk 02, its 7th case of the day).
 *
 * Every desk of a center issues numbers on its own, with no coordination: the desk number
 * (two digits, 01–99, see deskNumber.ts) leads the daily sequence, so two desks never issue
 * the same number. The sequence is per community, desk and day, at least 4 digits; beyond
 * 9999 it widens ('YLQ-20261124-0210000') instead of wrapping. The DB layer keeps one counter
 * record per community, desk and day under `counterKeyFor(code, date, desk)` (a desk-local
 * table) and increments it in the same transaction that creates the case.
 *
 * Numbers issued before desks (every PC was desk 1) have no desk: 'YLQ-20261124-0007' (a tail of
 * 4 digits, or 5+ without a leading zero). They keep parsing (`desk` absent). A tail of 6+
 * digits is read as desk + sequence: an old tail that long would need 100,000 cases in one
 * day at one PC.
 */
import { isValidLocalDate } from './localDate';
import { DESK_NUMBER_MAX, DESK_NUMBER_MIN } from './deskNumber';

export type TrackingNumberParts = {
  communityCode: string;
  /** 'YYYY-MM-DD' local date of acceptance. */
  date: string;
  /** 1-based daily sequence (per desk). */
  seq: number;
  /** The issuing desk (1–99); absent on numbers issued before desks. */
  desk?: number;
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
  trackingDesk: '受理编号中的窗口号不正确',
} as const;

const COMMUNITY_CODE_RE = /^[A-Z0-9]{2,8}$/;
const TRACKING_RE = /^([A-Z0-9]{2,8})-(\d{4})(\d{2})(\d{2})-(\d{4,})$/;
/** Digits of the desk at the head of a sequence (numbers issued from this version on). */
export const DESK_DIGITS = 2;

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

function assertDesk(desk: number | undefined): void {
  if (desk === undefined) return;
  if (!Number.isInteger(desk) || desk < DESK_NUMBER_MIN || desk > DESK_NUMBER_MAX)
    throw new RangeError(TRACKING_MESSAGES.trackingDesk);
}

/** The desk's digits at the head of a sequence: 2 → '02'. */
export function deskDigits(desk: number): string {
  assertDesk(desk);
  return String(desk).padStart(DESK_DIGITS, '0');
}

function dayPrefix(communityCode: string, date: string): string {
  assertCodeAndDate(communityCode, date);
  return `${communityCode}-${date.replace(/-/g, '')}`;
}

/**
 * Key of the daily counter record of one desk, e.g. counterKeyFor('YLQ', '2026-11-24', 2) →
 * 'YLQ-20261124-02' (the tracking-number prefix and the desk). Without a desk: the counter
 * of the numbers issued before desks ('YLQ-20261124').
 * @throws RangeError on an invalid code, date or desk.
 */
export function counterKeyFor(communityCode: string, date: string, desk?: number): string {
  const prefix = dayPrefix(communityCode, date);
  return desk === undefined ? prefix : `${prefix}-${deskDigits(desk)}`;
}

/** The next sequence for a counter whose last issued value is `last` (undefined = none yet). */
export function nextSeq(last: number | undefined): number {
  if (last === undefined) return 1;
  if (!Number.isSafeInteger(last) || last < 0) throw new RangeError(TRACKING_MESSAGES.trackingSeq);
  return last + 1;
}

/**
 * Formats a tracking number: formatTrackingNumber({ communityCode: 'YLQ', date: '2026-11-24', desk: 2, seq: 7 })
 * → 'YLQ-20261124-020007'. Sequences above 9999 widen. Without `desk`: the format before desks
 * ('YLQ-20261124-0007'), which nothing issues any more (tests and old data only).
 * @throws RangeError on an invalid code, date, desk or seq (must be a positive safe integer).
 */
export function formatTrackingNumber(parts: TrackingNumberParts): string {
  const { communityCode, date, seq, desk } = parts;
  const prefix = dayPrefix(communityCode, date);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(TRACKING_MESSAGES.trackingSeq);
  const deskPart = desk === undefined ? '' : deskDigits(desk);
  return `${prefix}-${deskPart}${String(seq).padStart(4, '0')}`;
}

/**
 * Splits a sequence's digits into desk and sequence (`width`: the sequence's least digits, 4
 * for 受理编号, 5 for 归档号): `width + 2` digits or more are desk (2) + sequence (`width`, or
 * more without a leading zero); fewer are a number from before desks. Null if not canonical.
 */
export function splitSequence(digits: string, width = 4): { desk?: number; seq: number } | null {
  const withDesk = digits.length >= DESK_DIGITS + width;
  const desk = withDesk ? Number(digits.slice(0, DESK_DIGITS)) : undefined;
  const seqText = withDesk ? digits.slice(DESK_DIGITS) : digits;
  const seq = Number(seqText);
  if (!Number.isSafeInteger(seq) || seq < 1 || String(seq).padStart(width, '0') !== seqText) return null;
  if (desk !== undefined && (desk < DESK_NUMBER_MIN || desk > DESK_NUMBER_MAX)) return null;
  return desk === undefined ? { seq } : { desk, seq };
}

/**
 * Parses a tracking number (NFKC, trimmed, upper-cased first, so 'ylq-20261124-020007' and
 * full-width input are accepted), with its desk or without (issued before desks). Only the
 * canonical form is accepted: a sequence longer than 4 digits must not have leading zeros.
 */
export function parseTrackingNumber(input: string): ParseTrackingNumberResult {
  const s = (input ?? '').normalize('NFKC').trim().toUpperCase();
  const m = TRACKING_RE.exec(s);
  if (!m) return { ok: false, message: TRACKING_MESSAGES.trackingFormat };
  const [, communityCode = '', y = '', mo = '', d = '', seqText = ''] = m;
  const date = `${y}-${mo}-${d}`;
  if (!isValidLocalDate(date)) return { ok: false, message: TRACKING_MESSAGES.trackingDate };
  const split = splitSequence(seqText);
  if (!split) return { ok: false, message: TRACKING_MESSAGES.trackingSeq };
  return { ok: true, communityCode, date, ...split };
}
