/**
 * The day's register as an .xlsx (exceljs, loaded only when exporting): A4 landscape, the
 * header row repeated on every printed page, personal numbers masked as on screen.
 */
import { REGISTER_COLUMNS, type RegisterLine } from '@shared/domain/registerLines';
import { workbookBase64 } from '../../components/workbook';

/** The workbook as base64, ready for the bridge's file save. */
export function registerWorkbook(communityName: string, day: string, lines: readonly RegisterLine[]): Promise<string> {
  return workbookBase64([
    {
      name: `来访台账 ${day}`,
      title: `${communityName} 来访台账 ${day}`,
      columns: REGISTER_COLUMNS,
      rows: lines.map((l) => REGISTER_COLUMNS.map((c) => l[c.key])),
    },
  ]);
}
