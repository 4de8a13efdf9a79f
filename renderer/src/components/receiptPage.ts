/**
 * The paper size to print a receipt on. A4 is fixed; an 80 mm roll has no page length, so the
 * page is made as long as the rendered receipt (measured in an off-screen frame at 80 mm
 * width) — a fixed length would either cut the receipt in two or feed metres of blank paper.
 */
import type { PrintHtmlRequest } from '@shared/ipc/contract';
import type { ReceiptLayout } from '@shared/receipts/types';

const PX_PER_MM = 96 / 25.4;
const ROLL_WIDTH_MM = 80;

function measureHeightMm(html: string, widthMm: number): Promise<number> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = `position:fixed;left:-10000px;top:0;width:${Math.round(widthMm * PX_PER_MM)}px;height:100px;border:0`;
    frame.srcdoc = html;
    frame.addEventListener('load', () => {
      const doc = frame.contentDocument;
      const px = doc ? Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0) : 0;
      frame.remove();
      resolve(px / PX_PER_MM);
    });
    document.body.appendChild(frame);
  });
}

export async function pageSizeFor(layout: ReceiptLayout, html: string): Promise<PrintHtmlRequest['pageSize']> {
  if (layout === 'a4') return 'A4';
  const contentMm = await measureHeightMm(html, ROLL_WIDTH_MM);
  // Room for the printer's margins and the tear-off; within the bridge's accepted range.
  const heightMm = Math.min(3000, Math.max(100, Math.ceil(contentMm + 12)));
  return { widthMm: ROLL_WIDTH_MM, heightMm };
}
