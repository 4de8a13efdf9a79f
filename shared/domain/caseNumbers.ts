/**
 * 归档号：`${社区代码}-GD-${年份}-${窗口号两位}${年度序号}`，例如 'YLQ-GD-2026-0200042'
 * (desk 02, its 42nd archived case of the year).
 *
 * As the 受理编号 (trackingNumber.ts): the desk's two digits lead the sequence, so desks archive
 * without coordination and never share a number. The sequence is per community, desk and year,
 * at least 5 digits; beyond 99999 it widens instead of wrapping. The DB layer keeps one counter
 * record under `archiveCounterKeyFor(code, year, desk)` and increments it (with `nextSeq`) in
 * the same transaction that archives the case. Numbers archived before desks have no desk
 * digits ('YLQ-GD-2026-00042': 5 digits, or 6 without a leading zero) and keep parsing; 7+
 * digits are desk + sequence.
 */
import { deskDigits, isValidCommunityCode, splitSequence, TRACKING_MESSAGES } from './trackingNumber';
import { isValidLocalDate } from './localDate';

export type ArchiveNumberParts = {
  communityCode: string;
  year: number;
  /** 1-based yearly sequence (per desk). */
  seq: number;
  /** The archiving desk (1–99); absent on numbers from before desks. */
  desk?: number;
};

export type ParseArchiveNumberResult = ({ ok: true } & ArchiveNumberParts) | { ok: false; message: string };

export const ARCHIVE_MESSAGES = {
  format: '归档号格式不正确，应类似 YLQ-GD-2026-0100042',
  year: '归档号中的年份不正确',
  seq: '归档号中的序号不正确',
} as const;

const ARCHIVE_RE = /^([A-Z0-9]{2,8})-GD-(\d{4})-(\d{5,})$/;

function assertCodeAndYear(communityCode: string, year: number): void {
  if (!isValidCommunityCode(communityCode)) throw new RangeError(TRACKING_MESSAGES.communityCodeFormat);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(ARCHIVE_MESSAGES.year);
}

function yearPrefix(communityCode: string, year: number): string {
  assertCodeAndYear(communityCode, year);
  return `${communityCode}-GD-${year}`;
}

/**
 * Key of one desk's yearly archive counter, e.g. archiveCounterKeyFor('YLQ', 2026, 2) →
 * 'YLQ-GD-2026-02'; without a desk, the counter from before desks ('YLQ-GD-2026').
 * @throws RangeError on an invalid code, year or desk.
 */
export function archiveCounterKeyFor(communityCode: string, year: number, desk?: number): string {
  const prefix = yearPrefix(communityCode, year);
  return desk === undefined ? prefix : `${prefix}-${deskDigits(desk)}`;
}

/** The archive year of a local day 'YYYY-MM-DD'. @throws RangeError on an invalid date. */
export function archiveYearOf(day: string): number {
  if (!isValidLocalDate(day)) throw new RangeError('日期格式应为 YYYY-MM-DD，且必须是真实存在的日期');
  return Number(day.slice(0, 4));
}

/**
 * Formats an archive number: formatArchiveNumber({ communityCode: 'YLQ', year: 2026, desk: 2, seq: 42 })
 * → 'YLQ-GD-2026-0200042'; without `desk`, the format from before desks ('YLQ-GD-2026-00042').
 * @throws RangeError on an invalid code, year, desk or seq (must be a positive safe integer).
 */
export function formatArchiveNumber(parts: ArchiveNumberParts): string {
  const { communityCode, year, seq, desk } = parts;
  const prefix = yearPrefix(communityCode, year);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(ARCHIVE_MESSAGES.seq);
  return `${prefix}-${desk === undefined ? '' : deskDigits(desk)}${String(seq).padStart(5, '0')}`;
}

/**
 * Parses an archive number (NFKC, trimmed, upper-cased first). Only the canonical form is
 * accepted: a sequence longer than 5 digits must not have leading zeros.
 */
export function parseArchiveNumber(input: string): ParseArchiveNumberResult {
  const s = (input ?? '').normalize('NFKC').trim().toUpperCase();
  const m = ARCHIVE_RE.exec(s);
  if (!m) return { ok: false, message: ARCHIVE_MESSAGES.format };
  const [, communityCode = '', yearText = '', seqText = ''] = m;
  const year = Number(yearText);
  if (year < 1000) return { ok: false, message: ARCHIVE_MESSAGES.year };
  const split = splitSequence(seqText, 5);
  if (!split) return { ok: false, message: ARCHIVE_MESSAGES.seq };
  return { ok: true, communityCode, year, ...split };
}

/** True if `value` is exactly a canonical archive number (no normalisation). */
export function isValidArchiveNumber(value: string): boolean {
  const r = parseArchiveNumber(value);
  return r.ok && formatArchiveNumber(r) === value;
}
