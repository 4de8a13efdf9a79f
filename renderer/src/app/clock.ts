/**
 * The renderer's clock. Everything that needs "now" or "today" asks here (and passes the
 * value down to pure code), so tests can fix the clock in one place (Playwright's clock).
 */
export function now(): number {
  return Date.now();
}

/** Local calendar date 'YYYY-MM-DD' (never toISOString: that is UTC and shifts early entries). */
export function localDay(ms: number = now()): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD HH:mm' in local time. */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** '2026年11月24日 星期二' */
export function longChineseDate(ms: number = now()): string {
  const d = new Date(ms);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${WEEKDAYS[d.getDay()]}`;
}

export function newId(): string {
  return crypto.randomUUID();
}
