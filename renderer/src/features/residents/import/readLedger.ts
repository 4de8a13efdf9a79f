/**
 * Reads a resident ledger file into rows of cells: .xlsx (exceljs, loaded only now; the first
 * sheet; a merged cell gives its value to each cell it covers; numbers stay numbers so the ID
 * trap can be told) or .csv (papaparse) in UTF-8 with or without BOM, or GBK / GB18030 as
 * Chinese Excel and WPS write it. .xls / .et get a clear message.
 */
import type { Cell, Sheet } from '@shared/residentImport/columns';
import { DomainRefusal } from '../../../db/refusal';

export type Ledger = { sheet: Sheet; format: 'xlsx' | 'csv'; encoding?: 'utf-8' | 'gb18030' };

export const MAX_LEDGER_BYTES = 30 * 1024 * 1024;

/** UTF-8 (BOM or not) when the bytes are valid UTF-8, else GB18030 (a superset of GBK). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10); // exceljs dates are UTC midnight of the day typed
}

/** An exceljs cell value as a plain cell. */
function plain(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return dayOf(v);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return plain(o.result);
    if (typeof o.text === 'string') return o.text;
  }
  return String(v);
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.slice().buffer);
  } catch {
    throw new DomainRefusal(
      '无法读取这个 Excel 文件，可能已损坏或被加密；请在 Excel/WPS 中另存为 .xlsx 后再导入',
      'file',
    );
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new DomainRefusal('这个 Excel 文件里没有工作表', 'file');
  const sheet: Sheet = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = plain(cell.isMerged && cell.master !== cell ? cell.master.value : cell.value);
    });
    sheet[n - 1] = Array.from(cells, (c) => c ?? null);
  });
  return Array.from(sheet, (r) => r ?? []);
}

async function readCsv(bytes: Uint8Array): Promise<{ sheet: Sheet; encoding: 'utf-8' | 'gb18030' }> {
  const { text, encoding } = decodeText(bytes);
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  return { sheet: parsed.data, encoding };
}

export async function readLedger(fileName: string, bytes: Uint8Array): Promise<Ledger> {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'xls' || ext === 'et')
    throw new DomainRefusal('不支持旧版 .xls / WPS .et 文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入', 'file');
  if (bytes.length > MAX_LEDGER_BYTES) throw new DomainRefusal('文件超过 30 MB，请分成几个文件导入', 'file');
  if (ext === 'xlsx') return { sheet: await readXlsx(bytes), format: 'xlsx' };
  if (ext === 'csv' || ext === 'txt') return { ...(await readCsv(bytes)), format: 'csv' };
  throw new DomainRefusal('请选择 .xlsx 或 .csv 文件', 'file');
}
