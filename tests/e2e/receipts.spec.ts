/**
 * Receipt templates in a real browser: the documents render Chinese, fit the paper width
 * (A4 and the 80 mm roll) without horizontal overflow, show the QR code and a prominent
 * tracking number, and print to PDF. Screenshots for review go to
 * test-results/screenshots/, PDFs to test-results/receipts/. The app is not needed: each
 * document is loaded into a blank page with `setContent`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { receiptFileName } from '../../shared/receipts/format';
import { receiptDocument as renderReceipt } from '../../renderer/src/components/receiptDocument';
import type { ReceiptData, ReceiptKind, ReceiptLayout } from '../../shared/receipts/types';

const SCREENSHOT_DIR = 'test-results/screenshots';
const PDF_DIR = 'test-results/receipts';
/** CSS px per mm (96 dpi). */
const PX_PER_MM = 96 / 25.4;
const PX_PER_PT = 96 / 72;

const RAW_ID = '430104195203151234';
const RAW_PHONE = '13812345678';

const DATA: ReceiptData = {
  community: {
    name: '岳麓区桃花岭社区公共服务中心',
    phone: '0731-88886666',
    hoursText: '工作日 08:00–18:00；周末 09:00–12:00',
  },
  trackingNumber: 'THL-20260930-0001',
  matterName: '城乡居民基本养老保险参保登记及个人缴费档次变更（含跨统筹区转移接续申请受理）',
  mode: '承诺件',
  resident: { name: '欧阳桂兰', idNumber: RAW_ID, phone: RAW_PHONE },
  agent: { name: '欧阳建国', relation: '儿子', phone: '13987654321' },
  acceptedAt: '2026-09-30 09:15',
  staffName: '刘晓燕',
  documentsReceived: ['居民身份证复印件（正反面）', '户口簿首页及本人页复印件'],
  documentsMissing: [
    {
      name: '本人社会保障卡或银行卡（存折）复印件',
      form: '复印件',
      count: 1,
      source: '本人开户银行网点或社保卡服务网点',
    },
    {
      name: '城乡居民基本养老保险参保登记表',
      form: '原件，需本人签字并按手印',
      count: 2,
      source: '社区服务中心窗口领取，或由网格员上门送达',
    },
    { name: '近期一寸免冠彩色照片', form: '白底照片', count: 2, source: '照相馆' },
  ],
  deadline: '2026-10-14',
  deadlineUncertain: true,
  result: '已完成参保登记，自 2026 年 10 月起按月缴费；缴费档次为每年 500 元。',
  refusalReason: '居住证明已由公安机关出具，社区不再开具此类证明（减证便民）。',
  redirectTo: '请携带居民身份证到辖区派出所户籍窗口（桃花岭路 18 号）办理，电话 0731-88881110。',
  printedAt: '2026-09-30 09:20',
  printedBy: '刘晓燕',
};

type Case = { name: string; kind: ReceiptKind; layout: ReceiptLayout; file: string; trackingMinPt: number };

const CASES: readonly Case[] = [
  { name: 'A4 受理回执', kind: '受理回执', layout: 'a4', file: 'receipt-a4', trackingMinPt: 20 },
  { name: '80 mm 受理回执', kind: '受理回执', layout: 'thermal80', file: 'receipt-80mm', trackingMinPt: 16 },
  { name: 'A4 一次性告知单', kind: '一次性告知单', layout: 'a4', file: 'notice-a4', trackingMinPt: 20 },
  { name: '80 mm 一次性告知单', kind: '一次性告知单', layout: 'thermal80', file: 'notice-80mm', trackingMinPt: 16 },
  { name: 'A4 办结回执', kind: '办结回执', layout: 'a4', file: 'done-a4', trackingMinPt: 20 },
  {
    name: '80 mm 不予受理告知书',
    kind: '不予受理告知书',
    layout: 'thermal80',
    file: 'refusal-80mm',
    trackingMinPt: 16,
  },
];

function viewportFor(layout: ReceiptLayout): { width: number; height: number } {
  return layout === 'a4' ? { width: 794, height: 1123 } : { width: 302, height: 800 };
}

async function load(page: Page, html: string, layout: ReceiptLayout): Promise<void> {
  await page.setViewportSize(viewportFor(layout));
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

/** Elements whose right edge sticks out of the page (for a readable failure message). */
async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > limit + 0.5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 30)}`);
  });
}

test.describe('receipt templates in Chromium', () => {
  for (const c of CASES) {
    test(`${c.name}: fits the paper, QR visible, tracking number prominent, prints to PDF`, async ({ page }) => {
      const html = await renderReceipt(c.kind, DATA, c.layout);
      expect(html).not.toContain(RAW_ID);
      expect(html).not.toContain(RAW_PHONE);
      await load(page, html, c.layout);

      // Chinese renders with a CJK font (not tofu): the title glyphs have real width.
      const title = page.getByRole('heading', { level: 1, name: c.kind });
      await expect(title).toBeVisible();
      const titleBox = await title.boundingBox();
      expect(titleBox?.width ?? 0).toBeGreaterThan(40);

      // Nothing overflows horizontally, on screen and in print media.
      for (const media of ['screen', 'print'] as const) {
        await page.emulateMedia({ media });
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        expect(await overflowingElements(page), `${media}: elements past the right edge`).toEqual([]);
        expect(scrollWidth, `${media}: horizontal overflow`).toBeLessThanOrEqual(clientWidth);
      }
      await page.emulateMedia({ media: 'screen' });

      // Tracking number: visible, large, on one line.
      const tracking = page.locator('.tracking-number');
      await expect(tracking).toHaveText(DATA.trackingNumber);
      await expect(tracking).toBeVisible();
      const trackingStyle = await tracking.evaluate((el) => {
        const s = getComputedStyle(el);
        return {
          size: parseFloat(s.fontSize),
          weight: Number(s.fontWeight),
          height: el.getBoundingClientRect().height,
        };
      });
      expect(trackingStyle.size).toBeGreaterThanOrEqual(c.trackingMinPt * PX_PER_PT - 0.01);
      expect(trackingStyle.weight).toBeGreaterThanOrEqual(700);
      expect(trackingStyle.height).toBeLessThan(trackingStyle.size * 1.6); // one line

      // QR code: visible and big enough to scan (≥ 25 mm).
      const qr = page.locator('.qr svg');
      await expect(qr).toBeVisible();
      const qrBox = await qr.boundingBox();
      expect(qrBox?.width ?? 0).toBeGreaterThanOrEqual(25 * PX_PER_MM);
      expect(Math.abs((qrBox?.width ?? 0) - (qrBox?.height ?? 0))).toBeLessThan(1);

      // Masked numbers are what is shown.
      await expect(page.getByText('4301**********1234')).toBeVisible();
      await expect(page.getByText('138****5678')).toBeVisible();

      if (c.kind === '一次性告知单') {
        for (const d of DATA.documentsMissing) await expect(page.getByText(d.name, { exact: true })).toBeVisible();
        await expect(page.getByText('我们一次性告知全部所需材料')).toBeVisible();
      } else if (c.kind === '受理回执') {
        await expect(page.getByText('（节假日安排未录入，日期可能调整）')).toBeVisible();
      } else if (c.kind === '办结回执') {
        await expect(page.getByText(DATA.result ?? '')).toBeVisible();
        await expect(page.getByText('非常不满意')).toBeVisible();
      } else {
        await expect(page.getByText(DATA.refusalReason ?? '')).toBeVisible();
        await expect(page.getByText(DATA.redirectTo ?? '')).toBeVisible();
      }

      await page.screenshot({ path: `${SCREENSHOT_DIR}/${c.file}.png`, fullPage: true });

      // PDF: A4, or an 80 mm strip as long as the receipt (a roll has no page breaks).
      await page.emulateMedia({ media: 'print' });
      let pdf: Buffer;
      if (c.layout === 'a4') {
        pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      } else {
        const contentHeightPx = await page.evaluate(() => document.documentElement.scrollHeight);
        const heightMm = Math.ceil(contentHeightPx / PX_PER_MM) + 6 + 4; // @page margins + slack
        pdf = await page.pdf({ width: '80mm', height: `${heightMm}mm`, printBackground: true });
      }
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages, 'page count').toBeGreaterThanOrEqual(1);
      // A realistic receipt fits one A4 sheet; the roll is one strip.
      expect(pages, 'page count').toBe(1);
      mkdirSync(PDF_DIR, { recursive: true }); // test-results/ may have been cleaned by another run
      writeFileSync(
        `${PDF_DIR}/${receiptFileName(c.kind, DATA.trackingNumber).replace('.pdf', '')}-${c.layout}.pdf`,
        pdf,
      );
    });
  }
});
