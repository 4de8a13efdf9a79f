/**
 * Accessibility checks of one screen as it is now: axe-core (injected from node_modules, the
 * engine alone) with no violation of impact serious or critical, and no visible text under
 * 14 px. Each returns a readable list so a failure names what and where.
 */
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The engine's source, evaluated in the page (the app's CSP rightly refuses injected script tags). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };

/** axe-core on the page; returns the serious and critical violations as lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<unknown> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(' | ')}`,
    );
}

/** Visible text under 14 px (body text is 16 px or more by the theme). */
export async function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (!text || !el) continue;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || rect.width === 0 || rect.height === 0) continue;
      if (el.closest('[aria-hidden="true"]')) continue;
      const px = parseFloat(style.fontSize);
      if (px < 14) found.push(`${px}px «${text.slice(0, 30)}» <${el.tagName.toLowerCase()} class="${el.className}">`);
    }
    return found;
  });
}

/** A page wider than the window (content cut off at the right at 1366 px). */
async function horizontalOverflow(page: Page): Promise<string[]> {
  const extra = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  return extra > 0 ? [`page is ${extra}px wider than the window`] : [];
}

/** Waits for finite animations (a dialog fading in) to end: half-faded text fails the contrast check. */
async function settled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
}

/** The checks, reported together under the screen's name. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await settled(page);
  const problems = [
    ...(await seriousViolations(page)),
    ...(await smallText(page)),
    ...(await horizontalOverflow(page)),
  ];
  expect(problems, screen).toEqual([]);
}
