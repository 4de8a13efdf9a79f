/**
 * 值班表 on paper: the week's rota for the notice board (A4 landscape, black on white). One line
 * per person, one column per day with its kind (法定节假日, 调休上班, 闭站) and hours; a 值班岗 on
 * a holiday is marked 节假日值班, a swap 换班, leave with its type; a day below the minimum says
 * so under the table. Staff names only (no resident data). Every value escaped.
 */
import type { RotaEntry } from '../domain/records';
import { rotaCellId } from '../domain/records';
import { isHolidayDuty, weekdayName, type DayCheck, type DayOpening } from '../domain/rota';
import { documentHtml, escapeHtml, printedHtml, type Printed } from './html';
import { RECEIPT_FONT_STACK } from './styles';

export type RotaWeekDocument = {
  communityName: string;
  days: readonly DayOpening[];
  staff: readonly { id: string; name: string }[];
  cells: readonly RotaEntry[];
  checks: readonly DayCheck[];
  minOnDuty: number;
  printed: Printed;
};

/** A day's head: '11-28 周六' and what kind of day it is. */
export function dayHeadText(o: DayOpening): { date: string; note: string } {
  const date = `${o.day.slice(5)} ${weekdayName(o.day)}`;
  if (o.kind === 'holiday') return { date, note: o.name ? `${o.name} 放假` : '法定节假日' };
  const hours = o.hours ? `${o.hours.start}–${o.hours.end}` : '不开放';
  return { date, note: o.kind === 'makeupWorkday' ? `调休上班 ${hours}` : hours };
}

/** A cell's words: '值班岗', '请假（病假）', '值班岗 节假日值班', '走访岗 换班'. */
export function cellText(cell: RotaEntry | undefined, opening: DayOpening): string {
  if (!cell) return '未排';
  const parts: string[] = [cell.leaveType ? `${cell.post}（${cell.leaveType}）` : cell.post];
  if (isHolidayDuty(opening, cell.post)) parts.push('节假日值班');
  if (cell.swap?.state === 'done') parts.push('换班');
  if (cell.swap?.state === 'requested') parts.push('换班待批');
  // A refused swap leaves the cell as it was drawn up (the refusal is listed under 换班申请).
  return parts.join(' ');
}

const CSS = `
@page { size: A4 landscape; margin: 12mm; }
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; color: #000; background: #fff; font-family: ${RECEIPT_FONT_STACK}; font-size: 12pt; line-height: 1.4; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 3mm; }
.meta { display: flex; justify-content: space-between; margin-bottom: 2mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 1.5mm; text-align: center; vertical-align: middle; overflow-wrap: anywhere; }
th small { display: block; font-weight: normal; font-size: 10pt; }
td.duty { font-weight: bold; }
tfoot td { font-weight: bold; }
.warn { margin: 3mm 0 0; font-weight: bold; }
`;

export function renderRotaWeek(d: RotaWeekDocument): string {
  const first = d.days[0]!.day;
  const last = d.days.at(-1)!.day;
  const head = d.days
    .map((o) => {
      const h = dayHeadText(o);
      return `<th>${escapeHtml(h.date)}<small>${escapeHtml(h.note)}</small></th>`;
    })
    .join('');
  const byId = new Map(d.cells.map((c) => [c.id, c]));
  const rows = d.staff
    .map((p) => {
      const tds = d.days
        .map((o) => {
          const cell = byId.get(rotaCellId(o.day, p.id));
          return `<td${cell?.post === '值班岗' ? ' class="duty"' : ''}>${escapeHtml(cellText(cell, o))}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${escapeHtml(p.name)}</th>${tds}</tr>`;
    })
    .join('\n');
  const counts = d.checks.map((c) => `<td>${c.open ? `${c.onDuty} 人` : '闭站'}</td>`).join('');
  const short = d.checks.filter((c) => c.belowMinimum).map((c) => `${c.day.slice(5)} ${weekdayName(c.day)}`);
  const warn = short.length ? `<p class="warn">值班岗不足 ${d.minOnDuty} 人：${escapeHtml(short.join('、'))}</p>` : '';
  return documentHtml(
    `值班表 ${first} 至 ${last}`,
    CSS,
    `<h1>${escapeHtml(d.communityName)} 值班表</h1>
<div class="meta"><span>${escapeHtml(`${first} 至 ${last}`)}</span><span>${printedHtml(d.printed)}</span></div>
<table>
<thead><tr><th>姓名</th>${head}</tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><td>值班岗</td>${counts}</tr></tfoot>
</table>
${warn}`,
  );
}
