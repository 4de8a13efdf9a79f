/**
 * What the report screen says about the center (issue 24 item 7): which desks' work the report
 * covers, and whether the period's report was already exported in a format — by whom, from which
 * desk, when.
 */
import { deskLabel } from '@shared/domain/deskNumber';
import type { CoveredDesk, ReportExportFormat } from '@shared/domain/records';
import { deskNumbersText } from '@shared/reports/centerDesks';
import type { KnownDesk } from '@shared/reports/centerDesks';
import type { PeriodKind } from '@shared/reports/periods';
import { localDateTime } from '../../app/clock';
import { exportsIn, type PackageExportView } from '../../db/repositories/packageExports';
import { FORMAT_NAMES } from './exportFormats';

const THIS_PERIOD: Record<PeriodKind, string> = {
  week: '本周',
  month: '本月',
  quarter: '本季度',
  year: '本年度',
  custom: '本时段',
};

/** One line per desk covered: '窗口号 2（后台）：本期受理 8 件，数据截至 2026-12-03 18:05'. */
export function coverageLines(covered: readonly CoveredDesk[], known: readonly KnownDesk[]): string[] {
  const lastAt = new Map(known.map((d) => [d.no, d.lastAt]));
  return covered.map((d) => {
    const at = lastAt.get(d.no);
    return `${deskLabel(d)}：本期受理 ${d.cases} 件${at !== undefined ? `，数据截至 ${localDateTime(at)}` : ''}`;
  });
}

/**
 * '本周报送包已由 窗口号 2（后台） 王秀英 于 2026-12-01 09:30 导出，涵盖窗口号 1、2' (+ how many
 * times) for the exports of `format` among `exports` (any format's rows); null when none.
 */
export function exportedText(
  kind: PeriodKind,
  exports: readonly PackageExportView[],
  format: ReportExportFormat = 'json',
): string | null {
  const made = exportsIn(exports, format);
  const first = made[0];
  if (!first) return null;
  const printed = format === 'print';
  const one = (e: PackageExportView) =>
    `${deskLabel(e.desk)} ${e.staffName} 于 ${localDateTime(e.at)} ${printed ? '打印' : '导出'}，涵盖${deskNumbersText(e.desks)}`;
  const text = `${THIS_PERIOD[kind]}${printed ? '周报' : FORMAT_NAMES[format]}已由 ${one(first)}`;
  const last = made.at(-1)!;
  return made.length === 1
    ? `${text}。`
    : `${text}；共${printed ? '打印' : '导出'} ${made.length} 次，最近一次由 ${one(last)}。`;
}
