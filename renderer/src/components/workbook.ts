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

/**
 * One style for every cell that has none of its own. exceljs gives each new cell a fresh `{}` and,
 * writing, looks a style up by its object (a WeakMap) before its JSON: one shared object skips
 * that per cell — the same file, its writing about 40 % shorter (a year's 6,400-row ledger).
 */
const PLAIN = {};
/** Deflate's fastest level: the file about a quarter larger (a few hundred KB), the zipping about twice as fast. */
const FAST_ZIP = { compression: 'DEFLATE', compressionOptions: { level: 1 } } as const;

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
    for (const r of s.rows)
      ws.addRow([...r]).eachCell((c) => {
        if (Object.keys(c.style).length === 0) c.style = PLAIN;
      });
    ws.pageSetup.printTitlesRow = '2:2';
  }
  return new Uint8Array((await wb.xlsx.writeBuffer({ zip: FAST_ZIP })) as ArrayBuffer);
}

/** The workbook as base64, ready for the bridge's file save. */
export async function workbookBase64(sheets: readonly SheetSpec[]): Promise<string> {
  return toB64(await workbookBytes(sheets));
}
