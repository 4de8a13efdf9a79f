/**
 * 居民台账导入, the whole file: every data row below the header read (readRow), empty rows left
 * out, and duplicates inside the file found with the form's rule — the same ID number, or the
 * same name and phone — the first row kept, the later ones refused with the row they repeat.
 * Duplicates of residents already on file are decided when saving (skip or update).
 */
import type { NormalizedResident } from '../domain/resident';
import { cellText, isNumberCell, readRow, type RowContext } from './rows';
import type { Cell, ColumnMapping, Sheet } from './columns';

/** `row` is the sheet's row number as Excel shows it (1-based). */
export type PlannedRow =
  { row: number; ok: true; value: NormalizedResident } | { row: number; ok: false; reason: string };

export type ImportPlan = { rows: PlannedRow[]; valid: number; rejected: number };

/** The keys the form's duplicate rule compares. */
export function duplicateKeys(v: Pick<NormalizedResident, 'name' | 'idNumber' | 'phone'>): string[] {
  const keys: string[] = [];
  if (v.idNumber) keys.push(`id:${v.idNumber}`);
  if (v.phone) keys.push(`np:${v.name}|${v.phone}`);
  return keys;
}

const isEmpty = (row: readonly Cell[]) => row.every((c) => cellText(c) === '');

export function planImport(sheet: Sheet, headerRow: number, mapping: ColumnMapping, base: RowContext): ImportPlan {
  const idColumn = mapping.idNumber;
  const idColumnHasNumbers =
    idColumn !== undefined && sheet.some((cells, i) => i > headerRow && isNumberCell(cells[idColumn]));
  const ctx = { ...base, idColumnHasNumbers };
  const seen = new Map<string, number>();
  const rows: PlannedRow[] = [];
  sheet.forEach((cells, i) => {
    if (i <= headerRow || isEmpty(cells)) return;
    const row = i + 1;
    const read = readRow(cells, mapping, ctx);
    if (!read.ok) return rows.push({ row, ok: false, reason: read.reason });
    const keys = duplicateKeys(read.value);
    const first = keys.map((k) => seen.get(k)).find((n) => n !== undefined);
    if (first !== undefined) {
      const what = keys[0]?.startsWith('id:') && seen.has(keys[0]) ? '身份证号相同' : '姓名和电话相同';
      return rows.push({ row, ok: false, reason: `与第 ${first} 行重复（${what}）` });
    }
    for (const k of keys) seen.set(k, row);
    rows.push({ row, ok: true, value: read.value });
  });
  const valid = rows.filter((r) => r.ok).length;
  return { rows, valid, rejected: rows.length - valid };
}

/**
 * What the preview says before saving, given the rows that match a resident already on file
 * (`registered`: row → why, read from the residents with the same rule the save uses): the new
 * rows are 可导入; the registered ones are listed apart — not imported with 跳过, updated with 更新.
 */
export function importPreview(plan: ImportPlan, registered: ReadonlyMap<number, string>, mode: 'skip' | 'update') {
  const onFile = plan.rows.filter((r) => r.ok && registered.has(r.row)).length;
  const fresh = plan.valid - onFile;
  const toSave = mode === 'skip' ? fresh : plan.valid;
  const how = mode === 'skip' ? '按“跳过”不导入' : '保存时按文件更新';
  const line =
    `共 ${plan.rows.length} 行数据：可导入 ${fresh} 行，有误 ${plan.rejected} 行` +
    (onFile > 0 ? `；已登记的居民 ${onFile} 行（${how}）` : '');
  return { fresh, onFile, toSave, line };
}
