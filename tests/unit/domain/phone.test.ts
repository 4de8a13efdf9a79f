import { describe, expect, it } from 'vitest';
import { PHONE_MESSAGES, validatePhone } from '../../../shared/domain/phone';
import { hasChinese, toFullWidth } from './helpers';

function ok(input: string) {
  const r = validatePhone(input);
  if (!r.ok) throw new Error(`expected ${input} to be accepted, got: ${r.message}`);
  return r;
}
function msg(input: string): string {
  const r = validatePhone(input);
  if (r.ok) throw new Error(`expected ${input} to be rejected`);
  return r.message;
}

describe('validatePhone — mobile', () => {
  it.each([
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    ' 13812345678 ',
    '+86 138 1234 5678',
    '+8613812345678',
    '0086 13812345678',
    '１３８１２３４５６７８',
    '138　1234　5678', // ideographic spaces
    '138—1234—5678', // em dashes
  ])('accepts %s as 13812345678', (input) => {
    expect(ok(input)).toEqual({ ok: true, kind: 'mobile', value: '13812345678', digits: '13812345678' });
  });

  it('accepts every second digit 3–9', () => {
    for (let d = 3; d <= 9; d++) expect(ok(`1${d}912345678`).kind).toBe('mobile');
  });

  it('rejects wrong lengths with the length in the message', () => {
    expect(msg('1381234567')).toBe('手机号应为 11 位，当前为 10 位');
    expect(msg('138123456789')).toBe('手机号应为 11 位，当前为 12 位');
    expect(msg('138 1234 567')).toBe(PHONE_MESSAGES.mobileLength(10));
    expect(msg('1')).toBe(PHONE_MESSAGES.mobileLength(1));
  });

  it('rejects second digit 0–2', () => {
    for (const d of [0, 1, 2]) expect(msg(`1${d}912345678`)).toBe(PHONE_MESSAGES.mobilePrefix);
  });

  it('rejects an extension on a mobile number', () => {
    expect(msg('13812345678转123')).toBe(PHONE_MESSAGES.mobileExtension);
  });
});

describe('validatePhone — landline', () => {
  it.each([
    ['0731-88886666', '0731', '88886666', undefined],
    ['073188886666', '0731', '88886666', undefined],
    ['0731 8888 6666', '0731', '88886666', undefined],
    ['0731-8888-6666', '0731', '88886666', undefined],
    ['(0731)88886666', '0731', '88886666', undefined],
    ['（0731）8888-6666', '0731', '88886666', undefined],
    ['010-62345678', '010', '62345678', undefined],
    ['01062345678', '010', '62345678', undefined],
    ['021-5123456', '021', '5123456', undefined],
    ['0898-6512345', '0898', '6512345', undefined],
    ['010-62345678-123', '010', '62345678', '123'],
    ['010-62345678转123', '010', '62345678', '123'],
    ['010-62345678 分机 8', '010', '62345678', '8'],
    ['010 62345678 ext.123', '010', '62345678', '123'],
    ['010-62345678#123', '010', '62345678', '123'],
    ['01062345678-123', '010', '62345678', '123'],
    ['+86 10 62345678', '010', '62345678', undefined],
    ['+86-731-88886666', '0731', '88886666', undefined],
    ['+861062345678', '010', '62345678', undefined],
    [toFullWidth('0731-88886666'), '0731', '88886666', undefined],
  ])('accepts %s', (input, area, local, ext) => {
    const r = ok(input);
    expect(r.kind).toBe('landline');
    expect(r.areaCode).toBe(area);
    expect(r.localNumber).toBe(local);
    expect(r.extension).toBe(ext);
    expect(r.digits).toBe(area + local);
    expect(r.value).toBe(ext ? `${area}-${local}-${ext}` : `${area}-${local}`);
  });

  it('normalised values are stable (validating the value again gives the same value)', () => {
    for (const input of ['(0731)88886666', '010-62345678转123', '138 1234 5678', '+86 10 62345678']) {
      const first = ok(input);
      expect(ok(first.value).value).toBe(first.value);
    }
  });

  it('asks for the area code when only a local number is given', () => {
    expect(msg('88886666')).toBe(PHONE_MESSAGES.landlineNeedsArea);
    expect(msg('8888666')).toBe(PHONE_MESSAGES.landlineNeedsArea);
  });

  it('rejects bad local numbers and area codes', () => {
    expect(msg('0731-888866')).toBe(PHONE_MESSAGES.landlineLength); // 6 digits
    expect(msg('0731-888866661')).toBe(PHONE_MESSAGES.landlineLength); // 9 digits
    expect(msg('010-12345678')).toBe(PHONE_MESSAGES.landlineLength); // local starts with 1
    expect(msg('0731-08886666')).toBe(PHONE_MESSAGES.landlineLength); // local starts with 0
    expect(msg('0031-88886666')).toBe(PHONE_MESSAGES.landlineArea);
  });

  it('rejects a bad extension', () => {
    expect(msg('010-62345678转')).toBe(PHONE_MESSAGES.extension);
    expect(msg('010-62345678转1234567')).toBe(PHONE_MESSAGES.extension);
    expect(msg('010-62345678转12转3')).toBe(PHONE_MESSAGES.extension);
  });
});

describe('validatePhone — other errors', () => {
  it('empty', () => {
    expect(msg('')).toBe(PHONE_MESSAGES.empty);
    expect(msg('   ')).toBe(PHONE_MESSAGES.empty);
  });

  it('letters and symbols', () => {
    expect(msg('138abc45678')).toBe(PHONE_MESSAGES.badChars);
    expect(msg('电话 13812345678')).toBe(PHONE_MESSAGES.badChars);
  });

  it('numbers that are neither mobile nor landline', () => {
    expect(msg('12345')).toBe(PHONE_MESSAGES.mobileLength(5));
    expect(msg('95555')).toBe(PHONE_MESSAGES.unknown);
    expect(msg('---')).toBe(PHONE_MESSAGES.unknown);
  });

  it('messages are Chinese and contain no phone digits', () => {
    for (const input of [
      '',
      '1381234567',
      '10912345678',
      '13812345678转1',
      '88886666',
      '0731-888866',
      '0031-88886666',
      'abc',
      '95555',
      '010-62345678转',
    ]) {
      const m = msg(input);
      expect(hasChinese(m), m).toBe(true);
      const digits = input.replace(/\D/g, '');
      if (digits.length >= 5) expect(m).not.toContain(digits);
    }
  });
});
