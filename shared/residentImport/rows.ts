/**
 * 居民台账导入, one row: the cells of the mapped columns made into the resident form's input and
 * checked with the form's own rules (validateResidentInput), plus what a ledger adds — a 网格
 * by its name, 人员标签 from the admin's list, a 出生日期 that must agree with the ID number,
 * an address in one column — and the Excel traps, each refused with its reason (never saved
 * wrong): an ID number stored as a number (4.30102E+17), or 18 digits whose last ones Excel
 * turned to 0. Reasons name the column and never repeat a personal field (only an unknown
 * 网格 or 标签 is quoted, being the community's own words — with any ID- or phone-shaped run
 * masked, for the file whose columns are shifted).
 */
import { validateIdNumber, type Gender } from '../domain/idNumber';
import { isValidLocalDate } from '../domain/localDate';
import { maskNumbersInText } from '../domain/masking';
import { firstResidentError, normalizeTags, validateResidentInput, type NormalizedResident } from '../domain/resident';
import { FIELD_SPECS, type Cell, type ColumnMapping, type ImportField } from './columns';

export type RowContext = {
  today: string;
  grids: readonly { id: string; name: string }[];
  /** The 人员标签 a resident may have (built-in + the admin's). */
  tags: readonly string[];
  /**
   * The file's ID column holds numbers somewhere (a numeric cell, or 4.30102E+17): then every
   * 18-digit ID ending in 000 is taken as cut off by Excel, even when its check digit happens to fit.
   */
  idColumnHasNumbers?: boolean;
};

export type RowResult = { ok: true; value: NormalizedResident } | { ok: false; reason: string };

export const IMPORT_MESSAGES = {
  idAsNumber: '身份证号被 Excel 存成了数字（如 4.30102E+17），后几位已丢失：请把该列设为“文本”并重新填写身份证号',
  idZeroed: '身份证号末几位被 Excel 变成了 0（数字只保留 15 位）：请把该列设为“文本”并重新填写身份证号',
  birthMismatch: '出生日期与身份证号不一致，请核对',
  birthInvalid: '出生日期不是有效日期（应如 1958-03-15）',
  birthOutOfRange: '出生日期应在 1900 年之后、今天之前',
  genderInvalid: '性别应为“男”或“女”',
  // Quoted with any ID- or phone-shaped run masked: a shifted column puts a resident's number here.
  gridUnknown: (name: string) => `网格“${maskNumbersInText(name)}”不是本社区的网格`,
  tagUnknown: (tag: string) => `人员标签“${maskNumbersInText(tag)}”不在标签列表中（管理员可在“设置 → 社区信息”中添加）`,
  addressTooLong: '住址无法拆分为楼栋、单元、房号，且超过 20 个字',
} as const;

const SCIENTIFIC = /^\d(\.\d+)?e\+?\d+$/i;

/** A cell's text: trimmed, NFKC (full-width digits and spaces become ASCII, as the form does). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  return cell.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** A cell Excel wrote as a number (a numeric cell, or its scientific text in a CSV). */
export function isNumberCell(cell: Cell | undefined): boolean {
  return (typeof cell === 'number' && cell >= 1e9) || SCIENTIFIC.test(cellText(cell).replace(/\s/g, ''));
}

/** The Excel trap an ID number cell fell into, if any (`columnHasNumbers`: see RowContext). */
export function idNumberTrap(cell: Cell | undefined, columnHasNumbers = false): string | null {
  if (isNumberCell(cell)) return IMPORT_MESSAGES.idAsNumber;
  const text = cellText(cell).replace(/\s/g, '');
  if (/^\d{15}000$/.test(text) && (columnHasNumbers || !validateIdNumber(text).ok)) return IMPORT_MESSAGES.idZeroed;
  return null;
}

/** '1958-03-15', '1958/3/15', '1958.3.15', '1958年3月15日', '19580315' → 'YYYY-MM-DD' ('' when not a date). */
export function normalizeBirthDate(text: string): string {
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return '';
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidLocalDate(day) ? day : '';
}

/** '3栋2单元501室', '3-2-501', '桃花岭路12号3栋2单元501' → the form's parts; else the whole text as 楼栋 when short. */
export function splitAddress(text: string): { building: string; unit: string; room: string } | null {
  // The street part before the building (桃花岭路12号) is the community's own: not kept.
  const parts =
    /([0-9A-Za-z]+|[一二三四五六七八九十]+)(?:号楼|[栋幢座楼])(?:([0-9A-Za-z]+)单元)?(?:([0-9A-Za-z]+)[室号]?)?$/.exec(
      text,
    );
  if (parts) return { building: parts[1]!, unit: parts[2] ?? '', room: parts[3] ?? '' };
  const dashed = /^(\d+)-(\d+)-(\d+)$/.exec(text);
  if (dashed) return { building: dashed[1]!, unit: dashed[2]!, room: dashed[3]! };
  return Array.from(text).length <= 20 ? { building: text, unit: '', room: '' } : null;
}

const withLabel = (field: ImportField, message: string) => `${FIELD_SPECS[field].label}：${message}`;

/** One data row → a resident to save, or the reason it is refused. */
export function readRow(row: readonly Cell[], mapping: ColumnMapping, ctx: RowContext): RowResult {
  const get = (f: ImportField) => (mapping[f] === undefined ? '' : cellText(row[mapping[f]!]));
  const idCell = mapping.idNumber === undefined ? undefined : row[mapping.idNumber];
  const trap = idNumberTrap(idCell, ctx.idColumnHasNumbers);
  if (trap) return { ok: false, reason: trap };

  const genderText = get('gender');
  const gender =
    genderText === '' ? undefined : genderText.startsWith('男') ? '男' : genderText.startsWith('女') ? '女' : null;
  if (gender === null) return { ok: false, reason: IMPORT_MESSAGES.genderInvalid };

  let address = { building: get('building'), unit: get('unit'), room: get('room') };
  const oneColumn = get('address');
  if (oneColumn && !address.building && !address.unit && !address.room) {
    const split = splitAddress(oneColumn);
    if (!split) return { ok: false, reason: IMPORT_MESSAGES.addressTooLong };
    address = split;
  }

  const gridText = get('grid');
  const grid = ctx.grids.find((g) => g.name === gridText || g.id === gridText);
  if (gridText && !grid) return { ok: false, reason: IMPORT_MESSAGES.gridUnknown(gridText) };

  const tags = normalizeTags(get('tags').split(/[、,，;；/\s]+/));
  const unknownTag = tags.find((t) => !ctx.tags.includes(t));
  if (unknownTag) return { ok: false, reason: IMPORT_MESSAGES.tagUnknown(unknownTag) };

  const result = validateResidentInput(
    {
      name: get('name'),
      idNumber: get('idNumber'),
      phone: get('phone'),
      ...address,
      gridId: grid?.id ?? '',
      tags,
      gender: gender as Gender | undefined,
    },
    ctx.today,
    { gridIds: ctx.grids.map((g) => g.id) },
  );
  if (!result.ok) {
    const first = firstResidentError(result.errors)!;
    const field: ImportField = first.field === 'gridId' ? 'grid' : first.field;
    return { ok: false, reason: withLabel(field, first.message) };
  }

  const birthText = get('birthDate');
  if (birthText) {
    const birth = normalizeBirthDate(birthText);
    if (!birth) return { ok: false, reason: IMPORT_MESSAGES.birthInvalid };
    if (birth < '1900-01-01' || birth > ctx.today) return { ok: false, reason: IMPORT_MESSAGES.birthOutOfRange };
    if (result.value.birthDate && birth !== result.value.birthDate)
      return { ok: false, reason: IMPORT_MESSAGES.birthMismatch };
    if (!result.value.birthDate) result.value.birthDate = birth;
  }
  return result;
}
