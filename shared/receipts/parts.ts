/**
 * Pieces several receipt kinds print: the common rows (ID and phone numbers masked here), the
 * promised date, the missing-documents list.
 */
import { maskIdNumber, maskPhone } from '../domain/masking';
import { formatReceiptDate, formatReceiptDateTime } from './format';
import { escapeHtml, type Row } from './html';
import { uncoveredYearsText } from '../domain/texts';
import { DEADLINE_UNCERTAIN_TEXT } from './texts';
import type { ReceiptData, ReceiptDocument, ReceiptLayout } from './types';

/**
 * The rows every receipt carries, in print order: 事项; 办理方式 | 受理人; 申请人 | 联系电话;
 * 身份证号 | 代办人; 受理时间 | 预约时间. ID and phone numbers are masked here.
 */
export function commonRows(data: ReceiptData): Row[] {
  const rows: Row[] = [
    { label: '事项', valueHtml: `<strong>${escapeHtml(data.matterName)}</strong>`, strong: true },
    { label: '办理方式', valueHtml: escapeHtml(data.mode), half: true },
    {
      label: '受理人',
      valueHtml: `${escapeHtml(data.staffName)}<span class="aside">（首问责任人）</span>`,
      half: true,
    },
    { label: '申请人', valueHtml: escapeHtml(data.resident.name), half: true },
  ];
  if (data.resident.phone !== undefined && data.resident.phone.trim() !== '') {
    rows.push({
      label: '联系电话',
      valueHtml: `<span class="num">${escapeHtml(maskPhone(data.resident.phone))}</span>`,
      half: true,
    });
  }
  if (data.resident.idNumber !== undefined && data.resident.idNumber.trim() !== '') {
    rows.push({
      label: '身份证号',
      valueHtml: `<span class="num">${escapeHtml(maskIdNumber(data.resident.idNumber))}</span>`,
      half: true,
    });
  }
  if (data.agent) {
    const relation = data.agent.relation.trim() !== '' ? `（${escapeHtml(data.agent.relation)}）` : '';
    const phone =
      data.agent.phone !== undefined && data.agent.phone.trim() !== ''
        ? ` <span class="num">${escapeHtml(maskPhone(data.agent.phone))}</span>`
        : '';
    const id =
      data.agent.idNumber !== undefined && data.agent.idNumber.trim() !== ''
        ? ` <span class="num">${escapeHtml(maskIdNumber(data.agent.idNumber))}</span>`
        : '';
    rows.push({ label: '代办人', valueHtml: `${escapeHtml(data.agent.name)}${relation}${phone}${id}`, half: true });
  }
  rows.push({ label: '受理时间', valueHtml: escapeHtml(formatReceiptDateTime(data.acceptedAt)), half: true });
  if (data.appointmentAt !== undefined && data.appointmentAt.trim() !== '') {
    rows.push({
      label: '预约时间',
      valueHtml: `<strong>${escapeHtml(formatReceiptDateTime(data.appointmentAt))}</strong>`,
      strong: true,
      half: true,
    });
  }
  return rows;
}

export function deadlineHtml(data: ReceiptData): string | null {
  if (data.deadline === undefined || data.deadline.trim() === '') return null;
  const years = data.deadlineUncoveredYears ?? [];
  const text = years.length > 0 ? `（${uncoveredYearsText(years)}）` : DEADLINE_UNCERTAIN_TEXT;
  const flag = data.deadlineUncertain || years.length > 0 ? `<span class="note">${escapeHtml(text)}</span>` : '';
  return `<strong>${escapeHtml(formatReceiptDate(data.deadline))}</strong>${flag}`;
}

function countText(doc: ReceiptDocument): string {
  return doc.count === undefined ? '—' : `${doc.count} 份`;
}

/** Missing documents: a table on A4, stacked entries on the narrow roll. */
export function missingDocumentsHtml(docs: readonly ReceiptDocument[], layout: ReceiptLayout): string {
  if (docs.length === 0) return '<p class="empty">无</p>';
  if (layout === 'a4') {
    const body = docs
      .map(
        (d, i) =>
          `<tr><td class="c-no">${i + 1}</td><td class="c-name"><strong>${escapeHtml(d.name)}</strong></td>` +
          `<td class="c-form">${escapeHtml(d.form ?? '—')}</td><td class="c-count">${escapeHtml(countText(d))}</td>` +
          `<td class="c-source">${escapeHtml(d.source ?? '—')}</td></tr>`,
      )
      .join('\n');
    return (
      '<table class="docs">\n<colgroup><col class="c-no"><col class="c-name"><col class="c-form"><col class="c-count"><col class="c-source"></colgroup>\n' +
      '<thead><tr><th>序号</th><th>材料名称</th><th>形式/要求</th><th>份数</th><th>获取途径</th></tr></thead>\n' +
      `<tbody>\n${body}\n</tbody>\n</table>`
    );
  }
  const items = docs
    .map((d) => {
      const details = [
        d.form !== undefined && d.form.trim() !== '' ? `<div>形式/要求：${escapeHtml(d.form)}</div>` : '',
        d.count !== undefined ? `<div>份数：${escapeHtml(countText(d))}</div>` : '',
        d.source !== undefined && d.source.trim() !== '' ? `<div>获取途径：${escapeHtml(d.source)}</div>` : '',
      ].join('');
      return `<li><div class="doc-name">${escapeHtml(d.name)}</div>${details}</li>`;
    })
    .join('\n');
  return `<ol class="docs-list">\n${items}\n</ol>`;
}
