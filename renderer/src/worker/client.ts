/**
 * The page's side of the desk's worker: `runJob` (one result) and `watchJob` (a live job: a
 * result now and again after every write that changes what it read). One worker for the page,
 * started on first need; a job goes to it with the desk's spec (protocol.ts), never with
 * records. Where there are no workers (the data-layer tests) the same job runs here, the live
 * one as a Dexie `liveQuery` — the same code and the same results.
 */
import { liveQuery } from '../app/liveQuerier';
import type { Desk } from '../db/desk';
import { databaseOf } from '../db/write';
import type { JobInput, JobKind, JobOutput } from './jobs';
import type { DeskSpec, JobReply, JobRequest } from './protocol';

type Listener = { next: (value: unknown) => void; fail: (message: string) => void };

let worker: Worker | null = null;
let lastId = 0;
const listeners = new Map<number, Listener>();

function theWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./deskWorker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<JobReply>) => {
    const r = e.data;
    const l = listeners.get(r.id);
    if (r.ok) l?.next(r.value);
    else l?.fail(r.message);
  };
  // The worker itself failed (it did not load, or died): every job waiting hears it; the next job starts a new one.
  w.onerror = (e) => {
    e.preventDefault();
    worker = null;
    w.terminate();
    const waiting = [...listeners.values()];
    listeners.clear();
    for (const l of waiting) l.fail(`后台计算出错：${e.message || '进程已停止'}`);
  };
  worker = w;
  return w;
}

export function deskSpecOf(desk: Desk): DeskSpec {
  return {
    dbName: databaseOf(desk).name,
    now: desk.clock.now(),
    today: desk.clock.today(),
    actor: desk.actor,
    ...(desk.identity ? { identity: desk.identity } : {}),
  };
}

const here = () => import('./jobs');

/** Runs one job in the worker and gives back its result (a failure rejects with its message). */
export function runJob<K extends JobKind>(kind: K, desk: Desk, input: JobInput<K>): Promise<JobOutput<K>> {
  if (typeof Worker === 'undefined') return here().then((m) => m.runJobHere(kind, desk, input));
  const id = ++lastId;
  return new Promise<JobOutput<K>>((resolve, reject) => {
    listeners.set(id, {
      next: (value) => {
        listeners.delete(id);
        resolve(value as JobOutput<K>);
      },
      fail: (message) => {
        listeners.delete(id);
        reject(new Error(message));
      },
    });
    theWorker().postMessage({ id, kind, desk: deskSpecOf(desk), input, live: false } satisfies JobRequest);
  });
}

/** A live job: `next` gets its result now and after every change to what it read; the returned function ends it. */
export function watchJob<K extends JobKind>(
  kind: K,
  desk: Desk,
  input: JobInput<K>,
  next: (value: JobOutput<K>) => void,
  fail: (message: string) => void,
): () => void {
  if (typeof Worker === 'undefined') {
    let sub: { unsubscribe(): void } | null = null;
    let ended = false;
    void here().then((m) => {
      if (ended) return;
      sub = liveQuery(() => m.runJobHere(kind, desk, input)).subscribe({
        next,
        error: (e: unknown) => fail(e instanceof Error ? e.message : '后台计算失败'),
      });
    });
    return () => {
      ended = true;
      sub?.unsubscribe();
    };
  }
  const id = ++lastId;
  listeners.set(id, { next: (v) => next(v as JobOutput<K>), fail });
  const w = theWorker();
  w.postMessage({ id, kind, desk: deskSpecOf(desk), input, live: true } satisfies JobRequest);
  return () => {
    listeners.delete(id);
    if (worker === w) w.postMessage({ id, stop: true } satisfies JobRequest);
  };
}
