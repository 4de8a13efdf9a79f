/**
 * HTML building blocks of the printed documents. Every value is escaped here (`escapeHtml`):
 * callers pass raw text, never markup.
 */

import { A4_CSS, COMMON_CSS } from './styles';

/** A line to fill in by hand where the data has no value. */
export const BLANK = '<span class="blank" aria-label="待填写"></span>';

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

/** One labelled line. `half`: on A4 two consecutive half rows share a line (two columns). */
export type Row = { label: string; valueHtml: string; strong?: boolean; half?: boolean };

export function textOrBlank(value: string | undefined): string {
  return value !== undefined && value.trim() !== '' ? escapeHtml(value) : BLANK;
}

/**
 * A list of labelled lines. On A4, half rows are paired two to a line; a half row without a
 * partner spans the whole line. The 80 mm roll always has one row per line.
 */
export function rowsHtml(rows: readonly Row[]): string {
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

export function listHtml(items: readonly string[], emptyText: string): string {
  if (items.length === 0) return `<p class="empty">${escapeHtml(emptyText)}</p>`;
  return `<ol class="list">\n${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ol>`;
}

export function section(title: string, bodyHtml: string): string {
  return `<section class="block"><h2>${escapeHtml(title)}</h2>\n${bodyHtml}\n</section>`;
}

/** Who printed a page and when: every printed document carries it (a paper found lying about names its printer). */
export type Printed = { by: string; at: string };

/** '打印：王秀英 2026-11-24 09:30', escaped. */
export function printedHtml(p: Printed): string {
  return escapeHtml(`打印：${p.by} ${p.at}`);
}

/** A whole printable page: `<!doctype html>`, zh-CN, UTF-8, the title (escaped), the CSS and the body. */
export function documentHtml(title: string, css: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
${bodyHtml}
</body>
</html>
`;
}

/**
 * A whole A4 sheet of the desk's own forms (上报事项单, 交接班记录): the community above the heading,
 * then `bodyHtml`, then the footer lines (each a `<p>`), on the A4 layout with the common CSS.
 */
export function a4SheetHtml(
  o: { title: string; communityName: string; heading: string },
  bodyHtml: string,
  footerHtml: readonly string[],
): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(o.title)}</title>
<style>${COMMON_CSS}${A4_CSS}</style>
</head>
<body class="layout-a4">
<main class="sheet">
<header class="head">
<div class="community">${escapeHtml(o.communityName)}</div>
<h1>${escapeHtml(o.heading)}</h1>
</header>
${bodyHtml}
<footer class="foot">${footerHtml.map((f) => `<p>${f}</p>`).join('')}</footer>
</main>
</body>
</html>
`;
}
