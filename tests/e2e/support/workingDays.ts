import { readFileSync } from 'node:fs';

/**
 * An independent oracle for promised dates, read straight from chinese-days' data table (not
 * from our calendar module): the n-th working day after `start`.
 */
export function nthWorkingDayAfter(start: string, n: number): string {
  const data = JSON.parse(readFileSync('node_modules/chinese-days/dist/chinese-days.json', 'utf8')) as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const d = new Date(`${start}T12:00:00Z`);
  for (let left = n; left > 0;) {
    d.setUTCDate(d.getUTCDate() + 1);
    const key = d.toISOString().slice(0, 10);
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    if (key in data.workdays || (!weekend && !(key in data.holidays))) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}
