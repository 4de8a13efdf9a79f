/** 受理回执: the case is accepted; the promised date, what was received, what is still missing. */
import { listHtml, rowsHtml, section } from '../html';
import { commonRows, deadlineHtml, missingDocumentsHtml } from '../parts';
import type { ReceiptData, ReceiptLayout } from '../types';

export function acceptanceContent(data: ReceiptData, layout: ReceiptLayout): string {
  const rows = commonRows(data);
  const deadline = deadlineHtml(data);
  if (deadline) rows.push({ label: '承诺办结日期', valueHtml: deadline, strong: true });
  return [
    '<p class="lead">您的申请已受理。请妥善保管本回执，凭受理编号到窗口或致电查询办理进度。</p>',
    rowsHtml(rows),
    section('已收材料', listHtml(data.documentsReceived, '无')),
    data.documentsMissing.length > 0
      ? section('尚需补齐的材料', missingDocumentsHtml(data.documentsMissing, layout))
      : '',
  ].join('\n');
}
