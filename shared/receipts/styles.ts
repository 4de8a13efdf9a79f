/**
 * The receipts' print styles: black on white, large type for elderly readers (body 14pt on A4,
 * 11pt on the 80 mm roll), the tracking number large next to its QR code.
 */

export const RECEIPT_FONT_STACK = '"Noto Sans CJK SC", "Microsoft YaHei", "SimSun", sans-serif';

export const COMMON_CSS = `
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

export const A4_CSS = `
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

export const THERMAL_CSS = `
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
