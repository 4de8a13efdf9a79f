/**
 * A wait until the desk is quiet: `ms` with no committed write (db/committed.ts) and no key,
 * pointer or wheel input on the page. For background work that keeps the database busy (the
 * report warm-up reads a year of records, ~2 s at five years, in steps of a read transaction each:
 * a save waits for the steps under way, and one between them makes the read start again), so such
 * work starts only when nobody is working at the desk.
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
