/**
 * Runs an export job in a worker (renderer/src/features/reports/exportWorker.ts) and gives back
 * its file. Where workers are not available the job runs here (same code, same file).
 */
import { runWorkerJob } from '../../components/workerJob';
import type { ExportFile, ExportJob } from './buildExport';

export function runExport(job: ExportJob): Promise<ExportFile> {
  return runWorkerJob(
    () => new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' }),
    job,
    async (j) => (await import('./buildExport')).buildExport(j),
  );
}
