/**
 * Layout checks at the counter's screen size (1366 wide): nothing runs off to the right. Each
 * returns readable lines so a failure names the screen, the table and the column.
 */
import { expect, type Page } from '@playwright/test';

/**
 * Every visible table's cells end inside the window and inside the box that clips them (a
 * scrolling container hides a column just as well), no cell's text overflows it, and the page
 * itself does not scroll sideways.
 */
export async function clippedColumns(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth + 1) found.push(`page scrolls sideways: ${root.scrollWidth} px`);
    for (const table of document.querySelectorAll('table')) {
      if (table.getClientRects().length === 0) continue;
      let right = window.innerWidth;
      for (let el = table.parentElement; el; el = el.parentElement) {
        const s = getComputedStyle(el);
        if (s.overflowX !== 'visible') right = Math.min(right, el.getBoundingClientRect().right);
      }
      const name = table.getAttribute('aria-label') ?? '(表格)';
      const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
      for (const row of table.querySelectorAll('tr')) {
        [...row.children].forEach((cell, i) => {
          const r = cell.getBoundingClientRect();
          const what = `${name} · ${heads[i] ?? `列 ${i + 1}`}`;
          if (r.right > right + 1)
            found.push(`${what}: ends at ${Math.round(r.right)} px, shown to ${Math.round(right)}`);
          else if (cell.scrollWidth > cell.clientWidth + 1)
            found.push(`${what}: text ${cell.scrollWidth} px wide in ${cell.clientWidth}`);
        });
      }
    }
    return [...new Set(found)];
  });
}

export async function expectNothingClipped(page: Page, screen: string): Promise<void> {
  expect(await clippedColumns(page), `${screen}: clipped at ${page.viewportSize()?.width} px`).toEqual([]);
}
