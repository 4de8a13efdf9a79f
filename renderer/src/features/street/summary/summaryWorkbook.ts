/**
 * The street's 汇总 as an xlsx (runs in the summary worker; the tests call it directly): a sheet
 * per view — 合计, 各社区对比, 近8周趋势, 异常 — with Chinese headers, A4 landscape (the workbook
 * writer's page setup). Says how many rows each sheet holds, for the audit log.
 */
import { REPORT_NAMES } from '@shared/reports/reportData';
import { streetSheets } from '@shared/reports/streetSummary/sheets';
import type { StreetSummaryView } from '@shared/reports/streetSummary/view';
import { workbookBase64 } from '../../../components/workbook';

export type StreetWorkbook = { fileName: string; content: string; rows: Record<string, number> };

/** '岳麓街道-周报汇总-2026-11-16至2026-11-22'. */
export const streetBaseName = (v: Pick<StreetSummaryView, 'street' | 'kind' | 'period'>) =>
  `${v.street}-${REPORT_NAMES[v.kind]}汇总-${v.period.from}至${v.period.to}`;

export async function streetWorkbook(view: StreetSummaryView): Promise<StreetWorkbook> {
  const sheets = streetSheets(view);
  return {
    fileName: `${streetBaseName(view)}.xlsx`,
    content: await workbookBase64(sheets),
    rows: Object.fromEntries(sheets.map((s) => [s.name, s.rows.length])),
  };
}
