/**
 * gzip for a backup's chunks (shared/backup/frames.ts) with the platform's own streams
 * (CompressionStream: Chromium, and Node ≥ 18 for the tests); main opens them with node:zlib.
 * The bytes are written straight into the stream (no Blob: in Chromium a Blob's bytes go to the
 * browser process and back) and its output gathered as it comes.
 */
const enc = new TextEncoder();
const dec = new TextDecoder();

async function through(
  bytes: Uint8Array<ArrayBuffer>,
  stream: GenericTransformStream,
): Promise<Uint8Array<ArrayBuffer>> {
  const { readable, writable } = stream as TransformStream<Uint8Array, Uint8Array>;
  const writer = writable.getWriter();
  // Not awaited before reading: the stream's queue is small, the reader below drains it.
  const written = writer.write(bytes).then(() => writer.close());
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = readable.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      size += value.length;
    }
  } catch (e) {
    written.catch(() => undefined);
    throw e;
  }
  await written;
  if (parts.length === 1) return parts[0] as Uint8Array<ArrayBuffer>;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const gzipText = (text: string) => through(enc.encode(text), new CompressionStream('gzip'));

/** @throws when the bytes are not one complete gzip stream */
export const gunzipText = async (bytes: Uint8Array<ArrayBuffer>) =>
  dec.decode(await through(bytes, new DecompressionStream('gzip')));
