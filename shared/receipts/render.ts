/**
 * 回执打印模板：受理回执、办结回执、一次性告知单、不予受理告知书（A4 与 80 mm 热敏纸）。
 *
 * Pure functions that return one complete, self-contained HTML document (inline <style>
 * only, no scripts, no external resources), which the app prints through its bridge:
 * Electron loads it in a hidden window and prints / printToPDF; the browser build prints it
 * in an iframe. No I/O and no clock: every date comes in through `ReceiptData`.
 *
 * Rules kept here so no caller can get them wrong:
 * - every interpolated value is HTML-escaped (`escapeHtml`);
 * - ID and phone numbers of the resident and of the agent are ALWAYS masked;
 * - the tracking number is large and bold next to its QR code (SVG, sharp on thermal heads);
 * - large type for elderly readers: body 14pt on A4, 11pt on the 80 mm roll, black on white.
 */
import { DEADLINE_UNCERTAIN } from '../domain/texts';
import { maskIdNumber, maskPhone } from '../domain/masking';
import { dayOfWeek, parseLocalDate } from '../domain/localDate';
import type { ReceiptData, ReceiptDocument, ReceiptKind, ReceiptLayout } from './types';

/** Printed next to the deadline when the holiday schedule for that period is not entered. */
export const DEADLINE_UNCERTAIN_TEXT = `（${DEADLINE_UNCERTAIN}）`;

/** The 一次性告知 promise printed on top of the 一次性告知单. */
export const ONE_TIME_NOTICE_TEXT = '请您补齐以下材料后再来办理，我们一次性告知全部所需材料。';

export const RECEIPT_FONT_STACK = '"Noto Sans CJK SC", "Microsoft YaHei", "SimSun", sans-serif';

const RATINGS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;
/** A line to fill in by hand where the data has no value. */
const BLANK = '<span class="blank" aria-label="待填写"></span>';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in HTML element content and in quoted attribute values. */
export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** 'YYYY-MM-DD' → '2026年10月14日（星期三）'; anything else is returned as given. */
export function formatReceiptDate(value: string): string {
  const parts = parseLocalDate(value);
  if (!parts) return value;
  const weekday = WEEKDAYS[dayOfWeek(value)] ?? '';
  return `${parts.year}年${parts.month}月${parts.day}日（${weekday}）`;
}

/** 'YYYY-MM-DD HH:mm' → '2026年9月30日 14:05'; anything else is returned as given. */
export function formatReceiptDateTime(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(value.trim());
  const parts = m ? parseLocalDate(m[1] ?? '') : null;
  if (!m || !parts) return value;
  return `${parts.year}年${parts.month}月${parts.day}日 ${m[2] ?? ''}`;
}

/** Characters that file systems (and the bridge's file-name schema) refuse. */
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f]/g;

/** '受理回执-THL-20260930-0001.pdf' — safe as a suggested file name on Windows and Linux. */
export function receiptFileName(kind: ReceiptKind, trackingNumber: string): string {
  const safe = trackingNumber.trim().replace(UNSAFE_FILE_CHARS, '_') || '未编号';
  return `${kind}-${safe}.pdf`;
}

// ---------------------------------------------------------------------------------------------
// Building blocks (all take raw values and escape them)
// ---------------------------------------------------------------------------------------------

/** One labelled line. `half`: on A4 two consecutive half rows share a line (two columns). */
type Row = { label: string; valueHtml: string; strong?: boolean; half?: boolean };

function textOrBlank(value: string | undefined): string {
  return value !== undefined && value.trim() !== '' ? escapeHtml(value) : BLANK;
}

/**
 * A list of labelled lines. On A4, half rows are paired two to a line; a half row without a
 * partner spans the whole line. The 80 mm roll always has one row per line.
 */
function rowsHtml(rows: readonly Row[]): string {
  const items = rows.map((r, i) => {
    const prev = rows[i - 1];
    const next = rows[i + 1];
    // Pair greedily from the start: a half row is the left one if the previous row did not
    // take it as its partner.
    let halfIndex = 0;
    for (let j = i; j > 0 && rows[j - 1]?.half === true; j--) halfIndex++;
    const isLeft = r.half === true && halfIndex % 2 === 0 && next?.half === true;
    const isRight = r.half === true && halfIndex % 2 === 1 && prev?.half === true;
    const span = isLeft || isRight ? 'half' : 'wide';
    return `<div class="row ${span}${r.strong ? ' strong' : ''}"><dt>${escapeHtml(r.label)}</dt><dd>${r.valueHtml}</dd></div>`;
  });
  return `<dl class="fields">\n${items.join('\n')}\n</dl>`;
}

/**
 * The rows every receipt carries, in print order: 事项; 办理方式 | 受理人; 申请人 | 联系电话;
 * 身份证号 | 代办人; 受理时间 | 预约时间. ID and phone numbers are masked here.
 */
function commonRows(data: ReceiptData): Row[] {
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
    rows.push({ label: '代办人', valueHtml: `${escapeHtml(data.agent.name)}${relation}${phone}`, half: true });
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

function deadlineHtml(data: ReceiptData): string | null {
  if (data.deadline === undefined || data.deadline.trim() === '') return null;
  const flag = data.deadlineUncertain ? `<span class="note">${escapeHtml(DEADLINE_UNCERTAIN_TEXT)}</span>` : '';
  return `<strong>${escapeHtml(formatReceiptDate(data.deadline))}</strong>${flag}`;
}

function listHtml(items: readonly string[], emptyText: string): string {
  if (items.length === 0) return `<p class="empty">${escapeHtml(emptyText)}</p>`;
  return `<ol class="list">\n${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ol>`;
}

function countText(doc: ReceiptDocument): string {
  return doc.count === undefined ? '—' : `${doc.count} 份`;
}

/** Missing documents: a table on A4, stacked entries on the narrow roll. */
function missingDocumentsHtml(docs: readonly ReceiptDocument[], layout: ReceiptLayout): string {
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

function section(title: string, bodyHtml: string): string {
  return `<section class="block"><h2>${escapeHtml(title)}</h2>\n${bodyHtml}\n</section>`;
}

// ---------------------------------------------------------------------------------------------
// Per-kind content
// ---------------------------------------------------------------------------------------------

function kindContent(kind: ReceiptKind, data: ReceiptData, layout: ReceiptLayout): string {
  const rows = commonRows(data);

  switch (kind) {
    case '受理回执': {
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
    case '办结回执': {
      rows.push({ label: '办结结果', valueHtml: `<span class="pre">${textOrBlank(data.result)}</span>`, strong: true });
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
    case '一次性告知单':
      return [
        `<p class="lead notice">${escapeHtml(ONE_TIME_NOTICE_TEXT)}</p>`,
        rowsHtml(rows),
        section(
          `需补齐的材料（共 ${data.documentsMissing.length} 项）`,
          missingDocumentsHtml(data.documentsMissing, layout),
        ),
        data.documentsReceived.length > 0
          ? section('已收材料（无需再次提交）', listHtml(data.documentsReceived, '无'))
          : '',
        '<p class="closing">补齐材料后，请带上本告知单来社区服务中心办理。行动不便的，可以请社区工作人员上门帮代办。</p>',
      ].join('\n');
    case '不予受理告知书':
      rows.push(
        {
          label: '不予受理理由',
          valueHtml: `<span class="pre">${textOrBlank(data.refusalReason)}</span>`,
          strong: true,
        },
        { label: '建议办理途径', valueHtml: `<span class="pre">${textOrBlank(data.redirectTo)}</span>`, strong: true },
      );
      return [
        '<p class="lead">您申请办理的事项，本社区不予受理。现将理由和办理途径告知如下。</p>',
        rowsHtml(rows),
        `<p class="closing">如有疑问，请致电 <span class="num">${escapeHtml(data.community.phone)}</span> 咨询。</p>`,
      ].join('\n');
  }
}

// ---------------------------------------------------------------------------------------------
// Styles
// ---------------------------------------------------------------------------------------------

const COMMON_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; background: #fff; }
body { margin: 0; color: #000; background: #fff; font-family: ${RECEIPT_FONT_STACK};
  line-height: 1.5; overflow-wrap: anywhere; word-break: break-word; }
.sheet { margin: 0 auto; }
.head { text-align: center; }
.community { font-weight: bold; }
h1 { margin: 0; font-weight: bold; letter-spacing: 0.15em; }
h2 { margin: 0 0 0.3em; font-weight: bold; }
p { margin: 0.4em 0; }
.tracking { border: 2px solid #000; }
.tracking .label { font-weight: bold; }
.tracking-number { font-weight: bold; font-family: ${RECEIPT_FONT_STACK}; font-variant-numeric: tabular-nums;
  letter-spacing: 0.02em; line-height: 1.2; }
.qr { background: #fff; flex: none; }
.qr svg { display: block; width: 100%; height: auto; }
.lead { font-weight: bold; }
.notice { border: 1.5px solid #000; }
.fields { margin: 0; }
.fields dt { font-weight: bold; }
.fields dd { margin: 0; min-width: 0; }
.note { font-weight: bold; }
.aside { font-weight: normal; }
.pre { white-space: pre-wrap; }
.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
.blank { display: inline-block; min-width: 12em; border-bottom: 1px solid #000; height: 1.2em; vertical-align: bottom; }
.list { margin: 0; padding-left: 1.6em; }
.block { break-inside: avoid; }
.box { white-space: nowrap; margin-right: 0.8em; }
.foot { border-top: 1px solid #000; }
.foot p { margin: 0.15em 0; }
`;

const A4_CSS = `
@page { size: A4; margin: 15mm; }
body { font-size: 14pt; line-height: 1.38; }
.sheet { max-width: 180mm; }
@media screen { body { padding: 15mm 0; } }
.community { font-size: 15pt; }
h1 { font-size: 24pt; margin-top: 1mm; }
h2 { font-size: 14pt; margin-bottom: 1mm; }
.tracking { display: flex; align-items: center; justify-content: space-between; gap: 6mm;
  margin: 2.5mm 0; padding: 2mm 5mm; }
.tracking .label { font-size: 14pt; }
.tracking-number { font-size: 26pt; }
.tracking .hint { font-size: 12pt; }
.qr { width: 28mm; padding: 1mm; }
.lead { margin: 0 0 2mm; }
.notice { font-size: 15pt; padding: 2mm 4mm; }
.fields { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); column-gap: 6mm;
  border-top: 1px solid #000; }
.fields .row { display: grid; grid-template-columns: 6.2em minmax(0, 1fr); column-gap: 0.3em;
  align-items: baseline; padding: 1.2mm 0; border-bottom: 1px solid #000; }
.fields .row.wide { grid-column: 1 / -1; }
.fields dt { font-size: 13pt; }
.fields .row.strong dd { font-size: 15pt; }
.fields .note { font-size: 13pt; }
.block { margin-top: 2.5mm; }
table.docs tr, .fields .row { break-inside: avoid; }
table.docs { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 13pt; line-height: 1.35; }
table.docs th, table.docs td { border: 1px solid #000; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
table.docs th { font-weight: bold; }
col.c-no { width: 14mm; } col.c-name { width: 58mm; } col.c-form { width: 36mm; } col.c-count { width: 17mm; }
th:first-child, td.c-no, td.c-count { text-align: center; }
.closing { margin-top: 3mm; }
.ratings { font-size: 15pt; }
.sign { display: flex; align-items: baseline; gap: 8mm; margin-top: 7mm; break-inside: avoid; }
.sign > span { white-space: nowrap; }
.sign .line { display: inline-block; width: 38mm; border-bottom: 1px solid #000; }
.sign .seal { margin-left: auto; }
.foot { margin-top: 4mm; padding-top: 1.5mm; font-size: 12pt; break-inside: avoid; }
.foot .fi { margin-right: 1.5em; }
`;

const THERMAL_CSS = `
/* Chromium ignores 'auto' (invalid there) and lays out on the paper it is given: the bridge's
   page size (80 mm × the strip length) or the roll printer's own paper. A fixed fallback height
   would cut the strip into pages, so none is given. The content is 74 mm wide regardless. */
@page { size: 80mm auto; margin: 3mm; }
body { font-size: 11pt; line-height: 1.45; }
.sheet { width: 100%; max-width: 74mm; }
@media screen { body { padding: 3mm; } }
.community { font-size: 12pt; }
h1 { font-size: 16pt; margin-top: 1mm; }
h2 { font-size: 11.5pt; border-bottom: 1px dashed #000; }
.tracking { margin: 2.5mm 0; padding: 2mm; text-align: center; }
.tracking .label { font-size: 11pt; }
.tracking-number { font-size: 17pt; }
.tracking .hint { font-size: 10.5pt; }
.qr { width: 30mm; margin: 2mm auto 0; padding: 1.5mm; }
.lead { font-size: 11pt; margin: 0 0 2mm; }
.notice { font-size: 12pt; padding: 1.5mm 2mm; }
.fields .row { display: block; padding: 0.8mm 0; border-bottom: 1px dashed #000; }
.fields dt, .fields dd { display: inline; }
.fields dt::after { content: '：'; }
.fields .row.strong dd { font-size: 12pt; }
.fields .note { display: block; font-size: 11pt; }
.block { margin-top: 2.5mm; }
.docs-list { margin: 0; padding-left: 1.5em; }
.docs-list li { margin-bottom: 1.5mm; }
.doc-name { font-weight: bold; font-size: 11.5pt; }
.ratings { line-height: 1.8; }
.foot { margin-top: 3mm; padding-top: 1.5mm; font-size: 10.5pt; }
.foot .fi { display: block; }
.cut { margin-top: 3mm; text-align: center; font-size: 10.5pt; }
`;

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

/**
 * Renders one receipt as a complete HTML document string, ready to print. `qrSvg` is the QR
 * code of the tracking number as SVG, made by the caller's QR library from the tracking number
 * (path data, never markup from user input), so it is inserted as is.
 */
export function renderReceipt(kind: ReceiptKind, data: ReceiptData, layout: ReceiptLayout, qrSvg: string): string {
  const svg = qrSvg;
  const isA4 = layout === 'a4';
  const tracking =
    `<section class="tracking">\n<div class="tracking-text">` +
    `<div class="label">受理编号</div>` +
    `<div class="tracking-number">${escapeHtml(data.trackingNumber)}</div>` +
    `<div class="hint">到窗口出示本码或致电 ${escapeHtml(data.community.phone)} 查询办理进度</div></div>\n` +
    `<div class="qr" role="img" aria-label="受理编号二维码">${svg}</div>\n</section>`;
  const sign = isA4
    ? '<div class="sign"><span>居民签字：<span class="line"></span></span><span>经办人：<span class="line"></span></span>' +
      '<span class="seal">（盖章）</span></div>'
    : '';
  const foot =
    `<footer class="foot">\n` +
    `<p><span class="fi">服务电话：<span class="num">${escapeHtml(data.community.phone)}</span></span> ` +
    `<span class="fi">办公时间：${escapeHtml(data.community.hoursText)}</span></p>\n` +
    `<p>打印时间：${escapeHtml(formatReceiptDateTime(data.printedAt))}</p>\n` +
    `</footer>` +
    (isA4 ? '' : '\n<p class="cut">— 请妥善保管 —</p>');

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(kind)} ${escapeHtml(data.trackingNumber)}</title>
<style>${COMMON_CSS}${isA4 ? A4_CSS : THERMAL_CSS}</style>
</head>
<body class="layout-${isA4 ? 'a4' : 'thermal80'}">
<main class="sheet">
<header class="head">
<div class="community">${escapeHtml(data.community.name)}</div>
<h1>${escapeHtml(kind)}</h1>
</header>
${tracking}
${kindContent(kind, data, layout)}
${sign}
${foot}
</main>
</body>
</html>
`;
}
