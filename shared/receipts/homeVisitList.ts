/**
 * The printed 走访记录 list (issue 26 item 2): a month's current entries (corrections folded) on
 * A4, black on white, through `a4SheetHtml`. Personal data masked as on the screen: a resident's
 * name by maskName, an address with its room masked, digits in the free text masked; the staff
 * who visited by name. Every value escaped.
 */
import { maskAddress } from '../domain/homeVisits';
import { maskName, maskNumbersInText } from '../domain/masking';
import { a4SheetHtml, escapeHtml, printedHtml, type Printed } from './html';

export type HomeVisitListLine = {
  day: string;
  staffName: string;
  gridName: string;
  /** The resident's name (masked here) or, without one, the address typed (room masked here). */
  residentName?: string;
  address: string;
  purpose: string;
  found: string;
  followUp: string;
};

export type HomeVisitListDocument = {
  communityName: string;
  month: string;
  lines: readonly HomeVisitListLine[];
  printed: Printed;
};

/** The household as printed: the masked name with the masked address, or the masked address alone. */
export function householdText(l: Pick<HomeVisitListLine, 'residentName' | 'address'>): string {
  const address = maskAddress(l.address);
  return l.residentName ? [maskName(l.residentName), address].filter(Boolean).join(' ') : address;
}

const COLS =
  '<colgroup><col style="width:18mm"><col style="width:18mm"><col style="width:18mm"><col style="width:34mm"><col style="width:20mm"><col><col style="width:28mm"></colgroup>';

export function renderHomeVisitList(d: HomeVisitListDocument): string {
  const head = ['日期', '走访人', '网格', '走访对象', '目的', '走访情况', '后续跟进'];
  const body = d.lines.length
    ? d.lines
        .map((l) =>
          [
            l.day.slice(5),
            l.staffName,
            l.gridName,
            householdText(l),
            l.purpose,
            maskNumbersInText(l.found),
            maskNumbersInText(l.followUp),
          ]
            .map((v) => `<td>${escapeHtml(v)}</td>`)
            .join(''),
        )
        .map((tds) => `<tr>${tds}</tr>`)
        .join('\n')
    : `<tr><td colspan="${head.length}">本月没有走访记录</td></tr>`;
  return a4SheetHtml(
    { title: `走访记录 ${d.month}`, communityName: d.communityName, heading: `走访记录 ${d.month}` },
    `<table class="docs">${COLS}<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody></table>`,
    [`共 ${d.lines.length} 条（已按更正合并）`, printedHtml(d.printed)],
  );
}
