import { describe, expect, it } from 'vitest';
import { BOM, csvCell, toCsv } from '@shared/reports/csv';

describe('CSV for the street office', () => {
  it('starts with the BOM and ends rows with CRLF', () => {
    const text = toCsv(['受理编号', '事项'], [['THL-20261124-0001', '居住登记']]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}受理编号,事项\r\nTHL-20261124-0001,居住登记\r\n`);
  });

  it.each(['=1+1', '+86 138', "-2+3+cmd|' /C calc'!A0", '+A1', '-SUM(A1)', '@SUM(A1)', '\t=cmd', '\r=cmd', '+5%x'])(
    'neutralises a cell starting like a formula: %j',
    (v) => {
      const cell = csvCell(v);
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
      expect(cell).toContain(v.replace(/"/g, '""'));
    },
  );

  it('leaves a number written as text as it is: a spreadsheet reads it as a number, not a formula', () => {
    for (const n of ['+5', '-2', '0', '-0.5', '+12.25', '85.0%', '-3.5%']) expect(csvCell(n)).toBe(n);
    expect(csvCell(-2)).toBe('-2');
    expect(toCsv(['增减'], [['+5'], [-3]])).toBe(`${BOM}增减\r\n+5\r\n-3\r\n`);
  });

  it('quotes commas, quotes and line breaks; numbers and empty cells as they are', () => {
    expect(csvCell('反映"停车难"，楼道, 灯坏')).toBe('"反映""停车难""，楼道, 灯坏"');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell('普通文字')).toBe('普通文字');
  });
});
