/**
 * One export, start to end: the notes saved first, the file built in the desk's worker (which
 * reads the period's records itself: reportJobs.ts), the export recorded in the audit log (with
 * its row counts; a 实名台账 with its reason, admins only), and only then the file handed to the
 * save dialog (Electron) or the downloads (browser). A closed dialog is logged as not saved. The
 * printed summary and its PDF go the same way (its HTML made in the worker too).
 */
import { useState } from 'react';
import { periodLabel } from '@shared/reports/periods';
import type { ReportNotes } from '@shared/reports/notes';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';
import { localDateTime } from '../../app/clock';
import { useGuardedAction } from '../../app/useGuardedAction';
import {
  ensureInstallId,
  namedExportRefusal,
  recordExport,
  recordExportOutcome,
} from '../../db/repositories/reportExports';
import { nextCorrection } from '../../db/repositories/packageExports';
import { DomainRefusal } from '../../db/refusal';
import { platform } from '../../platform';
import { runJob } from '../../worker/client';
import type { ExportFormat } from './buildExport';
import { FORMAT_NAMES } from './exportFormats';
import type { ReportRequest } from './reportJobs';

/** The report to export: the period (null while it is not chosen or not read yet) and its notes as written. */
export type ExportTarget = { request: ReportRequest; notes: ReportNotes } | null;

export function useReportExport(target: ExportTarget, beforeExport: () => Promise<boolean>) {
  const desk = useDesk();
  const staff = useStaff();
  const action = useGuardedAction();
  const [done, setDone] = useState<string | null>(null);

  /** The bridge call that hands the file over; a failure is logged before it is shown. */
  async function handOver<T>(name: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      await recordExportOutcome(desk, name, 'failed');
      throw e;
    }
  }

  const start = (work: (t: NonNullable<ExportTarget>, label: string) => Promise<string>) => {
    setDone(null);
    return action.run(async () => {
      if (!target) throw new DomainRefusal('报表还在读取，请稍候');
      if (!(await beforeExport())) throw new DomainRefusal('本周重点工作或问题与建议未能保存，请先修改');
      setDone(await work(target, periodLabel(target.request.kind, target.request.period)));
    });
  };

  const exportFile = (format: ExportFormat, named?: { reason: string }) =>
    start(async ({ request, notes }, label) => {
      if (named) {
        const refusal = namedExportRefusal(named.reason);
        if (refusal) throw refusal;
      }
      if (format === 'json' && !desk.community.street)
        throw new DomainRefusal('报送包需写明所属街道：请管理员在“设置 → 社区信息”中填写', 'street');
      const installId = format === 'json' ? await ensureInstallId(desk) : '';
      // A re-export of the period says so in the package: which sending, and the hash it replaces.
      const correction = format === 'json' ? await nextCorrection(desk, request.kind, request.period) : undefined;
      const { file, covered } = await runJob('reportFile', desk, {
        ...request,
        notes,
        format,
        named: !!named,
        installId,
        generatedAt: desk.clock.now(),
        ...(correction ? { correction } : {}),
      });
      const name = FORMAT_NAMES[format];
      const { period } = request;
      // Recorded for the center (a repeat asks first), but the 实名台账: asked for on its own.
      const pkg = named ? undefined : { kind: request.kind, format, desks: covered, ...file.package };
      await recordExport(desk, { format: name, period, label, rows: file.rows, named, package: pkg });
      const saved = await handOver(name, () =>
        platform.saveFile({
          suggestedName: file.fileName,
          content: file.content,
          encoding: file.encoding,
          filters: file.filters,
        }),
      );
      if (!saved.saved) {
        await recordExportOutcome(desk, name, 'canceled');
        return '已取消，未保存文件';
      }
      return `已导出 ${saved.fileName}`;
    });

  const printSummary = (asPdf: boolean) =>
    start(async ({ request, notes }, label) => {
      const paper = await runJob('reportPaper', desk, {
        ...request,
        notes,
        printedAt: localDateTime(desk.clock.now()),
        printedBy: staff.name,
      });
      const { html } = paper;
      const name = FORMAT_NAMES[asPdf ? 'pdf' : 'print'];
      const { kind, period } = request;
      const rows = { 汇总: paper.rows };
      const pkg = { kind, format: asPdf ? ('pdf' as const) : ('print' as const), desks: paper.covered };
      await recordExport(desk, { format: name, period, label, rows, package: pkg });
      if (!asPdf) {
        const r = await handOver(name, () => platform.printHtml({ html, pageSize: 'A4' }));
        if (r.printed) return '周报已送打印';
        await recordExportOutcome(desk, name, r.reason === 'canceled' ? 'canceled' : 'failed');
        return r.reason === 'canceled' ? '已取消打印' : `打印未完成：${r.message ?? '请检查打印机'}`;
      }
      const r = await handOver(name, () =>
        platform.printToPdf({ html, pageSize: 'A4', suggestedName: paper.fileName }),
      );
      if (r.saved) return `已导出 ${r.fileName}`;
      if (r.reason === 'handed-to-print-dialog') return '已打开打印对话框，可选“另存为 PDF”';
      await recordExportOutcome(desk, name, 'canceled');
      return '已取消，未保存文件';
    });

  return { exportFile, printSummary, done, ...action };
}
