/**
 * The slow KDF for staff PINs and passwords (parameters in shared/domain/credentials): WebCrypto
 * (`crypto.subtle`) does the work in the renderer and in Node alike, so Vitest tests the same
 * code. The salt is random unless a test injects one. Never run inside an IndexedDB
 * transaction (WebCrypto promises would let it commit).
 */
import { KDF_ALGORITHM, KDF_HASH_BITS, KDF_ITERATIONS, KDF_SALT_BYTES } from '@shared/domain/credentials';
import type { PasswordHash } from '@shared/domain/records';
import { fromB64, toB64 } from './bytes';

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
