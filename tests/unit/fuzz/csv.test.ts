/**
 * Property of the CSV export (shared/reports/csv.ts): any text — strange text, a leading formula
 * sign, quotes, commas, line breaks — reads back, with a CSV parser, as exactly what was written,
 * except that a cell starting with = + - @ (or a tab or carriage return) gains a leading
 * apostrophe unless it is a plain number ('+5', '-2', '85.0%': a spreadsheet reads a number, no
 * formula — issue 25 item 10); so no cell a spreadsheet reads starts a formula.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from '../../../shared/reports/csv';
import { anyText, FORMULA_PIECES, RUNS, strangeText } from './arbitraries';

const cellArb = fc.oneof(
  anyText,
  strangeText(60),
  fc.tuple(fc.constantFrom(...FORMULA_PIECES, '\t=1', '\r=1'), strangeText(20)).map(([f, s]) => f + s),
  fc.constantFrom('a,b', 'say "hi"', 'line\nbreak', 'cr\r\nlf'),
);

/** A number as text, signed or not (a spreadsheet reads it as a number, never a formula). */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?%?$/;

describe('CSV export keeps the formula guard', () => {
  it('every cell reads back as written, a formula start neutralised by an apostrophe', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellArb, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const csv = toCsv(['内容', '备注'], rows);
          expect(csv.startsWith(BOM)).toBe(true);
          const parsed = Papa.parse<string[]>(csv.slice(BOM.length), { newline: '\r\n' });
          const data = parsed.data.filter((r) => !(r.length === 1 && r[0] === ''));
          expect(data).toHaveLength(rows.length + 1);
          rows.forEach((row, i) => {
            row.forEach((value, j) => {
              const read = data[i + 1]?.[j];
              const guarded = /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value);
              expect(read).toBe(guarded ? `'${value}` : value);
              if (!PLAIN_NUMBER.test(read ?? '')) expect(read).not.toMatch(/^[=+\-@\t\r]/);
            });
          });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
