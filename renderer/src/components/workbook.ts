/**
 * Spreadsheets the desk hands out (exceljs, loaded only when one is made): every sheet has a
 * title row (community, what, period), a bold header row frozen below it and repeated on every
 * printed page, set column widths, and an A4 landscape page fitted to its width.
 */
import { toB64 } from '../db/bytes';

export type SheetSpec = {
  name: string;
  title: string;
  columns: readonly { title: string; width: number }[];
  rows: readonly (readonly (string | number)[])[];
  /** Columns (0-based) formatted as text, so Excel keeps what is typed in them as typed. */
  textColumns?: readonly number[];
};

/** The workbook's bytes. */
export async function workbookBytes(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: 'frozen', ySplit: 2 }],
    });
    ws.addRow([s.title]).font = { bold: true, size: 14 };
    ws.mergeCells(1, 1, 1, Math.max(1, s.columns.length));
    ws.addRow(s.columns.map((c) => c.title)).font = { bold: true };
    s.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
    for (const i of s.textColumns ?? []) ws.getColumn(i + 1).numFmt = '@';
    for (const r of s.rows) ws.addRow([...r]);
    ws.pageSetup.printTitlesRow = '2:2';
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The workbook as base64, ready for the bridge's file save. */
export async function workbookBase64(sheets: readonly SheetSpec[]): Promise<string> {
  return toB64(await workbookBytes(sheets));
}
