/**
 * 居民台账导入, the pure parts: header detection under title rows and merged headers, column
 * guessing (and a remembered mapping), GBK / UTF-8 decoding, every Excel trap, and the plan of
 * the 500-row fixture ledger read from its real .xlsx and GBK CSV files.
 */
import { describe, expect, it } from 'vitest';
import {
  detectHeaderRow,
  guessMapping,
  mappingProblem,
  mappingToRemember,
  type Sheet,
} from '@shared/residentImport/columns';
import { IMPORT_MESSAGES, idNumberTrap, normalizeBirthDate, readRow, splitAddress } from '@shared/residentImport/rows';
import { planImport } from '@shared/residentImport/plan';
import { DEFAULT_RESIDENT_TAGS } from '@shared/domain/records';
import { computeCheckDigit } from '@shared/domain/idNumber';
import { decodeText, readLedger } from '../../../renderer/src/features/residents/import/readLedger';
import { EXISTING, GRIDS, residentLedger, residentNo } from '../../../bench/data/residentLedger';
import { encodeGbk, ledgerCsv, ledgerXlsx } from '../../fixtures/ledgerFiles';

const ctx = {
  today: '2026-11-24',
  grids: GRIDS.map((name, i) => ({ id: `g${i + 1}`, name })),
  tags: DEFAULT_RESIDENT_TAGS,
};

describe('header row and columns', () => {
  it('finds the header under a title row and merged group headers', () => {
    const sheet: Sheet = [
      ['桃花岭社区居民台账', '桃花岭社区居民台账', '桃花岭社区居民台账'],
      ['', '基本信息', '基本信息'],
      ['序号', '姓名', '公民身份号码', '联系电话（手机）', '家庭住址', '所属网格'],
      [1, '王秀英', '430104195803151234', '13812345678', '3栋2单元501', '第一网格'],
    ];
    expect(detectHeaderRow(sheet)).toBe(2);
    expect(detectHeaderRow([['说明'], ['张三', 'x']])).toBeNull();
    const mapping = guessMapping(sheet[2]!);
    expect(mapping).toEqual({ name: 1, idNumber: 2, phone: 3, address: 4, grid: 5 });
    expect(mappingProblem(mapping)).toBeNull();
    expect(mappingProblem({ idNumber: 0 })).toBe('请指定“姓名”所在的列');
  });

  it('exact headers win over ones that merely contain a word; other people’s columns are never taken', () => {
    const header = ['姓名', '紧急联系人电话', '联系电话', '网格员', '所属网格', '监护人身份证号', '身份证号'];
    expect(guessMapping(header)).toEqual({ name: 0, phone: 2, grid: 4, idNumber: 6 });
    // A data row full of '3单元' and '第一网格' does not look like a header.
    expect(
      detectHeaderRow([
        ['3单元', '第一网格', '张三'],
        ['姓名', '身份证号'],
      ]),
    ).toBe(1);
  });

  it('a header the guess does not know is taken from the last import’s mapping', () => {
    const header = ['户主', '证号', '手机'];
    expect(guessMapping(header)).toEqual({ phone: 2 });
    const remembered = mappingToRemember(header, { name: 0, idNumber: 1, phone: 2 });
    expect(guessMapping(header, remembered)).toEqual({ name: 0, idNumber: 1, phone: 2 });
  });
});

describe('decoding', () => {
  it('reads UTF-8 with and without BOM, and GBK as Chinese Excel and WPS save it', () => {
    const text = '姓名,身份证号\r\n王秀英,430104195803151234\r\n';
    expect(decodeText(new Uint8Array(Buffer.from(`\uFEFF${text}`)))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array(Buffer.from(text)))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array(encodeGbk(text)))).toEqual({ text, encoding: 'gb18030' });
  });

  it('refuses .xls and .et with a way out', async () => {
    await expect(readLedger('台账.xls', new Uint8Array(4))).rejects.toThrow('另存为');
    await expect(readLedger('台账.et', new Uint8Array(4))).rejects.toThrow('.xlsx');
    await expect(readLedger('台账.xlsx', new Uint8Array([1, 2, 3]))).rejects.toThrow('无法读取');
  });
});

describe('the Excel traps and the form’s rules, row by row', () => {
  const mapping = { name: 0, idNumber: 1, phone: 2, grid: 3, tags: 4, birthDate: 5, address: 6 };
  const good = residentNo(1);
  const row = (patch: Record<number, string | number>) => {
    const r: (string | number)[] = [good.name, good.id, good.phone, '第一网格', '党员', good.birth, '3栋2单元501室'];
    for (const [i, v] of Object.entries(patch)) r[Number(i)] = v;
    return r;
  };

  it('an ID stored as a number, in xlsx or in CSV, and one whose last digits became 0', () => {
    expect(idNumberTrap(430104195803151200)).toBe(IMPORT_MESSAGES.idAsNumber);
    expect(idNumberTrap('4.30104E+17')).toBe(IMPORT_MESSAGES.idAsNumber);
    expect(idNumberTrap('430104195803151000')).toBe(IMPORT_MESSAGES.idZeroed);
    expect(idNumberTrap(good.id)).toBeNull();
    expect(readRow(row({ 1: Number(good.id) }), mapping, ctx)).toEqual({
      ok: false,
      reason: IMPORT_MESSAGES.idAsNumber,
    });
    expect(readRow(row({ 1: `${good.id.slice(0, 15)}000` }), mapping, ctx)).toEqual({
      ok: false,
      reason: IMPORT_MESSAGES.idZeroed,
    });
    // Where the column shows Excel's numbers elsewhere, an ID ending in 000 is refused even if its check digit fits.
    const fits = '110101199003070000'.slice(0, 17);
    const luckyId = `${fits}${computeCheckDigit(fits)}`;
    if (luckyId.endsWith('000')) expect(idNumberTrap(luckyId, true)).toBe(IMPORT_MESSAGES.idZeroed);
    expect(idNumberTrap('430104195803151000', true)).toBe(IMPORT_MESSAGES.idZeroed);
  });

  it('normalises full-width digits and stray spaces as the form does', () => {
    const wide = good.id.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const r = readRow(row({ 0: `  ${good.name} `, 1: ` ${wide} `, 2: ` ${good.phone}` }), mapping, ctx);
    expect(r).toMatchObject({ ok: true, value: { name: good.name, idNumber: good.id, phone: good.phone } });
  });

  it('a phone number cell, an address in one column, a 网格 by its name, tags from the list', () => {
    const r = readRow(row({ 2: Number(good.phone) }), mapping, ctx);
    expect(r).toMatchObject({
      ok: true,
      value: { phone: good.phone, building: '3', unit: '2', room: '501', gridId: 'g1', tags: ['党员'] },
    });
    expect(readRow(row({ 3: '第九网格' }), mapping, ctx)).toEqual({
      ok: false,
      reason: '网格“第九网格”不是本社区的网格',
    });
    expect(readRow(row({ 4: '党员、退役军人' }), mapping, ctx)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('退役军人'),
    });
    expect(readRow(row({ 2: '1381234' }), mapping, ctx)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^联系电话：/),
    });
    expect(readRow(row({ 0: '' }), mapping, ctx)).toEqual({ ok: false, reason: '姓名：请填写姓名' });
    expect(readRow(row({ 5: '1990-01-01' }), mapping, ctx)).toEqual({
      ok: false,
      reason: IMPORT_MESSAGES.birthMismatch,
    });
  });

  it('dates and addresses as ledgers write them', () => {
    expect(['1958/3/15', '1958.03.15', '1958年3月15日', '19580315'].map(normalizeBirthDate)).toEqual(
      Array(4).fill('1958-03-15'),
    );
    expect(normalizeBirthDate('1958-02-30')).toBe('');
    expect(splitAddress('桃花岭路12号3栋2单元501')).toEqual({ building: '3', unit: '2', room: '501' });
    expect(splitAddress('5-1-302')).toEqual({ building: '5', unit: '1', room: '302' });
    expect(splitAddress('老街')).toEqual({ building: '老街', unit: '', room: '' });
    expect(splitAddress('3号楼2单元501室')).toEqual({ building: '3', unit: '2', room: '501' });
    expect(splitAddress('3栋')).toEqual({ building: '3', unit: '', room: '' });
  });
});

describe('the 500-row fixture ledger', { timeout: 60_000 }, () => {
  const ledger = residentLedger(500);

  for (const [what, read] of [
    [
      'xlsx with a merged title and headers',
      async () => readLedger('台账.xlsx', new Uint8Array(await ledgerXlsx(ledger))),
    ],
    ['GBK CSV', async () => readLedger('台账.csv', new Uint8Array(ledgerCsv(ledger, 'gbk')))],
  ] as const)
    it(`${what}: 483 rows to save (3 of them on file already), 17 refused with their reasons`, async () => {
      const { sheet } = await read();
      const header = detectHeaderRow(sheet);
      expect(header).toBe(2);
      const mapping = guessMapping(sheet[header!]!);
      expect(mapping).toEqual({
        name: 1,
        idNumber: 2,
        gender: 3,
        birthDate: 4,
        phone: 5,
        address: 6,
        grid: 7,
        tags: 8,
      });
      const plan = planImport(sheet, header!, mapping, ctx);
      expect([plan.valid, plan.rejected]).toEqual([483, 17]);
      const reasons = plan.rows.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.reason));
      expect(reasons.filter((r) => r === '身份证号：校验位不正确，请核对')).toHaveLength(4);
      expect(reasons.filter((r) => r === IMPORT_MESSAGES.idAsNumber)).toHaveLength(3);
      expect(reasons.filter((r) => r.startsWith('联系电话：'))).toHaveLength(3);
      expect(reasons.filter((r) => /^与第 \d+ 行重复（身份证号相同）$/.test(r))).toHaveLength(3);
      expect(reasons.filter((r) => r === '网格“第九网格”不是本社区的网格')).toHaveLength(2);
      expect(reasons.filter((r) => r === '姓名：请填写姓名')).toHaveLength(2);
      // The refused rows are the ledger's bad ones (Excel row = data position + 3).
      const refusedRows = plan.rows.filter((r) => !r.ok).map((r) => r.row - 3);
      const onFile = new Set(EXISTING.map((e) => e.id));
      const existingRows = ledger.rows.map((r, i) => (onFile.has(String(r[2])) ? i + 1 : 0)).filter(Boolean);
      expect([...refusedRows, ...existingRows].sort((a, b) => a - b)).toEqual(ledger.bad);
    });
});

describe('the import template', () => {
  it('its example row agrees with its own rules (the ID’s sex digit and birth date vs 性别, 出生日期)', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { templateWorkbook } = await import('../../../renderer/src/features/residents/import/ledgerWorkbooks');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateWorkbook('桃花岭社区', GRIDS, DEFAULT_RESIDENT_TAGS)).buffer as ArrayBuffer);
    const sheet = wb.getWorksheet('示例与说明')!;
    const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1) as (string | number)[];
    const header = cells(2);
    const example = readRow(cells(3), guessMapping(header), ctx);
    expect(example).toMatchObject({ ok: true, value: { gender: '女', birthDate: '1958-03-15' } });
  });
});
