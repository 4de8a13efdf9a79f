/**
 * A wait until the desk is quiet: `ms` with no committed write (db/committed.ts) and no key,
 * pointer or wheel input on the page. For background work that holds a long read transaction
 * (the report warm-up reads a year of records, ~3 s at five years): a save waits for a read
 * transaction started before it, so such work starts only when nobody is working at the desk.
 */
import { onWriteCommitted } from '../db/committed';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;
// Seen before any handler of the page can stop them.
const CAPTURE = { capture: true, passive: true };

/** Resolves once the desk has been quiet for `ms`, or at once when `signal` aborts (check it after). */
export function quietFor(
  ms: number,
  signal?: AbortSignal,
  page: EventTarget | undefined = globalThis.window,
): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(done, ms);
    };
    const stopWrites = onWriteCommitted(restart);
    function done() {
      clearTimeout(timer);
      stopWrites();
      for (const e of INPUT_EVENTS) page?.removeEventListener(e, restart, CAPTURE);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    if (signal?.aborted) return done();
    signal?.addEventListener('abort', done);
    for (const e of INPUT_EVENTS) page?.addEventListener(e, restart, CAPTURE);
    restart();
  });
}
