/**
 * The report's export formats as the screen names them, and how a repeat of one is asked for
 * (issue 24: every format of a period is recorded for the center; another export of the same
 * format asks first, through ONE dialog, ReexportDialog).
 */
import type { ReportExportFormat } from '@shared/domain/records';

export const FORMAT_NAMES: Record<ReportExportFormat, string> = {
  xlsx: 'Excel',
  json: '报送包',
  'csv:summary': 'CSV 汇总',
  'csv:cases': 'CSV 办件台账',
  'csv:escalations': 'CSV 上报事项',
  'csv:ratings': 'CSV 评价与整改',
  pdf: 'PDF',
  print: '打印',
};

/** What the confirm of a repeat says: its title, its button, and why it asks. */
export function reexportTexts(format: ReportExportFormat): { title: string; submit: string; why: string } {
  if (format === 'json')
    return {
      title: '再次导出报送包',
      submit: '仍要再次导出',
      why: '报送包每期由本中心导出一份即可。再次导出会生成新的一份（含各窗口此刻已同步的数据），并记入操作日志；如上一份已报送街道，请告知街道以哪一份为准。',
    };
  if (format === 'print')
    return {
      title: '再次打印周报',
      submit: '仍要再次打印',
      why: '本期周报已打印过。再次打印会按此刻的数据重新生成，并记入操作日志；如上一份已交出，请说明以哪一份为准。',
    };
  const name = FORMAT_NAMES[format];
  return {
    title: `再次导出${name}`,
    submit: '仍要再次导出',
    why: `本期的${name}已导出过。再次导出会按此刻的数据生成新的一份，并记入操作日志；如上一份已交出，请说明以哪一份为准。`,
  };
}
