/**
 * Five years of 错时服务 补充登记 lines (issue 26 item 4): now and then a staff member adds a line
 * for work no record shows — an evening call or meeting on a working day (after closing), a
 * morning on a rest day — each with its `offHours.line` audit row (day and time only, as the app
 * writes it). Its own random stream and ids; texts from a fixed list (no personal data). The
 * check (`offHoursLineProblems`) puts every line through the app's rule, unchanged.
 */
import { DEFAULT_OPENING_HOURS } from '@shared/domain/community';
import { checkOffHoursLine } from '@shared/domain/offHours';
import type { AuditEntry, OffHoursLine } from '@shared/domain/records';
import { addDays } from '@shared/domain/localDate';
import type { WorkingCalendar } from '@shared/domain/workingCalendar';
import { instantOn } from './lifecycle';
import { chance, int, pick, type Rand } from './random';

const TEXTS = [
  '晚间接听居民来电，解答养老认证问题',
  '参加小区业委会晚间协调会',
  '周末上门协助办理社保卡挂失',
  '晚间配合街道开展安全巡查',
  '休息日到社区接待紧急来访',
  '晚间电话回访重点服务对象家属',
];

/** Lines a calendar day over the desk at full size (about two a week). */
const LINES_PER_DAY = 0.3;

export type OffHoursContext = {
  rand: Rand;
  newId: () => string;
  calendar: WorkingCalendar;
  staffIds: readonly string[];
  firstDay: string;
  today: string;
  scale: number;
  desk: number;
};

const span = (startMin: number, minutes: number) => {
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { start: hhmm(startMin), end: hhmm(startMin + minutes) };
};

export function generateOffHoursLines(c: OffHoursContext): { lines: OffHoursLine[]; audit: AuditEntry[] } {
  const lines: OffHoursLine[] = [];
  const audit: AuditEntry[] = [];
  const p = Math.min(1, LINES_PER_DAY * c.scale);
  for (let day = c.firstDay; day < c.today; day = addDays(day, 1)) {
    if (!chance(c.rand, p)) continue;
    // A working day: the evening (19:00–20:30 start); a rest day: the morning (09:00–10:30 start).
    const working = c.calendar.isWorkingDay(day);
    const { start, end } = span((working ? 19 * 60 : 9 * 60) + 30 * int(c.rand, 0, 3), 30 * int(c.rand, 2, 5));
    const staffId = pick(c.rand, c.staffIds);
    const at = instantOn(day, working ? 14 * 60 : 4 * 60); // written that night (22:00) or at 12:00
    const line: OffHoursLine = {
      id: c.newId(),
      staffId,
      day,
      start,
      end,
      content: pick(c.rand, TEXTS),
      at,
      desk: c.desk,
    };
    lines.push(line);
    audit.push({
      at,
      staffId,
      action: 'offHours.line',
      entity: 'offHours',
      entityId: line.id,
      detail: `${day} ${start}–${end}`,
    });
  }
  return { lines, audit };
}

/** Every line as the app's rule keeps it (unchanged by the check, outside standard hours), by staff of the desk. */
export function offHoursLineProblems(
  lines: readonly OffHoursLine[],
  calendar: WorkingCalendar,
  staffIds: ReadonlySet<string>,
  today: string,
): string[] {
  const problems: string[] = [];
  for (const l of lines) {
    const checked = checkOffHoursLine(l, { today, calendar, hours: DEFAULT_OPENING_HOURS });
    if (!checked.ok) problems.push(`offHours line ${l.id}: refused by the app's rule (${checked.field})`);
    else if (
      JSON.stringify(checked.line) !== JSON.stringify({ day: l.day, start: l.start, end: l.end, content: l.content })
    )
      problems.push(`offHours line ${l.id}: not as the app keeps it`);
    if (!staffIds.has(l.staffId)) problems.push(`offHours line ${l.id}: by unknown staff`);
  }
  return problems;
}
