/**
 * 回执打印模板：受理回执、办结回执、一次性告知单、不予受理告知书（A4 与 80 mm 热敏纸）。
 *
 * Pure functions that return one complete, self-contained HTML document (inline <style>
 * only, no scripts, no external resources), which the app prints through its bridge:
 * Electron loads it in a hidden window and prints / printToPDF; the browser build prints it
 * in an iframe. No I/O and no clock: every date comes in through `ReceiptData`.
 *
 * The parts: html.ts (escaping, rows, lists), format.ts (dates, file names), parts.ts (rows
 * every kind prints), styles.ts, texts.ts, and one module per kind under kinds/.
 *
 * Rules kept here so no caller can get them wrong:
 * - every interpolated value is HTML-escaped (`escapeHtml`);
 * - ID and phone numbers of the resident and of the agent are ALWAYS masked;
 * - the tracking number is large and bold next to its QR code (SVG, sharp on thermal heads);
 * - large type for elderly readers: body 14pt on A4, 11pt on the 80 mm roll, black on white.
 */
import { formatReceiptDateTime } from './format';
import { escapeHtml, printedHtml } from './html';
import { KIND_CONTENT } from './kinds';
import { A4_CSS, COMMON_CSS, THERMAL_CSS } from './styles';
import type { ReceiptData, ReceiptKind, ReceiptLayout } from './types';

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
    `<p>${printedHtml({ by: data.printedBy, at: formatReceiptDateTime(data.printedAt) })}</p>\n` +
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
${KIND_CONTENT[kind](data, layout)}
${sign}
${foot}
</main>
</body>
</html>
`;
}
