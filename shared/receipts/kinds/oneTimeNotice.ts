/** 一次性告知单: every missing document at once, with form, count and where to get it. */
import { escapeHtml, listHtml, rowsHtml, section } from '../html';
import { commonRows, missingDocumentsHtml } from '../parts';
import { ONE_TIME_NOTICE_TEXT } from '../texts';
import type { ReceiptData, ReceiptLayout } from '../types';

export function oneTimeNoticeContent(data: ReceiptData, layout: ReceiptLayout): string {
  return [
    `<p class="lead notice">${escapeHtml(ONE_TIME_NOTICE_TEXT)}</p>`,
    rowsHtml(commonRows(data)),
    section(
      `需补齐的材料（共 ${data.documentsMissing.length} 项）`,
      missingDocumentsHtml(data.documentsMissing, layout),
    ),
    data.documentsReceived.length > 0
      ? section('已收材料（无需再次提交）', listHtml(data.documentsReceived, '无'))
      : '',
    '<p class="closing">补齐材料后，请带上本告知单来社区服务中心办理。行动不便的，可以请社区工作人员上门帮代办。</p>',
  ].join('\n');
}
