import type { Page } from '@playwright/test';
import { printedDocuments } from './printCapture';

/**
 * Finds exact seeded values (full ID numbers, full mobiles) in text: every run of 11 or more
 * digits (and X) is cut into windows of each secret's length and looked up in a set, so a page
 * of any size is checked against thousands of values at once. Runs written with spaces or
 * dashes inside ("138 1234 5678") are checked joined up too.
 */
export function secretFinder(secrets: readonly string[]): (text: string) => string[] {
  const set = new Set(secrets.map((s) => s.toUpperCase()));
  const lengths = [...new Set([...set].map((s) => s.length))];
  return (text) => {
    const found = new Set<string>();
    const joined = text.replace(/(?<=\d)[ \-](?=\d)/g, '');
    for (const source of [text, joined])
      for (const m of source.matchAll(/[0-9Xx]{11,}/g)) {
        const run = m[0].toUpperCase();
        for (const len of lengths)
          for (let i = 0; i + len <= run.length; i++) {
            const w = run.slice(i, i + len);
            if (set.has(w)) found.add(w);
          }
      }
    return [...found];
  };
}

/**
 * Everything of the page that could carry personal data: the body's text and markup, every
 * field's value, the documents of every frame (the print view, previews), and every document
 * sent to print since the page loaded (capturePrints).
 */
export async function pageSurface(
  page: Page,
): Promise<Record<'text' | 'html' | 'values' | 'frames' | 'printed', string>> {
  const now = await page.evaluate(() => ({
    text: document.body.innerText,
    html: document.documentElement.outerHTML,
    values: [
      ...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
        'input, textarea, select',
      ),
    ]
      .map((e) => e.value)
      .join('\n'),
    frames: [...document.querySelectorAll('iframe')]
      .map((f) => f.srcdoc + (f.contentDocument?.documentElement.outerHTML ?? ''))
      .join('\n'),
  }));
  return { ...now, printed: (await printedDocuments(page)).join('\n') };
}
