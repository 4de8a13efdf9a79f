/**
 * components/workbook.ts writes what exceljs writes with its own defaults: every part of the
 * file (the sheets' XML, the styles, the shared strings) is the same with one shared style for the
 * cells without one and the fastest deflate level — only the zip's compression differs. The title
 * and header rows stay bold, a text column's cells keep their '@' format.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { workbookBytes, type SheetSpec } from '../../../renderer/src/components/workbook';

const sheets: SheetSpec[] = [
  {
    name: '办件台账',
    title: '桃花岭社区 办件台账 2025年',
    columns: [
      { title: '受理编号', width: 22 },
      { title: '事项', width: 26 },
      { title: '件数', width: 8 },
      { title: '身份证号', width: 21 },
    ],
    rows: Array.from({ length: 300 }, (_, i) => [
      `2025${String(i).padStart(6, '0')}`,
      `事项${i % 7}`,
      i,
      '4301**********1234',
    ]),
    textColumns: [3],
  },
  { name: '汇总', title: '汇总', columns: [{ title: '项目', width: 30 }], rows: [['来访总数'], [12]] },
];

/** The workbook as exceljs makes it with a fresh style per cell and its default zip (before s39). */
async function plainExceljs(): Promise<Uint8Array> {
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

/** Every part of the file but the ones stamped with the time of writing. */
async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const [name, f] of Object.entries(zip.files))
    if (!f.dir && name !== 'docProps/core.xml') out[name] = await f.async('string');
  return out;
}

describe('workbookBytes', () => {
  it('writes the parts exceljs writes by default, styles included', async () => {
    const made = await workbookBytes(sheets);
    expect(await parts(made)).toEqual(await parts(await plainExceljs()));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(made.buffer as ArrayBuffer);
    const ws = wb.getWorksheet('办件台账')!;
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell('B2').font).toMatchObject({ bold: true });
    expect(ws.getCell('D3').numFmt).toBe('@');
    expect(ws.getCell('D3').value).toBe('4301**********1234');
    expect(ws.getCell('A3').font?.bold).toBeFalsy();
    expect(ws.getCell('C302').value).toBe(299);
  });
});
