/**
 * 屏幕与纸面上的个人信息脱敏。
 *
 * ID numbers and phone numbers are masked wherever they are shown or printed (data
 * protection rule). All functions are total: any input (including empty, short or
 * malformed strings, null/undefined from legacy records) yields a string and never reveals
 * more than the documented characters.
 */
import { normalizeIdNumber } from './idNumber';
import { validatePhone } from './phone';

const STAR = '*';

/** Masks all but `head` leading and `tail` trailing characters (code points, not UTF-16 units). */
function maskMiddle(chars: readonly string[], head: number, tail: number): string {
  const n = chars.length;
  if (head + tail >= n) return STAR.repeat(n);
  return chars.slice(0, head).join('') + STAR.repeat(n - head - tail) + chars.slice(n - tail).join('');
}

/**
 * Fallback for strings that are not the expected shape: keep at most a quarter of the
 * characters at each end (so at least half is hidden); strings of 3 or fewer are all stars.
 */
function maskFallback(chars: readonly string[]): string {
  const keep = Math.floor(chars.length / 4);
  return maskMiddle(chars, keep, keep);
}

/**
 * Masks an ID number: first 4 + stars + last 4, e.g. '430104199001011234' → '4301**********1234'.
 * Input is normalised first (full-width → half-width, x → X). Strings shorter than 16
 * characters keep at most a quarter at each end.
 */
export function maskIdNumber(idNumber: string | null | undefined): string {
  const chars = Array.from(normalizeIdNumber(idNumber ?? ''));
  if (chars.length >= 16) return maskMiddle(chars, 4, 4);
  return maskFallback(chars);
}

/**
 * Masks a phone number: mobile '13812345678' → '138****5678'; landline keeps the area code
 * and the last 4 digits of the local number, '0731-88886666' → '0731-****6666' (the
 * extension is dropped). Unrecognised input keeps at most a quarter at each end.
 */
export function maskPhone(phone: string | null | undefined): string {
  const raw = phone ?? '';
  const parsed = validatePhone(raw);
  if (parsed.ok) {
    if (parsed.kind === 'mobile') return maskMiddle(Array.from(parsed.value), 3, 4);
    const local = Array.from(parsed.localNumber ?? '');
    return `${parsed.areaCode ?? ''}-${maskMiddle(local, 0, 4)}`;
  }
  return maskFallback(Array.from(raw.normalize('NFKC').replace(/\s+/g, '')));
}

/**
 * Masks a personal name: keeps the first character and, for 3+ characters, the last:
 * '张三' → '张*', '张小三' → '张*三', '欧阳娜娜' → '欧**娜'; a single character → '*'.
 * Middle dots of transliterated names (·) are kept as they carry no information.
 */
export function maskName(name: string | null | undefined): string {
  const chars = Array.from((name ?? '').normalize('NFKC').trim());
  if (chars.length <= 1) return STAR.repeat(chars.length);
  if (chars.length === 2) return `${chars[0] ?? ''}${STAR}`;
  const first = chars[0] ?? '';
  const last = chars[chars.length - 1] ?? '';
  const middle = chars
    .slice(1, -1)
    .map((c) => (c === '·' || c === '•' ? c : STAR))
    .join('');
  return first + middle + last;
}

/** Digits as typed: half- or full-width; groups may be split by a space or a dash. */
const D = '[0-9０-９]';
const SEP = '[ \\-－]?';
const NUMBERS_IN_TEXT = new RegExp(
  [
    `(?<![0-9０-９A-Za-z])(?:`,
    // An ID number (18 with a check character, or the old 15), whole or as 6-8-4.
    `(?<id>${D}{6}${SEP}${D}{8}${SEP}${D}{3}[0-9０-９XxＸｘ]|${D}{15})`,
    // A mobile, whole or as 3-4-4, after an optional +86 / 86.
    `|(?<prefix>[+＋]?86${SEP})?(?<mobile>[1１][3-9３-９]${D}${SEP}${D}{4}${SEP}${D}{4})`,
    // A landline with its area code.
    `|(?<landline>0${D}{2,3}[\\-－]${D}{7,8})`,
    `)(?![0-9０-９A-Za-z])`,
  ].join(''),
  'g',
);

/** Full-width digits, X and dash to ASCII. */
const halfWidth = (m: string) => m.replace(/[０-９Ｘｘ－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
/** The number as the maskers read it: half-width, the group separators dropped. */
const digitsOf = (m: string) => halfWidth(m).replace(/[ -]/g, '');

type NumberGroups = { id?: string; prefix?: string; mobile?: string; landline?: string };

/**
 * Free text (an escalation's request, a report's notes) with every ID-number- and phone-shaped
 * run masked: what staff typed may name a resident's numbers; a default export must not. Typed
 * as people type them: full-width digits, 6-8-4 and 3-4-4 groups split by spaces or dashes,
 * a +86 in front. `keepLandlines` leaves a landline (an office's number in directions, e.g. the
 * 建议办理途径 of a 不予受理告知书: the resident needs to call it) and masks the rest.
 */
export function maskNumbersInText(text: string, o: { keepLandlines?: boolean } = {}): string {
  return text.replace(NUMBERS_IN_TEXT, (m: string, ...args: unknown[]) => {
    const g = args.at(-1) as NumberGroups;
    if (g.id) return maskIdNumber(digitsOf(g.id));
    if (g.mobile) return `${g.prefix ?? ''}${maskPhone(digitsOf(g.mobile))}`;
    return o.keepLandlines ? m : maskPhone(halfWidth(g.landline!));
  });
}

/**
 * A reason as the audit log keeps it: numbers masked, and the resident's own name (when the
 * staff wrote it in) masked too — the log names no one.
 */
export function maskReasonForLog(text: string, residentName?: string): string {
  const masked = maskNumbersInText(text.trim());
  const name = residentName?.trim();
  return name && name.length > 1 ? masked.replaceAll(name, maskName(name)) : masked;
}
