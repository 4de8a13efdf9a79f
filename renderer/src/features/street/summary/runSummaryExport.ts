/** Runs the 汇总 workbook in its worker (summaryWorker.ts); where workers are not available, here. */
import type { StreetSummaryView } from '@shared/reports/streetSummary/view';
import { runWorkerJob } from '../../../components/workerJob';
import type { StreetWorkbook } from './summaryWorkbook';

export function runSummaryExport(view: StreetSummaryView): Promise<StreetWorkbook> {
  return runWorkerJob(
    () => new Worker(new URL('./summaryWorker.ts', import.meta.url), { type: 'module' }),
    view,
    async (v) => (await import('./summaryWorkbook')).streetWorkbook(v),
  );
}
