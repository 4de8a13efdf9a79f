/**
 * Runs an export job in a worker (renderer/src/features/reports/exportWorker.ts) and gives back
 * its file. Where workers are not available the job runs here (same code, same file).
 */
import type { ExportFile, ExportJob } from './buildExport';

type Reply = { ok: true; file: ExportFile } | { ok: false; message: string };

export async function runExport(job: ExportJob): Promise<ExportFile> {
  if (typeof Worker === 'undefined') return (await import('./buildExport')).buildExport(job);
  const worker = new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' });
  try {
    const reply = await new Promise<Reply>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<Reply>) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(`导出进程出错：${e.message}`));
      worker.postMessage(job);
    });
    if (!reply.ok) throw new Error(reply.message);
    return reply.file;
  } finally {
    worker.terminate();
  }
}
