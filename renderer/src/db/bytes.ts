/**
 * Bytes ↔ base64 for what the data layer stores or writes as text (hashes, keys, backups). The
 * platform's own base64 (`Uint8Array.prototype.toBase64` / `Uint8Array.fromBase64`: Chromium ≥ 140)
 * where it has it — a backup's chunks are most of a five-year desk's file — and a JS fallback
 * elsewhere (Node 20 in the tests).
 */
type NativeBase64 = {
  toBase64?: (this: Uint8Array) => string;
};
type NativeFromBase64 = {
  fromBase64?: (s: string, o?: { lastChunkHandling?: 'loose' | 'strict' }) => Uint8Array<ArrayBuffer>;
};
const nativeTo = (Uint8Array.prototype as NativeBase64).toBase64;
const nativeFrom = (Uint8Array as unknown as NativeFromBase64).fromBase64;

/** The JS way (the tests' Node, and the check that both ways agree: tests/db/bytes.test.ts). */
export function toB64Js(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromB64Js(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function toB64(bytes: Uint8Array): string {
  return nativeTo ? nativeTo.call(bytes) : toB64Js(bytes);
}

export function fromB64(b64: string): Uint8Array<ArrayBuffer> {
  return nativeFrom ? nativeFrom(b64) : fromB64Js(b64);
}

/**
 * Base64 that is exactly what it decodes to (no ignored bits, padding as written): a changed
 * character always shows. The caller has checked the alphabet (no whitespace, which both ways
 * would skip: shared/backup/format.ts `base64Schema`). @throws on anything else
 */
export function fromB64Strict(b64: string): Uint8Array<ArrayBuffer> {
  if (nativeFrom) {
    // 'strict': non-zero padding bits and a missing '=' are refused, as the re-encoding below does.
    if (b64.length % 4 !== 0) throw new Error('base64 not a multiple of 4');
    return nativeFrom(b64, { lastChunkHandling: 'strict' });
  }
  const bytes = fromB64Js(b64);
  if (toB64Js(bytes) !== b64) throw new Error('base64 not canonical');
  return bytes;
}

/** SHA-256 of a text's UTF-8 bytes, as lower-case hex (WebCrypto): the report package's hash. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
