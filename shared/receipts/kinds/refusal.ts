/** 不予受理告知书: why the community does not take the matter and where to go instead (告知路径); numbers typed into either are masked (an office's landline in the directions is kept: the resident calls it). */
import { maskNumbersInText } from '../../domain/masking';
import { escapeHtml, rowsHtml, textOrBlank } from '../html';
import { commonRows } from '../parts';
import type { ReceiptData } from '../types';

export function refusalContent(data: ReceiptData): string {
  const rows = commonRows(data);
  rows.push(
    {
      label: '不予受理理由',
      valueHtml: `<span class="pre">${textOrBlank(maskNumbersInText(data.refusalReason ?? ''))}</span>`,
      strong: true,
    },
    {
      label: '建议办理途径',
      valueHtml: `<span class="pre">${textOrBlank(maskNumbersInText(data.redirectTo ?? '', { keepLandlines: true }))}</span>`,
      strong: true,
    },
  );
  return [
    '<p class="lead">您申请办理的事项，本社区不予受理。现将理由和办理途径告知如下。</p>',
    rowsHtml(rows),
    `<p class="closing">如有疑问，请致电 <span class="num">${escapeHtml(data.community.phone)}</span> 咨询。</p>`,
  ].join('\n');
}
