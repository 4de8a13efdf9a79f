/** The backup passphrase rule (shared/backup/passphrase.ts), case by case. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PASSPHRASE_MESSAGES as M,
  passphraseProblem,
  passphraseWords,
  type PassphraseContext,
} from '../../../shared/backup/passphrase';
import { COMMON_PASSWORDS } from '../../../shared/backup/commonPasswords';

const DESK: PassphraseContext = {
  communityCode: 'THL',
  communityName: '桃花岭社区',
  adminNames: ['王建国', '李 秀英'],
};
const problem = (passphrase: string, context: PassphraseContext = DESK) => passphraseProblem({ passphrase }, context);

describe('backup passphrase: accepted', () => {
  it.each([
    ['12 characters', 'k7#Lm9pQ2vXz'],
    ['a long Chinese sentence', '我家门前有两棵枣树另一棵也是'],
    ['four English words', 'correct horse battery staple'],
    ['four Chinese words with spaces (11 characters)', '春天 花开 满园 香气'],
    ['four Chinese words with full-width commas', '春天，花开，满园，香气'],
    ['eight Chinese characters without spaces (four two-character words)', '春天花开满园香气'],
    ['mixed', '梅花香自苦寒来2026年'],
    ['full-width letters and digits (NFKC)', 'Ｋ７ｍＬ９ｐＱ２ｖＸｚａ'],
  ])('%s: %s', (_, p) => {
    expect(problem(p)).toBeNull();
  });

  it('a phrase that is fine where the checks have nothing to compare with', () => {
    expect(problem('correct horse battery staple', {})).toBeNull();
  });
});

describe('backup passphrase: refused, with the Chinese message at the field', () => {
  it.each([
    ['empty', '', M.empty],
    ['only spaces', '   ', M.empty],
    ['8 characters (the old rule)', 'k7#Lm9pQ', M.short],
    ['11 characters, one word', 'k7#Lm9pQ2vX', M.short],
    ['three Chinese words', '春天 花开 满园', M.short],
    ['seven Chinese characters (three words)', '我爱北京天安门', M.short],
    ['four words, two of them the same', '春天 春天 满园 香气', M.short],
    ['four one-letter "words"', 'a b c d e f', M.short],
    ['spaces at the ends do not count', '   k7#Lm9pQ2vX   ', M.short],
    ['one character repeated', 'aaaaaaaaaaaaaa', M.monotone],
    ['two characters repeated', '哈哈哈哈哈哈哈哈哈哈哈哈', M.monotone],
    ['a pattern of four characters', 'abcdabcdabcd', M.monotone],
    ['the community code', 'xTHLx-Blue-Sky-Run', M.community],
    ['the community code, lower case', 'my thl river 2026', M.community],
    ['the community name', '桃花岭社区的备份 在此', M.community],
    ['the community name without 社区', '桃花岭 春天 花开 满园', M.community],
    ['an admin name', '王建国的钥匙放在抽屉里', M.adminName],
    ['an admin name typed with a space', '李秀英 春天 花开 满园', M.adminName],
    ['123456789', '123456789abcXYZ', M.common],
    ['woaini1314', 'woaini1314forever', M.common],
    ['woaini1314 with upper case, spaces and punctuation', 'WoAi Ni-1314 !! Yes', M.common],
    ['qwertyuiop', 'qwertyuiop[]\\', M.common],
    ['password123', 'password123!!!', M.common],
    ['5201314', '我们的 5201314 纪念日吧', M.common],
    ['a famous Chinese phrase', '好好学习天天向上加油', M.common],
    ['full-width digits of a common password (NFKC)', '１２３４５６７８９ｘｙｚ', M.common],
  ])('%s', (_, p, message) => {
    expect(problem(p)).toEqual({ field: 'passphrase', message });
  });

  it('the confirmation must match (at its own field), compared as normalised', () => {
    expect(passphraseProblem({ passphrase: '春天 花开 满园 香气', again: '春天 花开 满园 香汽' }, DESK)).toEqual({
      field: 'again',
      message: M.mismatch,
    });
    expect(passphraseProblem({ passphrase: '春天 花开 满园 香气', again: ' 春天 花开 满园 香气 ' }, DESK)).toBeNull();
  });

  it("the placeholder code of a desk not set up yet (NEW) is not a community's code", () => {
    expect(problem('a new beginning for us', { communityCode: 'NEW' })).toBeNull();
  });

  it('never names the admin or echoes the passphrase in its message', () => {
    const r = problem('王建国的钥匙放在抽屉里');
    expect(r?.message).not.toContain('王建国');
    expect(r?.message).not.toContain('钥匙');
  });
});

describe('what a word is', () => {
  it.each([
    ['春天 花开 满园 香气', ['春天', '花开', '满园', '香气']],
    ['春天花开满园香气', ['春天', '花开', '满园', '香气']],
    ['我爱北京天安门', ['我爱', '北京', '天安']],
    ['2026年春天', ['2026', '年春']],
    ['the cat is on a mat', ['the', 'cat', 'mat']],
    ['Blue-Fish, red/fish', ['blue', 'fish', 'red', 'fish']],
  ])('%s', (p, words) => {
    expect(passphraseWords(p)).toEqual(words);
  });
});

describe('the list shipped with the app', () => {
  it('holds a few hundred common passwords, Chinese favourites among them, each long enough to matter', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(250);
    for (const p of ['123456789', 'woaini1314', 'qwertyuiop', 'password123', '5201314', '1qaz2wsx', 'zhang wei'])
      expect(COMMON_PASSWORDS).toContain(p.replace(' ', ''));
    for (const p of COMMON_PASSWORDS) {
      expect(p).toBe(p.toLowerCase().replace(/\s/g, ''));
      expect(Array.from(p).length).toBeGreaterThanOrEqual(/\p{Script=Han}/u.test(p) ? 3 : 6);
    }
  });

  it('every entry, alone or padded to 12 characters, is refused', () => {
    for (const p of COMMON_PASSWORDS) {
      expect(problem(p, {}), p).not.toBeNull();
      expect(problem(`${p}·Zq8#Wv!Rt`, {})?.message, p).toBe(M.common);
    }
  });
});

describe('properties', () => {
  it('never throws; a refusal is always at a field with a Chinese message', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'grapheme' }), fc.string({ maxLength: 6 }), (p, code) => {
        const r = passphraseProblem({ passphrase: p, again: p }, { communityCode: code, adminNames: [code] });
        if (r) {
          expect(r.field).toBe('passphrase');
          expect(r.message).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('anything shorter than 12 characters with fewer than four words is refused', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 11 }), (p) => {
        fc.pre(new Set(passphraseWords(p)).size < 4);
        expect(problem(p, {})).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
