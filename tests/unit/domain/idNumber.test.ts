import { describe, expect, it } from 'vitest';
import {
  ID_NUMBER_MESSAGES,
  ageOn,
  computeCheckDigit,
  normalizeIdNumber,
  validateIdNumber,
} from '../../../shared/domain/idNumber';
import { generateIds, hasChinese, toFullWidth, withCheck } from './helpers';

const TODAY = '2026-11-24';
const ALPHABET = '0123456789X'.split('');

function messageOf(input: string, today?: string): string {
  const r = validateIdNumber(input, today === undefined ? {} : { today });
  if (r.ok) throw new Error(`expected rejection of ${input}`);
  return r.message;
}

describe('computeCheckDigit', () => {
  it('matches the GB 11643 example numbers', () => {
    expect(computeCheckDigit('11010519491231002')).toBe('X');
    expect(computeCheckDigit('44052418800101001')).toBe('4');
    expect(computeCheckDigit('43010419900101123')).toBe('0');
  });

  it('yields every possible check character for some input', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 200; seq++) seen.add(computeCheckDigit(`4301041990010${String(seq).padStart(4, '0')}`));
    expect([...seen].sort()).toEqual([...ALPHABET].sort());
  });

  it('throws on input that is not 17 digits', () => {
    expect(() => computeCheckDigit('1234')).toThrow(RangeError);
    expect(() => computeCheckDigit('1101051949123100X')).toThrow(RangeError);
    expect(() => computeCheckDigit('110105194912310021')).toThrow(RangeError);
  });
});

describe('normalizeIdNumber', () => {
  it('converts full-width characters, strips spaces and upper-cases x', () => {
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('  110105 19491231 002x ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('110105\u300019491231002x')).toBe('11010519491231002X');
    expect(normalizeIdNumber('')).toBe('');
  });
});

describe('validateIdNumber — valid numbers', () => {
  it('accepts the standard example and extracts its fields', () => {
    expect(validateIdNumber('11010519491231002X')).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: '女',
      regionCode: '110105',
    });
  });

  it('reads gender from the 17th digit (odd = 男)', () => {
    const male = withCheck('43010419900101123');
    const female = withCheck('43010419900101124');
    expect(validateIdNumber(male)).toMatchObject({ ok: true, gender: '男' });
    expect(validateIdNumber(female)).toMatchObject({ ok: true, gender: '女' });
  });

  const ids = generateIds(500);
  it('accepts 500 generated IDs with computed check digits', () => {
    for (const { id, birthDate, male } of ids) {
      const r = validateIdNumber(id, { today: TODAY });
      expect(r.ok, id).toBe(true);
      if (r.ok) {
        expect(r.value).toBe(id);
        expect(r.birthDate).toBe(birthDate);
        expect(r.gender).toBe(male ? '男' : '女');
        expect(r.regionCode).toBe(id.slice(0, 6));
      }
    }
  });

  it('accepts full-width input, lower-case x and surrounding/inner spaces', () => {
    expect(validateIdNumber(toFullWidth('11010519491231002x'))).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
    expect(validateIdNumber(' 110105 1949 1231 002x ')).toMatchObject({ ok: true, value: '11010519491231002X' });
    for (const { id } of ids.slice(0, 50)) {
      expect(validateIdNumber(toFullWidth(id.toLowerCase()))).toMatchObject({ ok: true, value: id });
    }
  });

  it('accepts 29 February in leap years, a birth date equal to today, and 1900', () => {
    expect(validateIdNumber(withCheck('11010520000229001')).ok).toBe(true);
    expect(validateIdNumber(withCheck('11010519000101001')).ok).toBe(true);
    expect(validateIdNumber(withCheck('11010520261124001'), { today: TODAY }).ok).toBe(true);
  });
});

describe('validateIdNumber — every single-character change is rejected', () => {
  const samples = generateIds(60, 7).map((g) => g.id);
  samples.push('11010519491231002X');

  it('rejects each position × every other character (0–9 and X)', () => {
    let checked = 0;
    for (const id of samples) {
      for (let pos = 0; pos < 18; pos++) {
        for (const c of ALPHABET) {
          if (c === id.charAt(pos)) continue;
          const mutated = id.slice(0, pos) + c + id.slice(pos + 1);
          expect(validateIdNumber(mutated).ok, `${id} pos ${pos} → ${c}`).toBe(false);
          checked++;
        }
      }
    }
    expect(checked).toBe(samples.length * 18 * 10);
  });

  it('the check digit alone catches every digit substitution in positions 1–17', () => {
    for (const id of samples) {
      for (let pos = 0; pos < 17; pos++) {
        for (const c of '0123456789') {
          if (c === id.charAt(pos)) continue;
          const first17 = id.slice(0, pos) + c + id.slice(pos + 1, 17);
          expect(computeCheckDigit(first17)).not.toBe(id.charAt(17));
        }
      }
    }
  });

  it('changing only the check character gives the checksum message', () => {
    const id = withCheck('43010419900101123');
    for (const c of ALPHABET) {
      if (c === id.charAt(17)) continue;
      expect(messageOf(id.slice(0, 17) + c)).toBe('校验位不正确，请核对');
    }
  });
});

describe('validateIdNumber — messages', () => {
  it('empty', () => {
    expect(messageOf('')).toBe(ID_NUMBER_MESSAGES.empty);
    expect(messageOf('   ')).toBe(ID_NUMBER_MESSAGES.empty);
  });

  it('legacy 15-digit numbers', () => {
    expect(messageOf('430104900101123')).toBe('15 位旧身份证号已停用，请提供 18 位身份证号');
    expect(messageOf(toFullWidth('430104900101123'))).toBe(ID_NUMBER_MESSAGES.legacy15);
  });

  it('wrong length reports the actual length', () => {
    expect(messageOf('4301041990010112')).toBe('身份证号应为 18 位，当前为 16 位');
    expect(messageOf('43010419900101123')).toBe('身份证号应为 18 位，当前为 17 位');
    expect(messageOf('4301041990010112345')).toBe('身份证号应为 18 位，当前为 19 位');
  });

  it('bad characters and misplaced X', () => {
    expect(messageOf('43010419900101123A')).toBe(ID_NUMBER_MESSAGES.badChars);
    expect(messageOf('4301041990-0101123')).toBe(ID_NUMBER_MESSAGES.badChars);
    expect(messageOf('X30104199001011234')).toBe(ID_NUMBER_MESSAGES.xNotLast);
  });

  it('invalid province code', () => {
    expect(messageOf(withCheck('00010419900101123'))).toBe(ID_NUMBER_MESSAGES.badRegion);
    expect(messageOf(withCheck('99010419900101123'))).toBe(ID_NUMBER_MESSAGES.badRegion);
  });

  it('impossible birth dates, even with a correct check digit', () => {
    expect(messageOf(withCheck('43010419990230123'))).toBe(ID_NUMBER_MESSAGES.badBirthDate); // 30 Feb
    expect(messageOf(withCheck('43010419991301123'))).toBe(ID_NUMBER_MESSAGES.badBirthDate); // month 13
    expect(messageOf(withCheck('43010419990001123'))).toBe(ID_NUMBER_MESSAGES.badBirthDate); // month 0
    expect(messageOf(withCheck('43010419990100123'))).toBe(ID_NUMBER_MESSAGES.badBirthDate); // day 0
    expect(messageOf(withCheck('43010419990431123'))).toBe(ID_NUMBER_MESSAGES.badBirthDate); // 31 Apr
    expect(messageOf(withCheck('43010419000229123'))).toBe(ID_NUMBER_MESSAGES.badBirthDate); // 1900 not leap
    expect(messageOf(withCheck('43010420230229123'))).toBe(ID_NUMBER_MESSAGES.badBirthDate);
  });

  it('birth year before 1900', () => {
    expect(messageOf(withCheck('43010418991231123'))).toBe(ID_NUMBER_MESSAGES.birthBefore1900);
    expect(messageOf(withCheck('43010400000101123'))).toBe(ID_NUMBER_MESSAGES.birthBefore1900);
  });

  it('future birth date relative to the passed today', () => {
    const tomorrow = withCheck('43010420261125123');
    expect(messageOf(tomorrow, TODAY)).toBe(ID_NUMBER_MESSAGES.futureBirthDate);
    expect(messageOf(withCheck('43010420990101123'), TODAY)).toBe(ID_NUMBER_MESSAGES.futureBirthDate);
    // Without `today` there is no clock to compare with: only the calendar is checked.
    expect(validateIdNumber(tomorrow).ok).toBe(true);
  });

  it('throws on a malformed today (a programming error, not user input)', () => {
    expect(() => validateIdNumber('11010519491231002X', { today: '2026/11/24' })).toThrow(RangeError);
  });

  it('all messages are Simplified Chinese and never echo the input', () => {
    const inputs = [
      '',
      '430104900101123',
      '4301041990010112',
      '43010419900101123A',
      'X30104199001011234',
      withCheck('00010419900101123'),
      withCheck('43010419990230123'),
      withCheck('43010418991231123'),
      '430104199001011231',
    ];
    for (const input of inputs) {
      const m = messageOf(input, TODAY);
      expect(hasChinese(m), m).toBe(true);
      expect(m).not.toMatch(/\d{6,}/);
    }
    expect(messageOf(withCheck('43010420990101123'), TODAY)).not.toContain('2099');
  });
});

describe('ageOn', () => {
  it('counts full years, the birthday itself included', () => {
    expect(ageOn('1990-01-01', '2026-11-24')).toBe(36);
    expect(ageOn('1946-11-24', '2026-11-24')).toBe(80);
    expect(ageOn('1946-11-25', '2026-11-24')).toBe(79);
    expect(ageOn('1946-12-01', '2026-11-24')).toBe(79);
    expect(ageOn('2026-11-24', '2026-11-24')).toBe(0);
  });

  it('29 February birthdays turn older on 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2027-02-28')).toBe(26);
    expect(ageOn('2000-02-29', '2027-03-01')).toBe(27);
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28);
  });

  it('returns 0 for a birth date after today and throws on invalid dates', () => {
    expect(ageOn('2030-01-01', '2026-11-24')).toBe(0);
    expect(() => ageOn('1990-02-30', '2026-11-24')).toThrow(RangeError);
    expect(() => ageOn('1990-01-01', '20261124')).toThrow(RangeError);
  });

  it('agrees with the birth date parsed from an ID', () => {
    const r = validateIdNumber('11010519491231002X');
    expect(r.ok && ageOn(r.birthDate, '2026-11-24')).toBe(76);
  });
});
