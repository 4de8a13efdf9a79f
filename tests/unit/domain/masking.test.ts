import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskNumbersInText, maskPhone, maskReasonForLog } from '../../../shared/domain/masking';

describe('maskIdNumber', () => {
  it('keeps the first 4 and last 4 characters of an 18-character ID', () => {
    expect(maskIdNumber('430104199001011234')).toBe('4301**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('normalises first (full-width, lower-case x, spaces)', () => {
    expect(maskIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('1101**********002X');
    expect(maskIdNumber(' 110105 19491231 002x ')).toBe('1101**********002X');
  });

  it('never reveals the birth date of an 18-character ID', () => {
    expect(maskIdNumber('430104199001011234')).not.toContain('1990');
  });

  it('handles short, odd and missing input safely', () => {
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(null)).toBe('');
    expect(maskIdNumber(undefined)).toBe('');
    expect(maskIdNumber('1')).toBe('*');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber('12345678')).toBe('12****78');
    expect(maskIdNumber('430104900101123')).toBe('430*********123'); // legacy 15 digits
    expect(maskIdNumber('43010419900101123')).toBe('4301*********1123'); // 17
  });

  it('hides at least half of any input', () => {
    for (let n = 0; n <= 30; n++) {
      const input = '9'.repeat(n);
      const masked = maskIdNumber(input);
      expect(masked).toHaveLength(n);
      const stars = [...masked].filter((c) => c === '*').length;
      expect(stars * 2).toBeGreaterThanOrEqual(n);
    }
  });
});

describe('maskPhone', () => {
  it('masks mobiles as 3 + **** + 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });

  it('masks landlines keeping the area code and the last 4 digits, dropping the extension', () => {
    expect(maskPhone('0731-88886666')).toBe('0731-****6666');
    expect(maskPhone('010-62345678-123')).toBe('010-****5678');
    expect(maskPhone('021-5123456')).toBe('021-***3456');
  });

  it('handles invalid and missing input safely', () => {
    expect(maskPhone('')).toBe('');
    expect(maskPhone(null)).toBe('');
    expect(maskPhone('12')).toBe('**');
    expect(maskPhone('88886666')).toBe('88****66');
    expect(maskPhone('1381234567')).toBe('13******67');
  });
});

describe('maskName', () => {
  it('keeps the first character, and the last for 3+ characters', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张小三')).toBe('张*三');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('*');
    expect(maskName('')).toBe('');
    expect(maskName(null)).toBe('');
  });

  it('keeps middle dots of transliterated names and handles characters outside the BMP', () => {
    expect(maskName('买买提·艾力')).toBe('买**·*力');
    expect(maskName('𠇔三')).toBe('𠇔*');
    expect(maskName('张𠇔三')).toBe('张*三');
  });
});

describe('maskNumbersInText', () => {
  it('masks ID-number- and phone-shaped runs in free text, nothing else', () => {
    expect(maskNumbersInText('张三 430104195803151234 电话13812345678，座机0731-88886666')).toBe(
      '张三 4301**********1234 电话138****5678，座机0731-****6666',
    );
    expect(maskNumbersInText('身份证 43010419580315123x')).toBe('身份证 4301**********123X');
    // Tracking numbers, dates, longer runs and counts stay as they are.
    const plain = 'THL-20261117-0001 于 2026-11-17 受理，共 12 件，编号 12345678901234567890';
    expect(maskNumbersInText(plain)).toBe(plain);
  });

  it('masks numbers as people type them: groups split by spaces or dashes, full-width digits, +86', () => {
    expect(maskNumbersInText('请回电 138 1234 5678 或 139-0000-1111')).toBe('请回电 138****5678 或 139****1111');
    expect(maskNumbersInText('电话：１３８１２３４５６７８。')).toBe('电话：138****5678。');
    expect(maskNumbersInText('手机+8613812345678，另 86 139 0000 1111')).toBe('手机+86138****5678，另 86 139****1111');
    expect(maskNumbersInText('身份证 430104 19580315 1234，旧证 430104580315123')).toBe(
      '身份证 4301**********1234，旧证 430*********123',
    );
    expect(maskNumbersInText('证号４３０１０４１９５８０３１５１２３ｘ')).toBe('证号4301**********123X');
    expect(maskNumbersInText('座机 0731－88886666')).toBe('座机 0731-****6666');
    // Directions keep an office's landline and still mask a mobile.
    expect(maskNumbersInText('派出所 0731-88881110，或联系 13812345678', { keepLandlines: true })).toBe(
      '派出所 0731-88881110，或联系 138****5678',
    );
    // Dates, times, tracking numbers and amounts with spaces stay.
    const plain = '2026-11-17 09:30 受理 THL-20261117-0001，补贴 1 200 元，第 3 网格 12 栋';
    expect(maskNumbersInText(plain)).toBe(plain);
  });
});

describe('maskReasonForLog', () => {
  it('keeps the reason, with its numbers and the resident’s own name masked', () => {
    expect(maskReasonForLog(' 张三重复登记，电话 138 1234 5678 ', '张三')).toBe('张*重复登记，电话 138****5678');
    expect(maskReasonForLog('家属申请', '张三')).toBe('家属申请');
    expect(maskReasonForLog('核对名单 430104195803151234')).toBe('核对名单 4301**********1234');
  });
});
