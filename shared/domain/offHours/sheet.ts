/** The 错时服务 table as rows with Chinese headers: the screen's columns, the xlsx and the 周报 share them. */
import { daysInMonth } from '../localDate';
import { OFF_HOURS_PART_LABELS } from './standardHours';
import type { OffHoursRow } from './monthTable';

export const OFF_HOURS_COLUMNS = [
  { title: '姓名', width: 12 },
  { title: '值班天数', width: 10 },
  { title: '走访天数', width: 10 },
  { title: '错时服务次数', width: 14 },
  { title: '其中补充登记', width: 14 },
  { title: '错时服务明细', width: 60 },
] as const;

/** One occasion as shown: 'MM-DD 晚间'. */
export const occasionText = (o: OffHoursRow['detail'][number]): string =>
  `${o.day.slice(5)} ${OFF_HOURS_PART_LABELS[o.part]}`;

export function offHoursSheetRows(rows: readonly OffHoursRow[]): (string | number)[][] {
  return rows.map((r) => [
    r.name,
    r.dutyDays,
    r.visitDays,
    r.occasions,
    r.lineOnly,
    r.detail.map(occasionText).join('；'),
  ]);
}

/** 'YYYY-MM' → its first and last day. */
export function monthSpan(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = daysInMonth(y, m);
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** 'YYYY-MM' moved by n months. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
