/**
 * The 汇总's exports, start to end: the xlsx built in the desk's worker, or the printed 街道周报 (and its
 * PDF) rendered from the same view; each recorded in the audit log first (`street.work`, checked in
 * the data layer: db/repositories/street/summary.ts), then handed to the save dialog, the downloads
 * or the printer. A closed dialog or a failed save is logged as such.
 */
import { useState } from 'react';
import { renderStreetSummaryDocument } from '@shared/reports/streetSummary/document';
import { streetBaseName } from '@shared/reports/streetSummary/sheets';
import type { StreetSummaryView } from '@shared/reports/streetSummary/view';
import { useDesk } from '../../../app/desk';
import { useStaff } from '../../../app/session';
import { localDateTime } from '../../../app/clock';
import { useGuardedAction } from '../../../app/useGuardedAction';
import { recordExportOutcome } from '../../../db/repositories/reportExports';
import { recordSummaryExport } from '../../../db/repositories/street/summary';
import { DomainRefusal } from '../../../db/refusal';
import { platform } from '../../../platform';
import { runJob } from '../../../worker/client';

export type SummaryFormat = 'Excel' | '打印' | 'PDF';

export function useSummaryExport(view: StreetSummaryView | undefined) {
  const desk = useDesk();
  const staff = useStaff();
  const action = useGuardedAction();
  const [done, setDone] = useState<string | null>(null);

  /** The bridge call that hands the file over; a failure is logged before it is shown. */
  async function handOver<T>(format: SummaryFormat, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      await recordExportOutcome(desk, format, 'failed');
      throw e;
    }
  }

  /** Runs `work` on the view; a closed dialog is logged under `format`. */
  const start = (format: SummaryFormat, work: (v: StreetSummaryView) => Promise<string | 'canceled'>) => {
    setDone(null);
    return action.run(async () => {
      if (!view) throw new DomainRefusal('汇总还在读取，请稍候');
      const outcome = await work(view);
      if (outcome === 'canceled') {
        await recordExportOutcome(desk, format, 'canceled');
        setDone(format === '打印' ? '已取消打印' : '已取消，未保存文件');
      } else setDone(outcome);
    });
  };

  const record = (format: SummaryFormat, v: StreetSummaryView, rows: Record<string, number>) =>
    recordSummaryExport(desk, { format, kind: v.kind, period: v.period, label: v.label, rows });

  const exportXlsx = () =>
    start('Excel', async (v) => {
      const file = await runJob('streetWorkbook', desk, v);
      await record('Excel', v, file.rows);
      const saved = await handOver('Excel', () =>
        platform.saveFile({
          suggestedName: file.fileName,
          content: file.content,
          encoding: 'base64',
          filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
        }),
      );
      return saved.saved ? `已导出 ${saved.fileName}` : 'canceled';
    });

  const print = (asPdf: boolean) =>
    start(asPdf ? 'PDF' : '打印', async (v) => {
      const html = renderStreetSummaryDocument(v, localDateTime(desk.clock.now()), staff.name);
      const rows = { 各社区对比: v.rows.length, 未报送: v.missing.length, 异常: v.outliers.length };
      await record(asPdf ? 'PDF' : '打印', v, rows);
      if (!asPdf) {
        const r = await handOver('打印', () => platform.printHtml({ html, pageSize: 'A4' }));
        if (r.printed) return '街道周报已送打印';
        if (r.reason === 'canceled') return 'canceled';
        await recordExportOutcome(desk, '打印', 'failed');
        return `打印未完成：${r.message ?? '请检查打印机'}`;
      }
      const r = await handOver('PDF', () =>
        platform.printToPdf({ html, pageSize: 'A4', suggestedName: `${streetBaseName(v)}.pdf` }),
      );
      if (r.saved) return `已导出 ${r.fileName}`;
      if (r.reason === 'handed-to-print-dialog') return '已打开打印对话框，可选“另存为 PDF”';
      return 'canceled';
    });

  return { exportXlsx, print, done, ...action };
}
