import { describe, expect, it } from 'vitest';
import {
  AUTO_LOCK_DEFAULT_MINUTES,
  autoLockMinutes,
  isIdleLocked,
  lockDueAt,
  validateAutoLockMinutes,
} from '@shared/domain/idleLock';

const T = Date.parse('2026-11-24T09:30:00+08:00');
const MIN = 60_000;

describe('自动锁屏 minutes', () => {
  it('defaults to 5 when the center has not set it', () => {
    expect(AUTO_LOCK_DEFAULT_MINUTES).toBe(5);
    expect(autoLockMinutes({})).toBe(5);
  });

  it('takes a setting from 1 to 60 whole minutes', () => {
    expect(autoLockMinutes({ autoLockMinutes: 1 })).toBe(1);
    expect(autoLockMinutes({ autoLockMinutes: 60 })).toBe(60);
    for (const ok of [1, 5, 30, 60]) expect(validateAutoLockMinutes(ok)).toBeNull();
  });

  it('refuses 0, 61, fractions and non-numbers with one Chinese message; a stored bad value falls back to 5', () => {
    for (const bad of [0, -1, 61, 2.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(validateAutoLockMinutes(bad)).toBe('自动锁屏时间应为 1–60 的整数（分钟）');
    expect(autoLockMinutes({ autoLockMinutes: 0 })).toBe(5);
    expect(autoLockMinutes({ autoLockMinutes: 90 })).toBe(5);
  });
});

describe('idle rule', () => {
  it('is not locked before the minutes have passed, locked from the minute on', () => {
    expect(isIdleLocked(T, T, 5)).toBe(false);
    expect(isIdleLocked(T, T + 5 * MIN - 1, 5)).toBe(false);
    expect(isIdleLocked(T, T + 5 * MIN, 5)).toBe(true);
    expect(isIdleLocked(T, T + 3 * 60 * MIN, 5)).toBe(true);
    expect(lockDueAt(T, 5)).toBe(T + 5 * MIN);
  });

  it('counts from the last activity: a later activity moves the lock on', () => {
    const later = T + 4 * MIN;
    expect(isIdleLocked(later, T + 6 * MIN, 5)).toBe(false);
    expect(isIdleLocked(later, T + 9 * MIN, 5)).toBe(true);
  });

  it('a clock set back does not lock', () => {
    expect(isIdleLocked(T, T - 60 * MIN, 5)).toBe(false);
  });

  it('honours the setting', () => {
    expect(isIdleLocked(T, T + MIN, 1)).toBe(true);
    expect(isIdleLocked(T, T + 59 * MIN, 60)).toBe(false);
  });
});
