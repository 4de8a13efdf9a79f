/**
 * The two spreadsheets of the import: the template (the expected headers, the ID and phone
 * columns as text so Excel cannot turn them into numbers; an example and the rules on a second
 * sheet, which is not imported), and the report of the rows not imported (row, reason, then
 * the row as it was in the file, to fix and import again).
 */
import { computeCheckDigit } from '@shared/domain/idNumber';
import type { Cell } from '@shared/residentImport/columns';
import { workbookBytes } from '../../../components/workbook';

const TEMPLATE_COLUMNS = [
  { title: '姓名', width: 10 },
  { title: '身份证号', width: 22 },
  { title: '性别', width: 6 },
  { title: '出生日期', width: 12 },
  { title: '联系电话', width: 15 },
  { title: '住址', width: 20 },
  { title: '网格', width: 12 },
  { title: '人员标签', width: 18 },
];

export function templateWorkbook(communityName: string, gridNames: readonly string[], tags: readonly string[]) {
  const note = (text: string) => [text, '', '', '', '', '', '', ''];
  return workbookBytes([
    {
      name: '居民台账',
      title: `${communityName} 居民台账`,
      columns: TEMPLATE_COLUMNS,
      rows: [],
      textColumns: [1, 4],
    },
    {
      name: '示例与说明',
      title: '示例与说明（本页不导入，请在“居民台账”页填写）',
      columns: TEMPLATE_COLUMNS,
      rows: [
        [
          '王秀英',
          // The 17th digit is even: a woman, as the row says (the template follows its own rule).
          `43010419580315122${computeCheckDigit('43010419580315122')}`,
          '女',
          '1958-03-15',
          '13812345678',
          '3栋2单元501室',
          gridNames[0] ?? '',
          '独居老人、高龄',
        ],
        note(''),
        note('姓名必填；身份证号和联系电话至少填一项。'),
        note('身份证号 18 位。“身份证号”“联系电话”两列已设为文本：请勿改成数字格式，否则后几位会变成 0。'),
        note('性别、出生日期可不填；有身份证号时须与身份证号一致。'),
        note('住址如“3栋2单元501室”，也可分为“楼栋”“单元”“房号”三列。'),
        note(`网格：${gridNames.join('、')}。`),
        note(`人员标签（多个用“、”分隔）：${tags.join('、')}。`),
      ],
      textColumns: [1, 4],
    },
  ]);
}

/** The rows not imported: 行号, 原因, then the file's own columns as they were. */
export function rejectedWorkbook(
  fileName: string,
  header: readonly Cell[],
  rows: readonly { row: number; reason: string; cells: readonly Cell[] }[],
) {
  const columns = [
    { title: '行号', width: 8 },
    { title: '未导入原因', width: 46 },
    ...header.map((h, i) => ({ title: String(h ?? '') || `第 ${i + 1} 列`, width: 14 })),
  ];
  return workbookBytes([
    {
      name: '未导入的行',
      title: `${fileName} 未导入的行（改正后可再次导入）`,
      columns,
      rows: rows.map((r) => [r.row, r.reason, ...header.map((_, i) => r.cells[i] ?? '')]),
      textColumns: header.map((_, i) => i + 2),
    },
  ]);
}
