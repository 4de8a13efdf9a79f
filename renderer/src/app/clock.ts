/**
 * The renderer's clock and date formatting. The desk context (app/desk.tsx) carries
 * `systemClock`; features ask `useDesk().clock` for now/today, so tests fix the clock in one
 * place (Playwright's clock; a fixed clock in data-layer tests).
 */
import type { Clock } from '../db/desk';

/** Local calendar date 'YYYY-MM-DD' (never toISOString: that is UTC and shifts early entries). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  today: (ms = Date.now()) => localDay(ms),
};

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD HH:mm' in local time. */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** '2026年11月24日 星期二' */
export function longChineseDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${WEEKDAYS[d.getDay()]}`;
}

export function randomId(): string {
  return crypto.randomUUID();
}
