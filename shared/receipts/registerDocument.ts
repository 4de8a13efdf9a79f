/**
 * The day's register printed: A4 landscape, a title with the community and the day, one table
 * row per line (shared/domain/registerLines: personal numbers already masked), every value
 * escaped, black on white.
 */
import { REGISTER_COLUMNS, type RegisterLine } from '../domain/registerLines';
import { documentHtml, escapeHtml, printedHtml } from './html';
import { RECEIPT_FONT_STACK } from './styles';

export function renderRegister(
  communityName: string,
  day: string,
  lines: readonly RegisterLine[],
  printedAt: string,
  /** The signed-in staff member who prints. */
  printedBy: string,
): string {
  const head = REGISTER_COLUMNS.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('');
  const body = lines
    .map((l) => `<tr>${REGISTER_COLUMNS.map((c) => `<td>${escapeHtml(l[c.key])}</td>`).join('')}</tr>`)
    .join('\n');
  return documentHtml(
    `来访台账 ${day}`,
    `
@page { size: A4 landscape; margin: 12mm; }
body { margin: 0; color: #000; background: #fff; font-family: ${RECEIPT_FONT_STACK}; font-size: 11pt; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 2mm; }
.meta { display: flex; justify-content: space-between; margin-bottom: 2mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
th { font-weight: bold; }
tr { break-inside: avoid; }
`,
    `<h1>${escapeHtml(communityName)} 来访台账</h1>
<div class="meta"><span>日期：${escapeHtml(day)}</span><span>共 ${lines.length} 行</span><span>${printedHtml({ by: printedBy, at: printedAt })}</span></div>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>`,
  );
}
