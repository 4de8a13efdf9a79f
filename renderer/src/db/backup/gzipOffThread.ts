/**
 * gzip of a backup's chunks on a thread of its own (gzipWorker.ts): the page's thread reads the
 * database and turns each page into JSON while the other core compresses the page before — in
 * Chromium, encoding and compressing a page cost about what reading it does — and the screen
 * keeps more of its thread during a backup. Results come back in the order asked. Where there are
 * no workers (the data-layer tests) or the worker cannot start, the same gzip runs here.
 */
import { gzipText } from './gzip';
import type { GzipReply, GzipRequest } from './gzipWorker';

export type Gzipper = { gzip(text: string): Promise<Uint8Array<ArrayBuffer>>; close(): void };

const here: Gzipper = { gzip: gzipText, close: () => undefined };

/** A compressing thread for one backup (`close` it at the end). */
export function gzipper(): Gzipper {
  if (typeof Worker === 'undefined' || typeof window === 'undefined') return here;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./gzipWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return here;
  }
  let lastId = 0;
  const waiting = new Map<number, { text: string; done: (p: Promise<Uint8Array<ArrayBuffer>>) => void }>();
  let broken = false;
  // The worker did not load or died: what it had runs here instead (the backup goes on).
  const fallBack = () => {
    broken = true;
    worker.terminate();
    for (const [id, w] of waiting) {
      waiting.delete(id);
      w.done(gzipText(w.text));
    }
  };
  worker.onerror = (e) => {
    e.preventDefault();
    fallBack();
  };
  worker.onmessage = (e: MessageEvent<GzipReply>) => {
    const r = e.data;
    const w = waiting.get(r.id);
    if (!w) return;
    waiting.delete(r.id);
    w.done('bytes' in r ? Promise.resolve(r.bytes) : Promise.reject(new Error('gzip failed')));
  };
  return {
    gzip(text) {
      if (broken) return gzipText(text);
      const id = ++lastId;
      return new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
        waiting.set(id, { text, done: (p) => p.then(resolve, reject) });
        worker.postMessage({ id, text } satisfies GzipRequest);
      });
    },
    close: () => worker.terminate(),
  };
}
