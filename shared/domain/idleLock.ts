/**
 * 自动锁屏: the desk covers itself after some idle minutes so a resident's name, ID or phone is
 * not left on a shared screen. The minutes are a setting of the center (社区信息, 1–60, default
 * 5); the rule is pure — the app passes the last activity and the desk clock's now.
 */
import type { CommunityProfile } from './records';

export const AUTO_LOCK_DEFAULT_MINUTES = 5;
export const AUTO_LOCK_MIN_MINUTES = 1;
export const AUTO_LOCK_MAX_MINUTES = 60;

/** The message when a value is not a whole number of minutes in range, else null. */
export function validateAutoLockMinutes(minutes: number): string | null {
  if (!Number.isInteger(minutes) || minutes < AUTO_LOCK_MIN_MINUTES || minutes > AUTO_LOCK_MAX_MINUTES)
    return `自动锁屏时间应为 ${AUTO_LOCK_MIN_MINUTES}–${AUTO_LOCK_MAX_MINUTES} 的整数（分钟）`;
  return null;
}

/** The center's idle minutes: its setting, or the default when unset or out of range (an old row). */
export function autoLockMinutes(c: Pick<CommunityProfile, 'autoLockMinutes'>): number {
  const m = c.autoLockMinutes;
  return m !== undefined && validateAutoLockMinutes(m) === null ? m : AUTO_LOCK_DEFAULT_MINUTES;
}

/** The instant the desk locks if nothing happens after `lastActivity` (epoch ms). */
export function lockDueAt(lastActivity: number, minutes: number): number {
  return lastActivity + minutes * 60_000;
}

/**
 * Whether the desk is due to lock at `now`. A clock set back (now before the last activity)
 * does not lock: the idle time counts from the activity, never negative.
 */
export function isIdleLocked(lastActivity: number, now: number, minutes: number): boolean {
  return now >= lockDueAt(lastActivity, minutes);
}

/** Why the desk was locked (the audit row's detail). */
export type LockReason = 'idle' | 'manual';
