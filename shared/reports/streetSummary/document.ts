/**
 * The printed 街道周报 (and its PDF): A4 landscape, black on white — the street's name and the
 * period, how many communities reported, the merged figures, the side-by-side table (outliers
 * marked by ▲ and named in words), the communities that did not report, the outliers, then the
 * lines to sign and who printed it when. Counts only: no resident is named. Every value is escaped.
 */
import { documentHtml, escapeHtml, printedHtml } from '../../receipts/html';
import { REPORT_NAMES } from '../reportData';
import { reportPaperCss } from '../summaryDocument';
import { anomalyRows } from './sheets';
import type { Cell, StreetSummaryView } from './view';

const CSS = `${reportPaperCss({ orientation: 'landscape', margin: '12mm 12mm 14mm', fontPt: 10 })}
th, td { vertical-align: top; }
td.n, th.n { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.merged { column-count: 3; column-gap: 5mm; }
.merged table { break-inside: avoid; margin-bottom: 2mm; }
.none { margin: 1mm 0; }
.sign { display: flex; justify-content: space-between; margin-top: 8mm; }
`;

const num = (c: Cell) => typeof c === 'number';
const td = (c: Cell) => `<td${num(c) ? ' class="n"' : ''}>${escapeHtml(c)}</td>`;

function mergedHtml(v: StreetSummaryView): string {
  const sections = [...new Set(v.merged.map((m) => m.section))];
  return `<div class="merged">${sections
    .map(
      (s) => `<table><thead><tr><th colspan="2">${escapeHtml(s)}</th></tr></thead><tbody>
${v.merged
  .filter((m) => m.section === s)
  .map((m) => `<tr><td>${escapeHtml(m.label)}</td><td class="n">${escapeHtml(m.value)}</td></tr>`)
  .join('\n')}
</tbody></table>`,
    )
    .join('\n')}</div>`;
}

function compareHtml(v: StreetSummaryView): string {
  const head = ['社区', '报送', ...v.columns.map((c) => c.title), '异常'];
  return `<table><thead><tr>${head.map((h, i) => `<th${i > 1 && i <= v.columns.length + 1 ? ' class="n"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>
${v.rows
  .map(
    (r) =>
      `<tr><td>${r.marks.length ? '▲ ' : ''}${escapeHtml(r.name)}</td><td>${escapeHtml(r.reported)}</td>${r.cells.map(td).join('')}<td>${escapeHtml(r.marks.join('；') || '—')}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
}

function anomaliesHtml(v: StreetSummaryView): string {
  const rows = anomalyRows(v);
  if (rows.length === 0) return '<p class="none">本期无异常，各社区均已报送。</p>';
  return `<table><thead><tr><th>社区</th><th>社区代码</th><th>类别</th><th>说明</th></tr></thead><tbody>
${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>`;
}

export function renderStreetSummaryDocument(v: StreetSummaryView, printedAt: string, printedBy: string): string {
  const heading = `${v.street}${REPORT_NAMES[v.kind]}`;
  const missing = v.missing.length
    ? `未报送：${v.missing.map((m) => (m.all ? m.name : `${m.name}（缺 ${m.weeks.length} 周）`)).join('、')}`
    : '各社区均已报送';
  return documentHtml(
    `${heading} ${v.label}`,
    CSS,
    `<h1>${escapeHtml(heading)}</h1>
<div class="meta">各社区汇总 · ${escapeHtml(v.label)}（${escapeHtml(v.period.from)} 至 ${escapeHtml(v.period.to)}）· 报送社区 ${v.reportedCommunities}/${v.expected} · ${escapeHtml(missing)}</div>
<section><h2>全街道合计</h2>
${mergedHtml(v)}
</section>
<section><h2>各社区对比</h2>
${compareHtml(v)}
</section>
<section><h2>异常与未报送</h2>
${anomaliesHtml(v)}
</section>
<div class="sign"><span>汇总人：__________</span><span>审核人：__________</span><span>${printedHtml({ by: printedBy, at: printedAt })}</span></div>`,
  );
}
