/**
 * The audit of every export of a report (who, when, what, row counts; a 实名台账 with its reason,
 * masked in the log), what became of it when it reached no file, and the installation's id the
 * JSON package carries.
 */
import { deskNumbersText } from '@shared/reports/centerDesks';
import { maskReasonForLog } from '@shared/domain/masking';
import type { Period } from '@shared/reports/periods';
import { requirePermission } from '../authorize';
import type { Desk } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx, type WriteTx } from '../write';
import { addPackageExport, type PackageExportInput } from './packageExports';

export type ExportRecord = {
  /** 'xlsx', 'csv:办件台账', 'json', 'pdf' … */
  format: string;
  period: Period;
  label: string;
  /** Rows per sheet or file, e.g. { 办件台账: 35 }. */
  rows: Record<string, number>;
  /** 实名台账: full names, ID numbers and phones; needs an admin and a reason. */
  named?: { reason: string };
  /** The export as the center records it (packageExports.ts): every format but the 实名台账. */
  package?: PackageExportInput;
};

export const MIN_REASON_CHARS = 4;

/** Checks a 实名台账 request before anything is built (the export records it again in its transaction). */
export function namedExportRefusal(reason: string): DomainRefusal | null {
  if (reason.trim().length < MIN_REASON_CHARS)
    return new DomainRefusal(`请写明导出实名台账的原因（至少 ${MIN_REASON_CHARS} 个字），将记入操作日志`, 'reason');
  if (reason.length > 200) return new DomainRefusal('原因不超过 200 个字', 'reason');
  return null;
}

function exportDetail(r: ExportRecord, nth?: number): string {
  const rows = Object.entries(r.rows)
    .map(([k, n]) => `${k} ${n} 行`)
    .join('，');
  const named = r.named ? `；实名台账，原因：${maskReasonForLog(r.named.reason)}` : '；默认（脱敏）';
  const covered = r.package?.format === 'json' ? `；涵盖${deskNumbersText(r.package.desks)}` : '';
  const center = `${covered}${nth && nth > 1 ? `；本期第 ${nth} 次导出（再次导出）` : ''}`;
  return `${r.format}；${r.label}（${r.period.from} 至 ${r.period.to}）；${rows || '无明细'}${named}${center}`;
}

/**
 * Records an export in the audit log BEFORE the file is handed to the save dialog (an export
 * that cannot be recorded does not happen). A 实名台账 needs an active 站长/管理员, checked inside
 * the transaction.
 */
export async function recordExport(desk: Desk, r: ExportRecord): Promise<void> {
  if (r.named) {
    const refusal = namedExportRefusal(r.named.reason);
    if (refusal) throw refusal;
  }
  // Only the staff table is written (and the package's record), so ask for the right here.
  const tables = r.package ? (['staff', 'packageExports'] as const) : (['staff'] as const);
  await writeTx(desk, tables, async (tx) => {
    if (r.named) await requirePermission(tx, desk.actor, 'report.exportNamed', '导出实名台账');
    else await requirePermission(tx, desk.actor, 'desk.work', '导出报表');
    const nth = r.package
      ? await addPackageExport(desk, tx as WriteTx<'packageExports'>, r.period, r.package)
      : undefined;
    await tx.audit({ action: 'report.export', entity: 'report', entityId: r.format, detail: exportDetail(r, nth) });
  });
}

/** This installation's id for the JSON package: a random id made (and kept, desk-local) on first need. */
export async function ensureInstallId(desk: Desk): Promise<string> {
  const row = await desk.db.deskMeta.get('installId');
  if (row?.key === 'installId') return row.value;
  return writeTx(desk, ['deskMeta'], async (tx) => {
    const again = await tx.deskMeta.get('installId');
    if (again?.key === 'installId') return again.value;
    const installId = desk.newId();
    await tx.deskMeta.add({ key: 'installId', value: installId });
    return installId;
  });
}

/**
 * What became of a recorded export when it did not reach a file or the printer: the clerk
 * closed the dialog (`canceled`), or saving failed (`failed`, with no detail of the content).
 */
export async function recordExportOutcome(desk: Desk, format: string, outcome: 'canceled' | 'failed'): Promise<void> {
  await writeTx(desk, [], async (tx) => {
    await tx.audit({
      action: outcome === 'canceled' ? 'report.exportCanceled' : 'report.exportFailed',
      entity: 'report',
      entityId: format,
      detail: outcome === 'canceled' ? '未保存（已取消）' : '保存失败',
    });
  });
}
