/**
 * A live read for `useLiveQuery` / `liveQuery` that watches EVERY table it reads.
 *
 * Dexie keeps a live query's context across native `await`s only when the querier itself is an
 * `async` function (liveQuery checks `isAsyncFunction(querier)` before it arms its zone echoing).
 * `() => someRead(desk)` is a plain arrow: the reads `someRead` makes after its first `await` run
 * outside the live context, so they are not observed, and a write to those tables does not re-run
 * the read. That is why the 交接班 gate kept listing a note whose 签阅 was stored (it observed
 * only the rota, read before the first await). Wrap multi-step reads: `useLiveRead(() => read(desk), [desk])`.
 */
import { useLiveQuery } from 'dexie-react-hooks';

/** The read as an async querier (the shape Dexie tracks through every await). */
export const liveQuerier =
  <T>(read: () => Promise<T> | T) =>
  async (): Promise<T> =>
    await read();

/** `useLiveQuery` over a read that awaits several steps: every table it reads is observed. */
export function useLiveRead<T>(read: () => Promise<T> | T, deps: readonly unknown[]): T | undefined {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps, as useLiveQuery takes them
  return useLiveQuery(liveQuerier(read), [...deps]);
}
