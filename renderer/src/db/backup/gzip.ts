/**
 * gzip for a backup's chunks (shared/backup/frames.ts) with the platform's own streams
 * (CompressionStream: Chromium, and Node ≥ 18 for the tests); main opens them with node:zlib.
 */
const enc = new TextEncoder();
const dec = new TextDecoder();

async function through(
  bytes: Uint8Array<ArrayBuffer>,
  stream: GenericTransformStream,
): Promise<Uint8Array<ArrayBuffer>> {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream as TransformStream<Uint8Array, Uint8Array>));
  return new Uint8Array(await out.arrayBuffer());
}

export const gzipText = (text: string) => through(enc.encode(text), new CompressionStream('gzip'));

/** @throws when the bytes are not one complete gzip stream */
export const gunzipText = async (bytes: Uint8Array<ArrayBuffer>) =>
  dec.decode(await through(bytes, new DecompressionStream('gzip')));
