/**
 * fast-check arbitraries shared by the validator properties (tests/unit/fuzz) and the data-layer
 * test of strange text (tests/db/strangeText.test.ts): valid ID numbers and phones in the ways
 * people type them, free text with the strange-but-valid pieces a desk meets (emoji and ZWJ
 * sequences, RTL marks, markup, a leading formula sign, combining marks), text at a field's limit,
 * and the checks every refusal must pass (Chinese, no personal data).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { computeCheckDigit } from '../../../shared/domain/idNumber';

/** Every property runs this many cases: a count, never a time budget (issue 22, item 14). */
export const RUNS = 200;

/** The day the properties validate on. */
export const TODAY = '2026-11-24';

/** Characters, as the validators count them ("不超过 N 个字"): code points. */
export const chars = (s: string): number => Array.from(s).length;

/** A message a person reads at the desk: Simplified Chinese (holds CJK). */
export const CJK = /[\u4e00-\u9fff]/u;

/** Asserts a refusal is a Chinese sentence that does not repeat what was typed. */
export function expectChineseMessage(message: unknown, typed: readonly string[] = []): void {
  expect(typeof message).toBe('string');
  expect(message as string).toMatch(CJK);
  for (const t of typed) if (t.trim().length >= 6) expect(message as string).not.toContain(t.trim());
}

/** The strange but valid pieces of free text the desk must store and show as typed. */
export const STRANGE_PIECES = [
  '👨‍👩‍👧‍👦', // family: a ZWJ sequence of 7 code points
  '🏳️‍🌈', // flag with a variation selector and a ZWJ
  '👍🏽', // emoji with a skin-tone modifier
  '😀',
  '\u200F', // RIGHT-TO-LEFT MARK
  '\u202E', // RIGHT-TO-LEFT OVERRIDE
  '\u202Cשלום', // POP DIRECTIONAL FORMATTING, then Hebrew
  'مرحبا',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"\'&amp;',
  '=1+1',
  '+86',
  '-SUM(A1)',
  '@cmd',
  '=HYPERLINK("http://x")',
  'e\u0301', // e + COMBINING ACUTE ACCENT (NFC makes it é)
  '\u0627\u064B', // Arabic letter with a combining tanween
  '张三丰',
  '居委会',
  '𠀀𪚥', // CJK extension B characters (surrogate pairs)
  '、。，',
  ' ',
] as const;

/** Pieces with a leading formula sign: they must stay text in a CSV export. */
export const FORMULA_PIECES = ['=1+1', '+86', '-SUM(A1)', '@cmd', '=HYPERLINK("http://x")'] as const;

/** Han characters from the basic block (a name, a short text). */
export const hanChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
export const hanText = (min: number, max: number) =>
  fc.array(hanChar, { minLength: min, maxLength: max }).map((a) => a.join(''));

/** Cuts `s` to at most `max` code points. */
export const clip = (s: string, max: number): string => Array.from(s).slice(0, max).join('');

/**
 * Free text with strange pieces, at most `max` characters and not blank; sometimes exactly at
 * the limit (a piece repeated to `max` characters).
 */
export function strangeText(max: number): fc.Arbitrary<string> {
  const mixed = fc
    .array(fc.oneof(fc.constantFrom(...STRANGE_PIECES), hanText(1, 4), fc.string({ unit: 'grapheme', maxLength: 4 })), {
      minLength: 1,
      maxLength: 10,
    })
    .map((parts) => clip(parts.join(''), max));
  const atLimit = fc
    .constantFrom(...STRANGE_PIECES.filter((p) => p.trim() !== ''))
    .map((p) => clip(p.repeat(max), max));
  return fc.oneof({ arbitrary: mixed, weight: 4 }, { arbitrary: atLimit, weight: 1 }).filter((s) => s.trim() !== '');
}

/** Any text at all: random code points (lone surrogates included) or graphemes. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(...STRANGE_PIECES),
  fc.constant(''),
);

const PROVINCES = ['11', '31', '43', '44', '51', '65', '81'] as const;

/** A valid ID number (birth 1900-01-01 … 2026-11-23) with its birth date and gender. */
export const validId = fc
  .record({
    province: fc.constantFrom(...PROVINCES),
    region: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2026-11-23T00:00:00Z'),
      noInvalidDate: true,
    }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, region, birth, seq }) => {
    const birthDate = birth.toISOString().slice(0, 10);
    const first17 = `${province}${String(region).padStart(4, '0')}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
    return {
      id: first17 + computeCheckDigit(first17),
      birthDate,
      gender: seq % 2 === 1 ? ('男' as const) : ('女' as const),
    };
  });

const FULL_WIDTH_OFFSET = 0xff10 - 0x30;
/** '1' → '１': how an IME in full-width mode types digits. */
export const fullWidth = (s: string): string =>
  s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + FULL_WIDTH_OFFSET)).replace(/X/g, 'Ｘ');

/** An ID number as typed: as is, with a lower-case x, full-width, or with spaces around groups. */
export const typedId = validId.chain((v) =>
  fc
    .constantFrom<(s: string) => string>(
      (s) => s,
      (s) => s.toLowerCase(),
      fullWidth,
      (s) => ` ${s.slice(0, 6)} ${s.slice(6, 14)} ${s.slice(14)} `,
    )
    .map((f) => ({ ...v, typed: f(v.id) })),
);

/** A valid mobile number, its canonical form and a way it is typed. */
export const typedMobile = fc
  .record({ second: fc.integer({ min: 3, max: 9 }), rest: fc.integer({ min: 0, max: 999_999_999 }) })
  .map(({ second, rest }) => `1${second}${String(rest).padStart(9, '0')}`)
  .chain((value) =>
    fc
      .constantFrom<(s: string) => string>(
        (s) => s,
        (s) => `${s.slice(0, 3)} ${s.slice(3, 7)} ${s.slice(7)}`,
        (s) => `${s.slice(0, 3)}-${s.slice(3, 7)}-${s.slice(7)}`,
        (s) => `+86 ${s}`,
        fullWidth,
      )
      .map((f) => ({ value, typed: f(value) })),
  );

/** A valid landline with a 4-digit area code, canonical '0731-88888888'. */
export const typedLandline = fc
  .record({
    area: fc.integer({ min: 300, max: 999 }),
    first: fc.integer({ min: 2, max: 9 }),
    rest: fc.integer({ min: 0, max: 9_999_999 }),
  })
  .map(({ area, first, rest }) => `0${area}-${first}${String(rest).padStart(7, '0')}`)
  .chain((value) =>
    fc
      .constantFrom<(s: string) => string>(
        (s) => s,
        (s) => `(${s.slice(0, 4)})${s.slice(5)}`,
        (s) => s.replace('-', ' '),
      )
      .map((f) => ({ value, typed: f(value) })),
  );

export const typedPhone = fc.oneof(typedMobile, typedLandline);
