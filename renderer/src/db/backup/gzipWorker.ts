/**
 * A backup's compressing thread (gzipOffThread.ts): each text it is sent comes back gzip-compressed,
 * its bytes handed over (transferred, not copied). It sees the JSON of the rows being backed up,
 * as the page does; nothing leaves the page's process, and nothing is logged.
 */
import { gzipText } from './gzip';

export type GzipRequest = { id: number; text: string };
export type GzipReply = { id: number; bytes: Uint8Array<ArrayBuffer> } | { id: number; failed: true };

self.onmessage = (e: MessageEvent<GzipRequest>) => {
  const { id, text } = e.data;
  gzipText(text).then(
    (bytes) => self.postMessage({ id, bytes } satisfies GzipReply, { transfer: [bytes.buffer] }),
    () => self.postMessage({ id, failed: true } satisfies GzipReply),
  );
};
