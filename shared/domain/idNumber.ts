/**
 * 居民身份证号码（GB 11643-1999）校验。
 *
 * 18 characters: 6-digit region code (地址码), 8-digit birth date (出生日期码, YYYYMMDD),
 * 3-digit sequence (顺序码; odd = 男, even = 女) and a check character (校验码, ISO 7064
 * MOD 11-2, '0'–'9' or 'X'). The check character detects every single-character
 * substitution. Legacy 15-digit numbers are refused with a clear message.
 *
 * Pure: no clock. Pass `today` ('YYYY-MM-DD') to reject future birth dates.
 */
import { isRealDate, parseLocalDate } from './localDate';

export type Gender = '男' | '女';

export type IdNumberValid = {
  ok: true;
  /** Normalised 18-character number (half-width, upper-case X). */
  value: string;
  /** 'YYYY-MM-DD' */
  birthDate: string;
  gender: Gender;
  /** First 6 digits (地址码). */
  regionCode: string;
};

export type IdNumberInvalid = { ok: false; message: string };

export type IdNumberResult = IdNumberValid | IdNumberInvalid;

export type ValidateIdNumberOptions = {
  /** Local date 'YYYY-MM-DD'; when given, birth dates after it are rejected. */
  today?: string;
};

/** User-facing messages (Simplified Chinese, no personal data). */
export const ID_NUMBER_MESSAGES = {
  empty: '请填写身份证号',
  legacy15: '15 位旧身份证号已停用，请提供 18 位身份证号',
  badChars: '身份证号只能包含数字，最后一位可以是 X',
  xNotLast: '字母 X 只能出现在身份证号最后一位',
  wrongLength: (n: number) => `身份证号应为 18 位，当前为 ${n} 位`,
  badRegion: '身份证号前两位（省份代码）不正确，请核对',
  badBirthDate: '身份证号中的出生日期不存在，请核对',
  birthBefore1900: '身份证号中的出生年份早于 1900 年，请核对',
  futureBirthDate: '身份证号中的出生日期晚于今天，请核对',
  badChecksum: '校验位不正确，请核对',
} as const;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * Province-level codes (first two digits) in use: mainland provinces, 71 台湾, and
 * 81/82/83 (港澳台居民居住证).
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/**
 * Normalises user input: NFKC (full-width digits/letters → half-width), removes all
 * whitespace (including the ideographic space) and upper-cases x → X.
 */
export function normalizeIdNumber(input: string): string {
  return (input ?? '').normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/**
 * Computes the GB 11643 check character for the first 17 digits.
 * @throws RangeError if `first17` is not exactly 17 ASCII digits.
 */
export function computeCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('身份证号本体码应为 17 位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Validates a resident ID number. Checks, in order: empty, legacy 15 digits, characters,
 * length, province code, birth date (real, ≥ 1900, not after `options.today`), check digit.
 */
export function validateIdNumber(input: string, options: ValidateIdNumberOptions = {}): IdNumberResult {
  const value = normalizeIdNumber(input);
  if (value === '') return { ok: false, message: ID_NUMBER_MESSAGES.empty };
  if (/^\d{15}$/.test(value)) return { ok: false, message: ID_NUMBER_MESSAGES.legacy15 };
  if (!/^[0-9X]+$/.test(value)) return { ok: false, message: ID_NUMBER_MESSAGES.badChars };
  if (value.length !== 18) return { ok: false, message: ID_NUMBER_MESSAGES.wrongLength(value.length) };
  if (value.slice(0, 17).includes('X')) return { ok: false, message: ID_NUMBER_MESSAGES.xNotLast };

  if (!PROVINCE_CODES.has(value.slice(0, 2))) return { ok: false, message: ID_NUMBER_MESSAGES.badRegion };

  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1900) return { ok: false, message: ID_NUMBER_MESSAGES.birthBefore1900 };
  if (!isRealDate(year, month, day)) return { ok: false, message: ID_NUMBER_MESSAGES.badBirthDate };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (options.today !== undefined) {
    if (!parseLocalDate(options.today)) throw new RangeError('today 应为 YYYY-MM-DD 格式的日期');
    if (birthDate > options.today) return { ok: false, message: ID_NUMBER_MESSAGES.futureBirthDate };
  }

  if (computeCheckDigit(value.slice(0, 17)) !== value.charAt(17)) {
    return { ok: false, message: ID_NUMBER_MESSAGES.badChecksum };
  }

  const gender: Gender = Number(value.charAt(16)) % 2 === 1 ? '男' : '女';
  return { ok: true, value, birthDate, gender, regionCode: value.slice(0, 6) };
}

/**
 * Full years of age (周岁) on `today`. The birthday itself counts (age increases on the
 * birthday); someone born on 29 Feb turns a year older on 1 Mar in common years.
 * Returns 0 if `today` is before `birthDate`.
 * @throws RangeError if either date is not a valid 'YYYY-MM-DD'.
 */
export function ageOn(birthDate: string, today: string): number {
  const b = parseLocalDate(birthDate);
  const t = parseLocalDate(today);
  if (!b || !t) throw new RangeError('日期格式应为 YYYY-MM-DD，且必须是真实存在的日期');
  let age = t.year - b.year;
  if (t.month < b.month || (t.month === b.month && t.day < b.day)) age -= 1;
  return Math.max(0, age);
}
