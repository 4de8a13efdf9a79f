/**
 * The desk's worker: runs the jobs of the job table (jobs.ts) off the page's thread, so the
 * screen keeps taking input while a year is summarised or a file is built. A job reads the
 * database itself over the worker's own connection (workerDesk.ts). A live job is a Dexie
 * `liveQuery` here: Dexie tells this thread of every write the page commits (its
 * BroadcastChannel), so the job runs again when what it read changes, and each result is sent.
 */
import type { Subscription } from 'dexie';
import { liveQuery } from '../app/liveQuerier';
import { runJobHere } from './jobs';
import type { JobReply, JobRequest } from './protocol';
import { workerDesk } from './workerDesk';

const live = new Map<number, Subscription>();
const reply = (r: JobReply) => self.postMessage(r);
// The message may name a schema path, never a record's values.
const failure = (id: number, err: unknown): JobReply => ({
  id,
  ok: false,
  message: err instanceof Error ? err.message : '后台计算失败',
});

self.onmessage = (e: MessageEvent<JobRequest>) => {
  const m = e.data;
  if ('stop' in m) {
    live.get(m.id)?.unsubscribe();
    live.delete(m.id);
    return;
  }
  const run = async () => runJobHere(m.kind, await workerDesk(m.desk), m.input as never);
  if (!m.live) {
    run().then(
      (value) => reply({ id: m.id, ok: true, value }),
      (err) => reply(failure(m.id, err)),
    );
    return;
  }
  live.set(
    m.id,
    liveQuery(run).subscribe({
      next: (value) => reply({ id: m.id, ok: true, value }),
      error: (err) => reply(failure(m.id, err)),
    }),
  );
};
