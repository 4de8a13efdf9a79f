/**
 * 联系电话校验：中国大陆手机号与固定电话。
 *
 * - Mobile: 11 digits, `1[3-9]xxxxxxxxx`. Spaces and hyphens are ignored ('138 1234 5678',
 *   '138-1234-5678'); an optional +86 / 0086 prefix is dropped. Normalised: '13812345678'.
 * - Landline: area code (010 and 02x have 3 digits, all other 0xxx have 4) + a 7–8 digit
 *   local number not starting with 0 or 1, optional hyphen or parentheses around the area
 *   code, optional extension (-123, 转123, 分机123, #123, ext123; 1–6 digits).
 *   Normalised: '0731-88888888' or '010-12345678-123'.
 * Input is NFKC-normalised first, so full-width digits are accepted.
 */

export type PhoneKind = 'mobile' | 'landline';

export type PhoneValid = {
  ok: true;
  kind: PhoneKind;
  /** Canonical form: mobile '13812345678', landline '0731-88888888[-ext]'. */
  value: string;
  /** Digits only, without extension (mobile: the 11 digits; landline: area code + number). */
  digits: string;
  /** Landline only. */
  areaCode?: string;
  /** Landline only: the local number without area code. */
  localNumber?: string;
  /** Landline only, when given. */
  extension?: string;
};

export type PhoneInvalid = { ok: false; message: string };

export type PhoneResult = PhoneValid | PhoneInvalid;

/** User-facing messages (Simplified Chinese, no personal data). */
export const PHONE_MESSAGES = {
  empty: '请填写联系电话',
  badChars: '联系电话只能包含数字、空格和连字符“-”',
  mobileLength: (n: number) => `手机号应为 11 位，当前为 ${n} 位`,
  mobilePrefix: '手机号第二位应为 3～9，请核对',
  mobileExtension: '手机号不能带分机号',
  landlineNeedsArea: '固定电话请加区号，例如 0731-88888888',
  landlineArea: '区号不正确，区号应为 3～4 位并以 0 开头，例如 010、0731',
  landlineLength: '固定电话号码（不含区号）应为 7～8 位，且不以 0 或 1 开头',
  extension: '分机号应为 1～6 位数字',
  unknown: '电话号码格式不正确，请填写 11 位手机号或带区号的固定电话',
} as const;

const EXTENSION_SPLIT = /(?:转|分机|ext\.?|#)/i;

function fail(message: string): PhoneInvalid {
  return { ok: false, message };
}

/** Chinese area codes: 010 and 02x have 3 digits, every other 0xxx has 4. */
function areaLengthOf(digits: string): 3 | 4 {
  return digits.startsWith('010') || digits.startsWith('02') ? 3 : 4;
}

/** True if `digits` = a well-formed area code + local number. */
function isAreaPlusLocal(digits: string): boolean {
  if (!/^0\d+$/.test(digits)) return false;
  return /^[2-9]\d{6,7}$/.test(digits.slice(areaLengthOf(digits)));
}

function landline(digits: string, ext: string | undefined): PhoneResult {
  const areaLen = areaLengthOf(digits);
  const area = digits.slice(0, areaLen);
  const local = digits.slice(areaLen);
  if (!/^0[1-9]\d{1,2}$/.test(area)) return fail(PHONE_MESSAGES.landlineArea);
  if (!/^[2-9]\d{6,7}$/.test(local)) return fail(PHONE_MESSAGES.landlineLength);
  if (ext !== undefined && !/^\d{1,6}$/.test(ext)) return fail(PHONE_MESSAGES.extension);
  const base = `${area}-${local}`;
  const result: PhoneValid = {
    ok: true,
    kind: 'landline',
    value: ext !== undefined ? `${base}-${ext}` : base,
    digits: area + local,
    areaCode: area,
    localNumber: local,
  };
  if (ext !== undefined) result.extension = ext;
  return result;
}

/**
 * Validates and normalises a phone number (mobile or landline).
 * @returns `{ ok: true, kind, value, … }` or `{ ok: false, message }` (Chinese).
 */
export function validatePhone(input: string): PhoneResult {
  let s = (input ?? '').normalize('NFKC').trim();
  if (s === '') return fail(PHONE_MESSAGES.empty);
  // Unify dash-like characters.
  // Whitespace and dots act as group separators, like hyphens.
  s = s.replace(/[\u2010-\u2015\u2212\uFE58\uFE63\u30FC]/g, '-').replace(/[\s.]+/g, '-');

  // Extension marked by a word or symbol: 转 / 分机 / ext / #.
  let ext: string | undefined;
  const parts = s.split(EXTENSION_SPLIT);
  if (parts.length > 2) return fail(PHONE_MESSAGES.extension);
  if (parts.length === 2) {
    s = (parts[0] ?? '').replace(/-+$/, '');
    ext = (parts[1] ?? '').replace(/^-+/, '');
    if (!/^\d{1,6}$/.test(ext)) return fail(PHONE_MESSAGES.extension);
  }

  // Country code +86 / 0086.
  let hadCountryCode = false;
  const cc = /^(?:\+86|0086)-?/.exec(s);
  if (cc) {
    s = s.slice(cc[0].length);
    hadCountryCode = true;
  }

  // Parenthesised area code: (0731)88888888 → 0731-88888888.
  s = s.replace(/^\((\d{2,4})\)-?/, (_m, area: string) => `${area}-`);

  if (!/^[\d-]+$/.test(s)) return fail(PHONE_MESSAGES.badChars);
  const groups = s.split('-').filter((g) => g !== '');
  if (groups.length === 0) return fail(PHONE_MESSAGES.unknown);
  // Numbers written after +86 drop the trunk prefix 0 of the area code.
  if (hadCountryCode && !/^(?:0|1[3-9])/.test(groups[0] ?? '')) {
    groups[0] = `0${groups[0] ?? ''}`;
  }
  const all = groups.join('');

  if (all.startsWith('1')) {
    if (ext !== undefined) return fail(PHONE_MESSAGES.mobileExtension);
    if (all.length !== 11) return fail(PHONE_MESSAGES.mobileLength(all.length));
    if (!/^1[3-9]\d{9}$/.test(all)) return fail(PHONE_MESSAGES.mobilePrefix);
    return { ok: true, kind: 'mobile', value: all, digits: all };
  }

  if (all.startsWith('0')) {
    const first = groups[0] ?? '';
    const last = groups[groups.length - 1] ?? '';
    if (groups.length === 2 && first.length > 4) {
      // '073188888888-123': number, then extension.
      if (ext !== undefined) return fail(PHONE_MESSAGES.extension);
      return landline(first, last);
    }
    if (groups.length >= 3 && ext === undefined && last.length <= 6) {
      const withoutLast = groups.slice(0, -1).join('');
      // '010-12345678-123' (extension) vs '0731-8888-8888' (local number with a hyphen).
      if (isAreaPlusLocal(withoutLast)) return landline(withoutLast, last);
    }
    return landline(all, ext);
  }

  if (/^[2-9]\d{6,7}$/.test(all)) return fail(PHONE_MESSAGES.landlineNeedsArea);
  return fail(PHONE_MESSAGES.unknown);
}
