/**
 * Staff credentials: PIN/password policy, the KDF parameters and the lockout rule (pure; the
 * clock is passed in). The KDF itself runs on WebCrypto in renderer/src/db/secrets.ts.
 *
 * KDF: PBKDF2-HMAC-SHA256 with 600,000 iterations and a 16-byte random salt — the OWASP
 * Password Storage Cheat Sheet figure for PBKDF2-SHA256.
 */

export const KDF_ALGORITHM = 'PBKDF2-SHA256' as const;
export const KDF_ITERATIONS = 600_000;
export const KDF_SALT_BYTES = 16;
export const KDF_HASH_BITS = 256;

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;

/** PIN: 6–12 digits; password: 8–64 characters. Returns a Chinese message or null. */
export function validateSecret(secret: string): string | null {
  if (!secret) return '请输入密码或 PIN';
  if (/^\d+$/.test(secret)) {
    if (secret.length < 6 || secret.length > 12) return 'PIN 应为 6 到 12 位数字';
    if (/^(\d)\1+$/.test(secret)) return 'PIN 不能是同一个数字重复';
    if ('01234567890'.includes(secret) || '09876543210'.includes(secret)) return 'PIN 不能是连续数字';
    return null;
  }
  if (secret.length < 8) return '密码至少 8 位（或使用 6 位以上数字 PIN）';
  if (secret.length > 64) return '密码不超过 64 位';
  return null;
}

export type LockState = { failedAttempts: number; lockedUntil: number };

export function isLocked(state: LockState, now: number): boolean {
  return state.lockedUntil > now;
}

/** After a wrong secret: count it; the fifth in a row locks the account for LOCKOUT_MS. */
export function afterFailure(state: LockState, now: number): LockState {
  // A lock that has run out starts a fresh count.
  const expired = state.lockedUntil > 0 && !isLocked(state, now);
  const failed = (expired ? 0 : state.failedAttempts) + 1;
  if (failed >= MAX_FAILED_ATTEMPTS) return { failedAttempts: failed, lockedUntil: now + LOCKOUT_MS };
  return { failedAttempts: failed, lockedUntil: 0 };
}

export const UNLOCKED: LockState = { failedAttempts: 0, lockedUntil: 0 };

/** Whole minutes left of a lock (at least 1), for the messages. */
export function lockMinutesLeft(state: LockState, now: number): number {
  return Math.max(1, Math.ceil((state.lockedUntil - now) / 60000));
}

/** The message shown when sign-in is refused because of the lock. */
export function lockoutMessage(state: LockState, now: number): string {
  return `连续 ${MAX_FAILED_ATTEMPTS} 次密码错误，账号已临时锁定，请 ${lockMinutesLeft(state, now)} 分钟后再试，或请站长解锁。`;
}
