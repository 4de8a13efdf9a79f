/** The rota's week: Monday to Sunday, as 'YYYY-MM-DD' days. */
import { addDays, dayOfWeek } from '../localDate';

/** The Monday of `day`'s week. */
export const weekStart = (day: string): string => addDays(day, -((dayOfWeek(day) + 6) % 7));

/** The seven days of the week starting on `monday`. */
export const weekDays = (monday: string): string[] => Array.from({ length: 7 }, (_, i) => addDays(monday, i));

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** 周一 … 周日. */
export const weekdayName = (day: string): string => WEEKDAY_NAMES[dayOfWeek(day)]!;
