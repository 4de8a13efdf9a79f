import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  isLocked,
  KDF_ALGORITHM,
  KDF_HASH_BITS,
  KDF_ITERATIONS,
  KDF_SALT_BYTES,
  LOCKOUT_MS,
  MAX_FAILED_ATTEMPTS,
  UNLOCKED,
  validateSecret,
} from '@shared/domain/credentials';
import { hashSecret, verifySecret } from '../../../renderer/src/db/secrets';

describe('KDF parameters', () => {
  it('uses PBKDF2-SHA256 with the OWASP iteration count, a 16-byte salt and a 256-bit key', () => {
    expect(KDF_ALGORITHM).toBe('PBKDF2-SHA256');
    expect(KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(KDF_SALT_BYTES).toBe(16);
    expect(KDF_HASH_BITS).toBe(256);
  });

  it('computes real PBKDF2-HMAC-SHA256 (RFC 7914 §11 vector: passwd/salt/1)', async () => {
    const h = await hashSecret('passwd', new TextEncoder().encode('salt') as Uint8Array<ArrayBuffer>, 1);
    // First 32 bytes of 55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc…
    expect(h.hashB64).toBe('VawEblbjCJ/sFpHCJUS2BflBhSFt3gRl5oudV8INrLw=');
  });

  it('stores the default parameters with a fresh random salt every time', async () => {
    const a = await hashSecret('246810');
    const b = await hashSecret('246810');
    expect(a.iterations).toBe(KDF_ITERATIONS);
    expect(a.algorithm).toBe('PBKDF2-SHA256');
    expect(atob(a.saltB64)).toHaveLength(KDF_SALT_BYTES);
    expect(a.saltB64).not.toBe(b.saltB64);
    expect(a.hashB64).not.toBe(b.hashB64);
    expect(await verifySecret('246810', a)).toBe(true);
    expect(await verifySecret('246811', a)).toBe(false);
  });

  it('treats full-width digits like the same PIN typed half-width', async () => {
    const h = await hashSecret('246810', undefined, 1000);
    expect(await verifySecret('２４６８１０', h)).toBe(true);
  });
});

describe('secret policy', () => {
  it.each([
    ['', '请输入密码或 PIN'],
    ['12', 'PIN 应为 6 到 12 位数字'],
    ['111111', 'PIN 不能是同一个数字重复'],
    ['123456', 'PIN 不能是连续数字'],
    ['abc', '密码至少 8 位（或使用 6 位以上数字 PIN）'],
  ])('refuses %j', (secret, message) => {
    expect(validateSecret(secret)).toBe(message);
  });
  it.each(['246810', 'desk-2026!'])('accepts %j', (s) => expect(validateSecret(s)).toBeNull());
});

describe('lockout', () => {
  const t0 = 1_790_000_000_000;
  it('locks on the fifth consecutive failure for five minutes, then starts counting afresh', () => {
    let s = UNLOCKED;
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      s = afterFailure(s, t0);
      expect(s.failedAttempts).toBe(i);
      expect(isLocked(s, t0)).toBe(false);
    }
    s = afterFailure(s, t0);
    expect(isLocked(s, t0)).toBe(true);
    expect(isLocked(s, t0 + LOCKOUT_MS - 1)).toBe(true);
    expect(isLocked(s, t0 + LOCKOUT_MS)).toBe(false);
    const after = afterFailure(s, t0 + LOCKOUT_MS + 1);
    expect(after).toEqual({ failedAttempts: 1, lockedUntil: 0 });
  });
});
