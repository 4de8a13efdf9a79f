/**
 * The printed 错时服务 month table (issue 26 item 4): per person 值班天数, 走访天数, 错时服务次数
 * and the occasions, on A4 black on white through `a4SheetHtml` — the same columns and cells
 * as the screen and the xlsx (shared/domain/offHours/sheet.ts). Staff names only; escaped.
 */
import { OFF_HOURS_COLUMNS, offHoursSheetRows, offHoursTotals, type OffHoursRow } from '../domain/offHours';
import { a4SheetHtml, BLANK, escapeHtml, printedHtml, type Printed } from './html';

export type OffHoursMonthDocument = {
  communityName: string;
  month: string;
  rows: readonly OffHoursRow[];
  printed: Printed;
};

const COLS =
  '<colgroup><col style="width:22mm"><col style="width:17mm"><col style="width:17mm"><col style="width:20mm"><col style="width:20mm"><col></colgroup>';

export function renderOffHoursMonth(d: OffHoursMonthDocument): string {
  const rows = offHoursSheetRows(d.rows);
  const body = rows.length
    ? rows.map((r) => `<tr>${r.map((v) => `<td>${escapeHtml(v === '' ? '—' : v)}</td>`).join('')}</tr>`).join('\n')
    : `<tr><td colspan="${OFF_HOURS_COLUMNS.length}">本月没有记录</td></tr>`;
  const t = offHoursTotals(d.rows);
  return a4SheetHtml(
    { title: `错时服务记录 ${d.month}`, communityName: d.communityName, heading: `错时服务记录 ${d.month}` },
    `<table class="docs">${COLS}<thead><tr>${OFF_HOURS_COLUMNS.map((c) => `<th scope="col">${c.title}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody></table>`,
    [
      escapeHtml(
        `合计：错时服务 ${t.occasions} 次（其中休息日 ${t.restDayOccasions} 次），${t.people} 人；值班 ${t.dutyDays} 人天`,
      ),
      `审核人：${BLANK}`,
      printedHtml(d.printed),
    ],
  );
}
