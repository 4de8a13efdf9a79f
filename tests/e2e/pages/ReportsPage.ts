import { expect, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * 统计报表: the period, the figures, the charts, the notes and the exports. `seedGeneratedDesk`
 * loads the benchmark generator's desk into this origin's IndexedDB through the bench bundle
 * (dist/bench, built by `vite build --config bench/chromium/vite.config.ts`), served under
 * /bench/ on the app's own origin.
 */
export class ReportsPage {
  constructor(private readonly page: Page) {}

  /** Loads the desk; returns its raw generated records (for counting what the screen should show). */
  static async seedGeneratedDesk(page: Page, size: 'tiny' | 'thousand' | 'tenth') {
    await ReportsPage.openBenchPage(page);
    await page.evaluate((s) => window.bench.prepare(s, `e2e-${s}`), size);
    return page.evaluate((s) => window.bench.raw(s), size);
  }

  /** The bench bundle's page on the app's own origin (same IndexedDB), ready for `window.bench`. */
  static async openBenchPage(page: Page) {
    const root = join(process.cwd(), 'dist/bench');
    await page.route('**/bench/**', async (route) => {
      const rel = new URL(route.request().url()).pathname.replace(/^\/bench\//, '') || 'index.html';
      const type = rel.endsWith('.js') ? 'text/javascript' : rel.endsWith('.html') ? 'text/html' : undefined;
      await route.fulfill({ body: await readFile(join(root, rel)), contentType: type });
    });
    await page.goto('bench/index.html');
    await expect(page.locator('#status')).toHaveText('ready', { timeout: 30_000 });
  }

  get heading() {
    return this.page.getByRole('heading', { name: '统计报表', level: 1 });
  }

  figure(title: string) {
    return this.page.getByRole('figure', { name: title });
  }

  /** The numbers written on a chart's bars, in drawing order (a bar of 0 has no label). */
  async barValues(title: string): Promise<number[]> {
    const texts = await this.figure(title).locator('.MuiBarChart-label').allTextContents();
    return texts.map(Number);
  }

  /** The chart's figures as its table for screen readers gives them: first column → the rest. */
  async chartData(title: string): Promise<Record<string, number[]>> {
    const rows = this.figure(title)
      .getByRole('table', { name: `${title}数据` })
      .locator('tbody tr');
    const out: Record<string, number[]> = {};
    for (const r of await rows.all()) {
      const [head, ...cells] = await r.locator('th, td').allTextContents();
      out[head ?? ''] = cells.map(Number);
    }
    return out;
  }

  /** A row of a summary table: its figures this period and the one before. */
  async summaryRow(section: string, label: string): Promise<[string, string]> {
    const row = this.page
      .getByRole('table', { name: section, exact: true })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
    const [now = '', before = ''] = await row.getByRole('cell').allTextContents();
    return [now, before];
  }

  headline(label: string) {
    return this.page.getByRole('list', { name: '本期要点' }).getByRole('listitem').filter({ hasText: label });
  }

  async download(button: string, menuItem?: string): Promise<{ download: Download; bytes: Buffer }> {
    const waiting = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: button }).click();
    if (menuItem) await this.page.getByRole('menuitem', { name: menuItem }).click();
    const download = await waiting;
    return { download, bytes: await readFile((await download.path())!) };
  }
}
