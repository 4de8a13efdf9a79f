/**
 * CSV for the street office's spreadsheets (issue 12): UTF-8 with a byte-order mark (Excel on
 * Chinese Windows reads it as UTF-8 only then), CRLF line ends, every field quoted when it needs
 * it, and formula injection neutralised — a cell that starts with = + - @ (or a tab or carriage
 * return, which Excel skips before one) gets a leading apostrophe, so a resident's text can
 * never run as a formula on the street office's PC. A plain number written as text ('+5', '-2',
 * '85.0%') is left as it is: a spreadsheet reads it as that number, not as a formula.
 */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?%?$/;

/** One cell as written: neutralised, then quoted if it holds a comma, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file: BOM, the header row, the rows. */
export function toCsv(
  headers: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return BOM + [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
