/**
 * Properties of one 居民台账 row (readRow): a valid ledger row becomes the resident the form would
 * make of the same text; any row at all — text, numbers, empty cells, strange text — is either
 * read or refused with a Chinese reason that names its column (or an Excel trap), never an
 * exception, never the ID number or phone it holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_SPECS, IMPORT_FIELDS, type Cell, type ColumnMapping } from '../../../shared/residentImport/columns';
import { IMPORT_MESSAGES, readRow, type RowContext } from '../../../shared/residentImport/rows';
import { validateResidentInput } from '../../../shared/domain/resident';
import { anyText, expectChineseMessage, hanText, RUNS, strangeText, TODAY, typedId, typedPhone } from './arbitraries';

const CTX: RowContext = {
  today: TODAY,
  grids: [
    { id: 'g1', name: '第一网格' },
    { id: 'g2', name: '第二网格' },
  ],
  tags: ['独居老人', '高龄', '残疾人'],
};
/** The ledger's columns, in this order. */
const MAPPING: ColumnMapping = { name: 0, idNumber: 1, phone: 2, building: 3, unit: 4, room: 5, grid: 6, tags: 7 };

const LABELS = Object.values(FIELD_SPECS).map((s) => `${s.label}：`);
const FIXED_REASONS = Object.values(IMPORT_MESSAGES).filter((m) => typeof m === 'string') as string[];
const isRowReason = (reason: string) =>
  LABELS.some((l) => reason.startsWith(l)) ||
  FIXED_REASONS.includes(reason) ||
  /^网格“.*”不是本社区的网格$/su.test(reason) ||
  /^人员标签“.*”不在标签列表中/su.test(reason);

describe('import rows: a valid row is read as the form reads it', () => {
  it('the resident of a row equals the form’s resident of the same cells', () => {
    fc.assert(
      fc.property(
        fc.record({
          name: hanText(1, 30),
          id: typedId,
          phone: fc.option(typedPhone, { nil: undefined }),
          building: strangeText(20).filter((s) => !/[\d栋幢座楼号]/u.test(s)),
          unit: fc.constantFrom('', '1', '二'),
          room: fc.constantFrom('', '501', 'A'),
          grid: fc.constantFrom('', '第一网格', 'g2'),
          tags: fc.subarray(['独居老人', '高龄', '残疾人']),
        }),
        (r) => {
          const row: Cell[] = [
            r.name,
            r.id.typed,
            r.phone?.typed ?? null,
            r.building,
            r.unit,
            r.room,
            r.grid,
            r.tags.join('、'),
          ];
          const out = readRow(row, MAPPING, CTX);
          const cell = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
          const form = validateResidentInput(
            {
              name: cell(r.name),
              idNumber: cell(r.id.typed),
              phone: cell(r.phone?.typed ?? ''),
              building: cell(r.building),
              unit: r.unit,
              room: r.room,
              gridId: r.grid === '第一网格' ? 'g1' : r.grid,
              tags: r.tags,
            },
            TODAY,
            { gridIds: ['g1', 'g2'] },
          );
          if (!form.ok) {
            // The only refusal of a valid row: its free text longer than 20 after NFKC (㈀ → (一)).
            expect(Object.keys(form.errors)).toEqual(['building']);
            expect(out).toEqual({ ok: false, reason: `楼栋：${form.errors.building}` });
            return;
          }
          expect(out).toEqual(form);
          if (!out.ok) return;
          expect(out.value.idNumber).toBe(r.id.id);
          expect(out.value.birthDate).toBe(r.id.birthDate);
          expect(out.value.phone).toBe(r.phone?.value);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('import rows: any row is read or refused with its column named', () => {
  const cellArb: fc.Arbitrary<Cell> = fc.oneof(
    anyText,
    strangeText(30),
    fc.constant(null),
    fc.integer(),
    fc.double(),
    fc.constantFrom(430104195803151200, 4.30102e17, 13812345678),
  );

  it('random cells under random column mappings: no exception; a refusal is Chinese and names its column', () => {
    fc.assert(
      fc.property(
        fc.array(cellArb, { maxLength: 12 }),
        fc.dictionary(fc.constantFrom(...IMPORT_FIELDS), fc.integer({ min: 0, max: 12 })),
        fc.boolean(),
        (row, mapping, idColumnHasNumbers) => {
          const out = readRow(row, mapping as ColumnMapping, { ...CTX, idColumnHasNumbers });
          if (out.ok) return;
          expect(isRowReason(out.reason), out.reason).toBe(true);
          const typed = row.filter((c): c is string => typeof c === 'string' && /\d{6,}/.test(c));
          expectChineseMessage(out.reason, typed);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a bad cell is refused naming its own column', () => {
    const valid: Cell[] = ['张三', '430104195803151237', '13812345678', '3', '2', '501', '第一网格', '高龄'];
    const bad = fc.oneof(
      fc.integer({ min: 0, max: 9 }).map((d) => ({ col: 0, cell: `张${d}`, label: '姓名：' })),
      fc.constantFrom('430104195803151238', '43010419580315123', '430104580315123').map((cell) => ({
        col: 1,
        cell,
        label: '身份证号：',
      })),
      fc
        .constantFrom('1381234567', '23812345678', '138-1234-5678转12')
        .map((cell) => ({ col: 2, cell, label: '联系电话：' })),
      hanText(21, 30).map((cell) => ({ col: 3, cell, label: '楼栋：' })),
      fc.constantFrom('第三网格', '网格1').map((cell) => ({ col: 6, cell, label: '网格' })),
      fc.constantFrom('低保户', 'VIP').map((cell) => ({ col: 7, cell, label: '人员标签' })),
      // A shifted column: a phone or an ID number where the 网格 or the 标签 should be.
      fc
        .tuple(fc.constantFrom(6, 7), fc.constantFrom('13912345678', '430104195803151237', '0731-88886666'))
        .map(([col, cell]) => ({ col, cell, label: col === 6 ? '网格' : '人员标签' })),
    );
    expect(readRow(valid, MAPPING, CTX).ok).toBe(true);
    fc.assert(
      fc.property(bad, ({ col, cell, label }) => {
        const row = [...valid];
        row[col] = cell;
        const out = readRow(row, MAPPING, CTX);
        expect(out.ok).toBe(false);
        if (out.ok) return;
        expect(out.reason.startsWith(label), out.reason).toBe(true);
        expectChineseMessage(out.reason, [String(row[1]), String(row[2]), cell]);
      }),
      { numRuns: RUNS },
    );
  });
});
