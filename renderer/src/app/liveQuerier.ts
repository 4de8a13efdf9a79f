/**
 * THE live reads of the renderer: `useLiveQuery` and `liveQuery` that watch EVERY table a read
 * touches. Every screen imports them from here, never from dexie / dexie-react-hooks directly
 * (eslint.config.js bans those imports elsewhere).
 *
 * Dexie keeps a live query's context across native `await`s only when the querier itself is an
 * `async` function (liveQuery checks `isAsyncFunction(querier)` before it arms its zone echoing).
 * `() => someRead(desk)` is a plain arrow: the reads `someRead` makes after its first `await` run
 * outside the live context, so they are not observed, and a write to those tables does not re-run
 * the read. That is why the 交接班 gate kept listing a note whose 签阅 was stored (it observed
 * only the rota, read before the first await). Here every querier is wrapped as an async one.
 */
import { liveQuery as dexieLiveQuery, type Observable } from 'dexie';
import { useLiveQuery as dexieUseLiveQuery } from 'dexie-react-hooks';

/** The read as an async querier (the shape Dexie tracks through every await). */
export const liveQuerier =
  <T>(read: () => Promise<T> | T) =>
  async (): Promise<T> =>
    await read();

/** Dexie's `liveQuery`, every await of the read observed. */
export const liveQuery = <T>(read: () => Promise<T> | T): Observable<T> => dexieLiveQuery(liveQuerier(read));

/** Dexie's `useLiveQuery` (same arguments), every await of the read observed. */
export function useLiveQuery<T>(read: () => Promise<T> | T, deps?: unknown[]): T | undefined;
export function useLiveQuery<T, D>(read: () => Promise<T> | T, deps: unknown[], defaultResult: D): T | D;
export function useLiveQuery<T, D>(
  read: () => Promise<T> | T,
  deps: unknown[] = [],
  defaultResult?: D,
): T | D | undefined {
  return dexieUseLiveQuery(liveQuerier(read), deps, defaultResult as D);
}
