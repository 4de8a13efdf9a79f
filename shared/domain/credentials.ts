/**
 * Staff credentials: PIN/password policy, the slow KDF, and the lockout rule.
 *
 * KDF: PBKDF2-HMAC-SHA256 with 600,000 iterations and a 16-byte random salt — the OWASP
 * Password Storage Cheat Sheet figure for PBKDF2-SHA256. WebCrypto (`crypto.subtle`) does the
 * work in both the renderer and Node, so the same code is tested in Vitest. Randomness and the
 * clock are passed in: this module stays deterministic.
 */
import type { PasswordHash } from './records';

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

function toB64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromB64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

async function derive(secret: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret.normalize('NFKC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    KDF_HASH_BITS,
  );
  return new Uint8Array(bits);
}

/** Hashes a secret with a fresh salt (`salt` may be injected in tests). */
export async function hashSecret(
  secret: string,
  salt: Uint8Array<ArrayBuffer> = crypto.getRandomValues(new Uint8Array(KDF_SALT_BYTES)),
  iterations = KDF_ITERATIONS,
): Promise<PasswordHash> {
  const hash = await derive(secret, salt, iterations);
  return { algorithm: KDF_ALGORITHM, iterations, saltB64: toB64(salt), hashB64: toB64(hash) };
}

/** Constant-time comparison of the derived key with the stored one. */
export async function verifySecret(secret: string, stored: PasswordHash): Promise<boolean> {
  const expected = fromB64(stored.hashB64);
  const actual = await derive(secret, fromB64(stored.saltB64), stored.iterations);
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return diff === 0;
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

/** The message shown when sign-in is refused because of the lock. */
export function lockoutMessage(state: LockState, now: number): string {
  const minutes = Math.max(1, Math.ceil((state.lockedUntil - now) / 60000));
  return `连续 ${MAX_FAILED_ATTEMPTS} 次密码错误，账号已临时锁定，请 ${minutes} 分钟后再试，或请站长解锁。`;
}
