/** 办结回执: the result (numbers typed into it masked), and the five-level satisfaction boxes to tick (never pre-filled). */
import { maskNumbersInText } from '../../domain/masking';
import { RATINGS } from '../../domain/records';
import { escapeHtml, rowsHtml, section, textOrBlank } from '../html';
import { commonRows } from '../parts';
import type { ReceiptData } from '../types';

export function completionContent(data: ReceiptData): string {
  const rows = commonRows(data);
  rows.push({
    label: '办结结果',
    valueHtml: `<span class="pre">${textOrBlank(maskNumbersInText(data.result ?? ''))}</span>`,
    strong: true,
  });
  const boxes = RATINGS.map((r) => `<span class="box">□&nbsp;${escapeHtml(r)}</span>`).join(' ');
  return [
    '<p class="lead">您申请的事项已办结，结果如下。</p>',
    rowsHtml(rows),
    section(
      '满意度评价',
      `<p>欢迎您对本次服务作出满意度评价，可当面告诉我们，或致电 <span class="num">${escapeHtml(data.community.phone)}</span>。</p>\n<p class="ratings">${boxes}</p>`,
    ),
  ].join('\n');
}
