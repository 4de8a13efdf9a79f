/** The month's 错时服务 table as an .xlsx with Chinese headers (exceljs, loaded only when exporting). */
import { OFF_HOURS_COLUMNS, offHoursSheetRows, type OffHoursRow } from '@shared/domain/offHours';
import { workbookBase64 } from '../../components/workbook';

export function offHoursWorkbook(communityName: string, month: string, rows: readonly OffHoursRow[]): Promise<string> {
  return workbookBase64([
    {
      name: `错时服务 ${month}`,
      title: `${communityName} 错时服务记录 ${month}`,
      columns: OFF_HOURS_COLUMNS,
      rows: offHoursSheetRows(rows),
    },
  ]);
}
