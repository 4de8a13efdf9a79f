/**
 * A job run in a worker of its own (the report exports: the community's files and the street's
 * 汇总 workbook), one job per worker, terminated when it answers. Where workers are not available
 * the job runs here (same code, same answer). The worker side answers through `answerJobs`.
 */

type Reply<R> = { ok: true; file: R } | { ok: false; message: string };

/**
 * `start` makes the worker (written as `new Worker(new URL('./x.ts', import.meta.url), { type:
 * 'module' })` at the call, so Vite bundles it); `here` runs the same job without one.
 */
export async function runWorkerJob<J, R>(start: () => Worker, job: J, here: (job: J) => Promise<R>): Promise<R> {
  if (typeof Worker === 'undefined') return here(job);
  const worker = start();
  try {
    const reply = await new Promise<Reply<R>>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<Reply<R>>) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(`导出进程出错：${e.message}`));
      worker.postMessage(job);
    });
    if (!reply.ok) throw new Error(reply.message);
    return reply.file;
  } finally {
    worker.terminate();
  }
}

/** Inside the worker: each job's answer, or its message (which may name a schema path, never a record's values). */
export function answerJobs<J, R>(work: (job: J) => Promise<R>): void {
  self.onmessage = async (e: MessageEvent<J>) => {
    try {
      self.postMessage({ ok: true, file: await work(e.data) } satisfies Reply<R>);
    } catch (err) {
      self.postMessage({ ok: false, message: err instanceof Error ? err.message : '导出失败' } satisfies Reply<R>);
    }
  };
}
