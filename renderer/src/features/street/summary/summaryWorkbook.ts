/**
 * The street's 汇总 as an xlsx (the desk worker's `streetWorkbook` job; the tests call it directly): a sheet
 * per view — 合计, 各社区对比, 近8周趋势, 异常 — with Chinese headers, A4 landscape (the workbook
 * writer's page setup). Says how many rows each sheet holds, for the audit log.
 */
import { streetBaseName, streetSheets } from '@shared/reports/streetSummary/sheets';
import type { StreetSummaryView } from '@shared/reports/streetSummary/view';
import { workbookBase64 } from '../../../components/workbook';

export type StreetWorkbook = { fileName: string; content: string; rows: Record<string, number> };

export async function streetWorkbook(view: StreetSummaryView): Promise<StreetWorkbook> {
  const sheets = streetSheets(view);
  return {
    fileName: `${streetBaseName(view)}.xlsx`,
    content: await workbookBase64(sheets),
    rows: Object.fromEntries(sheets.map((s) => [s.name, s.rows.length])),
  };
}
