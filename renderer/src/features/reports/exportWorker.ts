/**
 * The export worker: builds the xlsx / CSV / JSON off the UI thread, so the desk stays
 * responsive while a year's ledger is written. One job per worker; the page terminates it.
 */
import { buildExport, type ExportJob } from './buildExport';

self.onmessage = async (e: MessageEvent<ExportJob>) => {
  try {
    self.postMessage({ ok: true, file: await buildExport(e.data) });
  } catch (err) {
    // The message may name a schema path, never a record's values.
    self.postMessage({ ok: false, message: err instanceof Error ? err.message : '导出失败' });
  }
};
