/**
 * The printed summary (周报 on paper, and the PDF made from it): A4 portrait, black on white, a
 * table per section with this period, the one before and the change, then the two written
 * sections and the lines to sign. Counts only: no resident is named. Every value is escaped.
 */
import { documentHtml, escapeHtml, printedHtml } from '../receipts/html';
import { RECEIPT_FONT_STACK } from '../receipts/styles';
import { REPORT_NAMES, namesOf, noteLabels, notesForExport, summariesOf, type ReportData } from './reportData';
import { change, summarySections } from './summaryRows';

/**
 * The paper every printed report shares (the community's 周报, the street's 街道周报): A4, black on
 * white, a centred heading and its line below, ruled section headings, full-width ruled tables.
 */
export function reportPaperCss(o: { orientation: 'portrait' | 'landscape'; margin: string; fontPt: number }): string {
  return `
@page { size: A4 ${o.orientation}; margin: ${o.margin}; }
body { margin: 0; color: #000; background: #fff; font-family: ${RECEIPT_FONT_STACK}; font-size: ${o.fontPt}pt; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 1mm; }
.meta { text-align: center; margin-bottom: 4mm; }
h2 { font-size: 12pt; margin: 4mm 0 1.5mm; border-bottom: 1px solid #000; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 0.8mm 1.5mm; text-align: left; }`;
}

const CSS = `${reportPaperCss({ orientation: 'portrait', margin: '14mm 14mm 16mm', fontPt: 10.5 })}
td.n, th.n { text-align: right; width: 18%; }
section { break-inside: avoid; }
.cols { column-count: 2; column-gap: 6mm; }
.cols h2 { margin-top: 0; padding-top: 3mm; }
.note { white-space: pre-wrap; border: 1px solid #000; padding: 2mm; min-height: 18mm; }
.sign { display: flex; justify-content: space-between; margin-top: 8mm; }
`;

export function renderSummaryDocument(data: ReportData, printedAt: string, printedBy: string): string {
  const { now, before } = summariesOf(data);
  const sections = summarySections(now, before, namesOf(data))
    .filter((s) => s.rows.length > 0)
    .map(
      (s) => `<section><h2>${escapeHtml(s.title)}</h2>
<table><thead><tr><th>项目</th><th class="n">本期</th><th class="n">上期</th><th class="n">增减</th></tr></thead>
<tbody>
${s.rows
  .map(
    (r) =>
      `<tr><td>${escapeHtml(r.label)}</td><td class="n">${escapeHtml(r.now)}</td><td class="n">${escapeHtml(r.before)}</td><td class="n">${escapeHtml(change(r))}</td></tr>`,
  )
  .join('\n')}
</tbody></table></section>`,
    )
    .join('\n');
  const labels = noteLabels(data.kind);
  const written = notesForExport(data.notes);
  const notes = (Object.keys(labels) as (keyof typeof labels)[])
    .map(
      (k) =>
        `<section><h2>${escapeHtml(labels[k])}</h2><div class="note">${escapeHtml(written[k] || '（无）')}</div></section>`,
    )
    .join('\n');
  const heading = `${data.community.name} 工作${REPORT_NAMES[data.kind]}`;
  const title = `${heading} ${data.label}`;
  return documentHtml(
    title,
    CSS,
    `<h1>${escapeHtml(heading)}</h1>
<div class="meta">${escapeHtml(data.community.street)} · ${escapeHtml(data.label)}（${escapeHtml(data.period.from)} 至 ${escapeHtml(data.period.to)}）· 上期 ${escapeHtml(data.previous.from)} 至 ${escapeHtml(data.previous.to)}</div>
<div class="cols">
${sections}
</div>
${notes}
<div class="sign"><span>填报人：__________</span><span>审核人：__________</span><span>${printedHtml({ by: printedBy, at: printedAt })}</span></div>`,
  );
}
