/**
 * The day's register as an .xlsx (exceljs, loaded only when exporting): A4 landscape, the
 * header row repeated on every printed page, personal numbers masked as on screen.
 */
import { REGISTER_COLUMNS, type RegisterLine } from '@shared/domain/registerLines';

/** The workbook as base64, ready for the bridge's file save. */
export async function registerWorkbook(
  communityName: string,
  day: string,
  lines: readonly RegisterLine[],
): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`来访台账 ${day}`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.addRow([`${communityName} 来访台账 ${day}`]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, REGISTER_COLUMNS.length);
  const header = ws.addRow(REGISTER_COLUMNS.map((c) => c.title));
  header.font = { bold: true };
  REGISTER_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  for (const l of lines) ws.addRow(REGISTER_COLUMNS.map((c) => l[c.key]));
  ws.pageSetup.printTitlesRow = '2:2';
  const buffer = await wb.xlsx.writeBuffer();
  return bytesToBase64(new Uint8Array(buffer as ArrayBuffer));
}

function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
