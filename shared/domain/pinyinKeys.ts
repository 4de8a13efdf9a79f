/**
 * 居民检索键：姓名拼音全拼/首字母、电话、身份证号尾号。
 *
 * The keys are meant for a Dexie multiEntry index, e.g. `residents: '++id, *searchKeys'`.
 * A query is matched by PREFIX on any key:
 *
 *   db.residents.where('searchKeys').startsWith(normalizeQuery(q)).distinct()
 *
 * so one typed string finds a resident by any of:
 *   - Chinese name prefix: '张' / '张三'          (key '张三')
 *   - full pinyin prefix:  'zhang' / 'zhangs'     (key 'zhangsan')
 *   - initials prefix:     'z' / 'zs'             (key 'zs')
 *   - phone prefix:        '138' / '1381234…'     (key '13812345678'; landline: area+number
 *                                                   and the number without area code)
 *   - phone last 4:        '5678'                 (key '5678')
 *   - ID number prefix:    '4301…'                (key: the whole ID, upper-case X)
 *   - ID last 4/5/6:       '1234', '01234', '101234', '12X' … (keys: the last 4, 5 and 6 chars)
 *
 * Case conventions (Dexie comparisons are case-sensitive): pinyin and Latin letters are
 * lower-case, the ID check character is upper-case 'X'. `normalizeQuery` produces the
 * matching form (it upper-cases a trailing x only after digits, i.e. for ID fragments).
 * Pinyin has no tones; ü is written 'v' (lv) and also 'u' (lu). Surnames use surname
 * readings (单 → shan, 曾 → zeng, 解 → xie, 仇 → qiu) plus the ordinary reading as a
 * fallback; polyphonic given-name characters contribute up to 3 readings each, and the
 * number of pinyin keys per name is capped (see MAX_PINYIN_KEYS).
 *
 * UI advice: search after 1 Chinese character or 2+ Latin letters/digits; short digit
 * queries (< 4) match many phone prefixes.
 */
import { pinyin } from 'pinyin-pro';
import { normalizeQuery } from './searchQuery';

export { normalizeQuery };
import { normalizeIdNumber } from './idNumber';
import { validatePhone } from './phone';

export type ResidentSearchInput = {
  name?: string | null;
  phone?: string | null;
  idNumber?: string | null;
};

/** Cap on full-pinyin keys per name (the same cap applies to initials keys). */
export const MAX_PINYIN_KEYS = 8;
/** Cap on readings taken for one polyphonic character. */
export const MAX_READINGS_PER_CHAR = 3;

const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /^[a-z0-9]$/;

type Segment = { readings: string[] };

function uniq<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** lü → ['lv', 'lu']; plain readings unchanged. */
function expandUmlaut(reading: string): string[] {
  return reading.includes('ü') ? [reading.replace(/ü/g, 'v'), reading.replace(/ü/g, 'u')] : [reading];
}

function cleanReading(r: string | undefined): string | null {
  const s = (r ?? '').toLowerCase().trim();
  return /^[a-zü]+$/.test(s) ? s : null;
}

function segmentsFor(name: string): Segment[] {
  const chars = Array.from(name);
  const opts = { toneType: 'none', type: 'array' } as const;
  const surnameMode = pinyin(name, { ...opts, surname: 'head' });
  const plainMode = pinyin(name, opts);
  const aligned = surnameMode.length === chars.length && plainMode.length === chars.length;

  const segments: Segment[] = [];
  let latinRun = '';
  const flushLatin = (): void => {
    if (latinRun) segments.push({ readings: [latinRun] });
    latinRun = '';
  };

  chars.forEach((ch, i) => {
    const lower = ch.toLowerCase();
    if (LATIN_OR_DIGIT.test(lower)) {
      latinRun += lower;
      return;
    }
    flushLatin();
    if (!HAN.test(ch)) return; // other symbols carry no pinyin
    const context = cleanReading(aligned ? surnameMode[i] : pinyin(ch, opts)[0]);
    const plain = cleanReading(aligned ? plainMode[i] : pinyin(ch, opts)[0]);
    let readings: string[];
    const isSurnamePosition = i === 0 || (context !== null && plain !== null && context !== plain);
    if (isSurnamePosition) {
      readings = [context, plain].filter((r): r is string => r !== null);
    } else {
      const all = pinyin(ch, { ...opts, multiple: true }).map(cleanReading);
      readings = [context, ...all].filter((r): r is string => r !== null);
    }
    readings = uniq(readings).slice(0, MAX_READINGS_PER_CHAR).flatMap(expandUmlaut);
    if (readings.length > 0) segments.push({ readings: uniq(readings) });
  });
  flushLatin();
  return segments;
}

/**
 * Combines per-segment alternatives into at most `cap` strings, preferring combinations
 * that deviate least from the first (most likely) alternative of each segment.
 */
function combine(options: readonly (readonly string[])[], cap: number): string[] {
  let partial: { text: string; score: number }[] = [{ text: '', score: 0 }];
  for (const alternatives of options) {
    const next: { text: string; score: number }[] = [];
    for (const p of partial) {
      alternatives.forEach((alt, idx) => next.push({ text: p.text + alt, score: p.score + idx }));
    }
    next.sort((a, b) => a.score - b.score); // stable: keeps generation order within a score
    partial = next.slice(0, cap * 4);
  }
  return uniq(partial.map((p) => p.text))
    .filter((t) => t !== '')
    .slice(0, cap);
}

/**
 * Search keys for a personal name: the name itself (normalised, for Chinese prefix search),
 * full-pinyin keys and initials keys, lower-case without tones. '张三' → ['张三', 'zhangsan', 'zs'].
 * Capped at 1 + 2 × MAX_PINYIN_KEYS keys.
 */
export function searchKeysForName(name: string | null | undefined): string[] {
  const cleaned = normalizeQuery(name);
  if (cleaned === '') return [];
  const segments = segmentsFor(cleaned);
  const full = combine(
    segments.map((s) => s.readings),
    MAX_PINYIN_KEYS,
  );
  const initials = combine(
    segments.map((s) => uniq(s.readings.map((r) => r.charAt(0)))),
    MAX_PINYIN_KEYS,
  );
  return uniq([cleaned, ...full, ...initials]);
}

/** Keys for a phone number: full digits, the local number of a landline, last 4 digits. */
export function searchKeysForPhone(phone: string | null | undefined): string[] {
  const parsed = validatePhone(phone ?? '');
  if (parsed.ok) {
    const keys = [parsed.digits];
    if (parsed.localNumber) keys.push(parsed.localNumber);
    keys.push(parsed.digits.slice(-4));
    return uniq(keys);
  }
  // Best effort for legacy/invalid records: digits only.
  const digits = (phone ?? '').normalize('NFKC').replace(/\D+/g, '');
  return digits.length >= 4 ? uniq([digits, digits.slice(-4)]) : [];
}

/** Keys for an ID number: the whole number (upper-case X) and its last 4, 5 and 6 characters. */
export function searchKeysForIdNumber(idNumber: string | null | undefined): string[] {
  const id = normalizeIdNumber(idNumber ?? '').replace(/[^0-9X]/g, '');
  if (id.length < 6) return [];
  return uniq([id, id.slice(-4), id.slice(-5), id.slice(-6)]);
}

/**
 * All search keys of a resident for a multiEntry index (deduplicated). Missing fields are
 * skipped. See the module header for how queries match.
 */
export function searchKeysForResident(resident: ResidentSearchInput): string[] {
  return uniq([
    ...searchKeysForName(resident.name),
    ...searchKeysForPhone(resident.phone),
    ...searchKeysForIdNumber(resident.idNumber),
  ]);
}
