/**
 * 居民台账导入, the layout: which row holds the headers (ledgers often have a title row and
 * merged header cells above it) and which column holds which field, guessed from the header
 * text. Pure; the cells are what the file reader gives (text, or a number for a numeric cell).
 */
export type Cell = string | number | null;
export type Sheet = Cell[][];

export const IMPORT_FIELDS = [
  'name',
  'idNumber',
  'gender',
  'birthDate',
  'phone',
  'address',
  'building',
  'unit',
  'room',
  'grid',
  'tags',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The label of each field, and the header texts it is recognised by (after normalising). */
export const FIELD_SPECS: Record<ImportField, { label: string; aliases: readonly string[] }> = {
  name: { label: '姓名', aliases: ['姓名', '居民姓名', '户主姓名', '名字'] },
  idNumber: { label: '身份证号', aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证'] },
  gender: { label: '性别', aliases: ['性别'] },
  birthDate: { label: '出生日期', aliases: ['出生日期', '出生年月', '生日'] },
  phone: { label: '联系电话', aliases: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式', '电话号码'] },
  address: { label: '住址', aliases: ['住址', '地址', '家庭住址', '现住址', '居住地址', '门牌地址'] },
  building: { label: '楼栋', aliases: ['楼栋', '栋', '楼号', '幢'] },
  unit: { label: '单元', aliases: ['单元', '单元号'] },
  room: { label: '房号', aliases: ['房号', '门牌号', '室', '房间号'] },
  grid: { label: '网格', aliases: ['网格', '所属网格', '网格名称'] },
  tags: { label: '人员标签', aliases: ['标签', '人员标签', '人员类别', '特殊人群', '人群类别'] },
};

/** Column index per field; a field not in the file is absent. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** Header text as compared: NFKC, no spaces, line breaks or asterisks (必填 marks), no brackets' notes. */
export function normalizeHeader(cell: Cell): string {
  return String(cell ?? '')
    .normalize('NFKC')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*:：]/g, '');
}

/** Headers about someone else (an emergency contact, a guardian, the grid's staff): never a field. */
const OTHER_PERSON = /联系人|监护人|网格员|紧急|家属|代办人/;

function exactField(header: string): ImportField | undefined {
  return IMPORT_FIELDS.find((f) => FIELD_SPECS[f].aliases.includes(header));
}

/** A longer header that contains an alias ("本人手机号"), unless it is about someone else. */
function partialField(header: string): ImportField | undefined {
  if (!header || OTHER_PERSON.test(header)) return undefined;
  return IMPORT_FIELDS.find((f) => FIELD_SPECS[f].aliases.some((a) => a.length >= 2 && header.includes(a)));
}

/** How many fields a row's cells name exactly (data cells such as '3单元' or '第一网格' do not count). */
function headerScore(row: readonly Cell[]): number {
  return new Set(row.map((c) => exactField(normalizeHeader(c))).filter(Boolean)).size;
}

/** How many of the first rows are looked at for the header (title rows above it are common). */
export const HEADER_SEARCH_ROWS = 15;

/** The index of the row most likely to be the header: the first row naming the most fields (at least 2). */
export function detectHeaderRow(sheet: Sheet): number | null {
  let best: number | null = null;
  let bestScore = 1;
  sheet.slice(0, HEADER_SEARCH_ROWS).forEach((row, i) => {
    const score = headerScore(row);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/**
 * The guess for each field: a header remembered from the last import first, then exact alias
 * matches over all columns, then headers that contain an alias.
 * Each column goes to one field at most, each field to one column (the first one found).
 */
export function guessMapping(header: readonly Cell[], remembered: Record<string, ImportField> = {}): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const assign = (f: ImportField | undefined, i: number) => {
    if (!f || mapping[f] !== undefined || taken.has(i)) return;
    mapping[f] = i;
    taken.add(i);
  };
  header.forEach((c, i) => assign(remembered[normalizeHeader(c)], i));
  header.forEach((c, i) => assign(exactField(normalizeHeader(c)), i));
  header.forEach((c, i) => assign(partialField(normalizeHeader(c)), i));
  return mapping;
}

/** What to remember of a confirmed mapping: header text → field. */
export function mappingToRemember(header: readonly Cell[], mapping: ColumnMapping): Record<string, ImportField> {
  const out: Record<string, ImportField> = {};
  for (const f of IMPORT_FIELDS) {
    const i = mapping[f];
    const text = i === undefined ? '' : normalizeHeader(header[i] ?? '');
    if (text) out[text] = f;
  }
  return out;
}

/** Refusals of a mapping before anything is read: a name column, and an ID or phone column. */
export function mappingProblem(mapping: ColumnMapping): string | null {
  if (mapping.name === undefined) return '请指定“姓名”所在的列';
  if (mapping.idNumber === undefined && mapping.phone === undefined) return '请指定“身份证号”或“联系电话”所在的列';
  return null;
}
