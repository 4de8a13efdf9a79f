import type { Page } from '@playwright/test';

type Printed = { printed: string[] };

/**
 * The browser build prints from a hidden frame (platform/browser.ts): keep every document it is
 * given, so a test can read what went to paper. Call before the first navigation.
 */
export async function capturePrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as Printed).printed = [];
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n instanceof HTMLIFrameElement && n.srcdoc) (window as unknown as Printed).printed.push(n.srcdoc);
    }).observe(document, { childList: true, subtree: true });
  });
}

/** The HTML documents printed so far, oldest first. */
export function printedDocuments(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as Printed).printed);
}

/** A printed document opened in a page of its own at 1366×768 and photographed (full page) to `path`. */
export async function screenshotSheet(page: Page, html: string, path: string): Promise<void> {
  const sheet = await page.context().newPage();
  await sheet.setViewportSize({ width: 1366, height: 768 });
  await sheet.setContent(html);
  await sheet.screenshot({ path, fullPage: true });
  await sheet.close();
}
