import { describe, expect, it } from 'vitest';
import {
  MAX_PINYIN_KEYS,
  normalizeQuery,
  searchKeysForIdNumber,
  searchKeysForName,
  searchKeysForPhone,
  searchKeysForResident,
} from '../../../shared/domain/pinyinKeys';
import { toFullWidth } from './helpers';

/** What the DB layer does: prefix match of the normalised query on any key. */
function matches(keys: readonly string[], query: string): boolean {
  const q = normalizeQuery(query);
  return q !== '' && keys.some((k) => k.startsWith(q));
}

describe('normalizeQuery', () => {
  it('NFKC, lower-case, strips spaces and separators', () => {
    expect(normalizeQuery(' Zhang San ')).toBe('zhangsan');
    expect(normalizeQuery('ＺＳ')).toBe('zs');
    expect(normalizeQuery('138-1234 5678')).toBe('13812345678');
    expect(normalizeQuery('买买提·艾力')).toBe('买买提艾力');
    expect(normalizeQuery('lü')).toBe('lv');
    expect(normalizeQuery('')).toBe('');
    expect(normalizeQuery(null)).toBe('');
  });

  it('upper-cases a trailing x after digits (ID fragments) but not pinyin x', () => {
    expect(normalizeQuery('002x')).toBe('002X');
    expect(normalizeQuery(toFullWidth('1002x'))).toBe('1002X');
    expect(normalizeQuery('x')).toBe('x');
    expect(normalizeQuery('xie')).toBe('xie');
  });
});

describe('searchKeysForName', () => {
  it('张三 → 张三, zhangsan, zs', () => {
    expect(searchKeysForName('张三')).toEqual(['张三', 'zhangsan', 'zs']);
  });

  it.each([
    ['单田芳', 'shantianfang', 'stf'],
    ['曾国藩', 'zengguofan', 'zgf'],
    ['解缙', 'xiejin', 'xj'],
    ['仇英', 'qiuying', 'qy'],
    ['区志坚', 'ouzhijian', 'ozj'],
    ['朴树', 'piaoshu', 'ps'],
    ['查良镛', 'zhaliangyong', 'zly'],
  ])('uses the surname reading first for %s', (name, full, initials) => {
    const keys = searchKeysForName(name);
    expect(keys[1]).toBe(full); // the most likely reading comes right after the name itself
    expect(keys).toContain(initials);
  });

  it('keeps the ordinary reading of a surname as a fallback (单 dan, 曾 ceng)', () => {
    expect(searchKeysForName('单田芳')).toContain('dantianfang');
    expect(searchKeysForName('曾国藩')).toContain('cengguofan');
  });

  it('includes alternative readings of polyphonic given-name characters', () => {
    const keys = searchKeysForName('王长乐');
    expect(keys).toContain('wangchangle');
    expect(keys).toContain('wangzhangle');
    expect(keys).toContain('wangchangyue');
    expect(keys).toContain('wcl');
    expect(keys).toContain('wzl');
  });

  it('caps the number of keys for names full of polyphonic characters', () => {
    const keys = searchKeysForName('张和行重乐长朝');
    expect(keys.filter((k) => /^[a-z]+$/.test(k) && k.length > 7).length).toBeLessThanOrEqual(MAX_PINYIN_KEYS);
    expect(keys.length).toBeLessThanOrEqual(1 + 2 * MAX_PINYIN_KEYS);
    expect(keys[1]).toBe(searchKeysForName('张和行重乐长朝')[1]);
  });

  it('writes ü as v and as u', () => {
    expect(searchKeysForName('吕布')).toEqual(['吕布', 'lvbu', 'lubu', 'lb']);
    expect(searchKeysForName('女娲')).toContain('nvwa');
  });

  it('compound surnames and transliterated names', () => {
    expect(searchKeysForName('欧阳娜娜')).toContain('ouyangnana');
    expect(searchKeysForName('欧阳娜娜')).toContain('oynn');
    const uyghur = searchKeysForName('买买提·艾力');
    expect(uyghur[0]).toBe('买买提艾力');
    expect(uyghur).toContain('maimaitiaili');
    expect(uyghur).toContain('mmtal');
  });

  it('Latin letters, spaces, full-width and rare characters', () => {
    expect(searchKeysForName('Anna李')).toEqual(['anna李', 'annali', 'al']);
    expect(searchKeysForName(' 李 四 ')).toEqual(['李四', 'lisi', 'ls']);
    expect(searchKeysForName('𠇔三')).toEqual(['𠇔三', 'san', 's']);
    expect(searchKeysForName('')).toEqual([]);
    expect(searchKeysForName(null)).toEqual([]);
  });

  it('all pinyin keys are lower-case ASCII without tones', () => {
    for (const name of ['张三', '吕布', '单田芳', '王长乐', '欧阳娜娜', '买买提·艾力']) {
      for (const k of searchKeysForName(name).slice(1)) expect(k).toMatch(/^[a-z]+$/);
    }
  });
});

describe('searchKeysForResident', () => {
  const resident = { name: '张三', phone: '138 1234 5678', idNumber: '11010519491231002x' };
  const keys = searchKeysForResident(resident);

  it('collects name, phone and ID keys', () => {
    expect(keys).toEqual([
      '张三',
      'zhangsan',
      'zs',
      '13812345678',
      '5678',
      '11010519491231002X',
      '002X',
      '1002X',
      '31002X',
    ]);
  });

  it('landline phones also index the number without the area code', () => {
    expect(searchKeysForPhone('0731-88886666')).toEqual(['073188886666', '88886666', '6666']);
    expect(searchKeysForPhone('010-62345678-123')).toEqual(['01062345678', '62345678', '5678']);
  });

  it('legacy/invalid values still yield best-effort keys', () => {
    expect(searchKeysForPhone('8888666')).toEqual(['8888666', '8666']);
    expect(searchKeysForPhone('12')).toEqual([]);
    expect(searchKeysForIdNumber('430104900101123')).toEqual(['430104900101123', '1123', '01123', '101123']);
    expect(searchKeysForIdNumber('123')).toEqual([]);
    expect(searchKeysForResident({})).toEqual([]);
    expect(searchKeysForResident({ name: null, phone: null, idNumber: null })).toEqual([]);
  });

  it('is found by every documented kind of query (prefix match)', () => {
    for (const q of [
      '张',
      '张三',
      'zhang',
      'zhangsan',
      'Zhang San',
      'z',
      'zs',
      'ZS',
      '138',
      '138 1234',
      '13812345678',
      '5678',
      '002x',
      '1002X',
      '31002x',
      '110105',
      '11010519491231002x',
      toFullWidth('5678'),
    ]) {
      expect(matches(keys, q), q).toBe(true);
    }
  });

  it('is not found by unrelated queries', () => {
    for (const q of ['李', 'li', 'zss', '139', '1234', '003', '2X', '9999']) {
      expect(matches(keys, q), q).toBe(false);
    }
  });
});
