import { describe, expect, it } from 'vitest';
import { isNumberQuery, maskSearchQuery } from '../../../shared/domain/searchAudit';
import { pledgeDue, PLEDGE_VALID_DAYS } from '../../../shared/domain/pledge';
import { PLEDGE_ACCEPT, PLEDGE_LINES, REVEAL_OTHER, REVEAL_REASONS } from '../../../shared/domain/texts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-12-02T09:00:00+08:00');

describe('pledgeDue (保密承诺 at the first sign-in and yearly)', () => {
  it('is due when never accepted', () => {
    expect(pledgeDue(undefined, NOW)).toBe(true);
    expect(pledgeDue(Number.NaN, NOW)).toBe(true);
  });

  it('is not due 364 days (or exactly 365 days) after acceptance, due after 366', () => {
    expect(PLEDGE_VALID_DAYS).toBe(365);
    expect(pledgeDue(NOW, NOW)).toBe(false);
    expect(pledgeDue(NOW - 364 * DAY, NOW)).toBe(false);
    expect(pledgeDue(NOW - 365 * DAY, NOW)).toBe(false);
    expect(pledgeDue(NOW - 365 * DAY - 1, NOW)).toBe(true);
    expect(pledgeDue(NOW - 366 * DAY, NOW)).toBe(true);
  });

  it('is read at the time of each check: a session signed in before the year ran out is due at an unlock after it', () => {
    const accepted = NOW - 365 * DAY + 60 * 60 * 1000; // the year runs out in an hour
    const signedIn = NOW;
    const unlocked = NOW + 2 * 60 * 60 * 1000;
    expect(pledgeDue(accepted, signedIn)).toBe(false);
    expect(pledgeDue(accepted, unlocked)).toBe(true);
  });

  it('has its wording: the four promises and the button', () => {
    const text = PLEDGE_LINES.join('');
    for (const words of ['依法保护居民个人信息', '不泄露、不转发、不拍照', '离开工位时锁屏'])
      expect(text).toContain(words);
    expect(PLEDGE_ACCEPT).toBe('我已阅读并承诺');
  });
});

describe('search logging: which queries, masked how', () => {
  it('logs ID- and phone-shaped queries: 4+ digits or digits ending in X', () => {
    for (const q of [
      '1234',
      '5678',
      '13812345678',
      '138 1234 5678',
      '０７３１-８８８８６６６６',
      '123x',
      '5X',
      '430104195803151237',
    ])
      expect(isNumberQuery(q), q).toBe(true);
  });

  it('does not log names, pinyin, short numbers or tracking numbers', () => {
    for (const q of ['', '张三', 'zhangsan', 'zs', '123', '12', 'THL-20261124-0001', '张三1234', 'x'])
      expect(isNumberQuery(q), q).toBe(false);
  });

  it('keeps only the last 4 characters behind four stars, never the length', () => {
    expect(maskSearchQuery('13812345678')).toBe('****5678');
    expect(maskSearchQuery('138-1234-5678')).toBe('****5678');
    expect(maskSearchQuery('43010419580315123x')).toBe('****123X');
    expect(maskSearchQuery('1234')).toBe('****1234');
    expect(maskSearchQuery('011234')).toBe('****1234');
    expect(maskSearchQuery('13812345678')).not.toContain('1381');
  });
});

describe('查看原因', () => {
  it('offers the short list, the last one asking for words', () => {
    expect(REVEAL_REASONS).toEqual(['核对身份办理业务', '联系居民', '填写上级部门报表', '其他（请说明）']);
    expect(REVEAL_REASONS.at(-1)).toBe(REVEAL_OTHER);
  });
});
