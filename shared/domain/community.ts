/**
 * Community profile rules: class by resident population and staff quota (seed 000: 岳麓区员额
 * 管理), opening hours (错时工作制), and validation of the first-run setup.
 */
import type { CommunityClass, OpeningHours } from './records';

export type ClassInfo = { communityClass: CommunityClass; quota: string };

/**
 * Seed 000: under 6,000 residents → 三类 (7–9 staff); 6,000–11,000 → 二类 (9–11);
 * over 11,000 → 一类 (11–13). The seed's ranges touch at the borders; we read "6000以下" as
 * < 6,000 and "11 000以上" as > 11,000.
 */
export function classifyCommunity(population: number): ClassInfo {
  if (population < 6000) return { communityClass: '三类社区', quota: '7–9 人' };
  if (population <= 11000) return { communityClass: '二类社区', quota: '9–11 人' };
  return { communityClass: '一类社区', quota: '11–13 人' };
}

export const DEFAULT_OPENING_HOURS: OpeningHours = {
  weekday: { start: '08:00', end: '18:00' },
  weekend: { start: '09:00', end: '12:00' },
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Returns a Chinese message for the first problem, or null when the hours are usable. */
export function validateOpeningHours(h: OpeningHours): string | null {
  for (const [label, span] of [
    ['工作日', h.weekday],
    ['周末', h.weekend],
  ] as const) {
    if (!TIME.test(span.start) || !TIME.test(span.end)) return `${label}开放时间格式应为 时:分，如 08:00`;
    if (span.start >= span.end) return `${label}的结束时间应晚于开始时间`;
  }
  return null;
}

/** Today's hours for a local date string: weekday or weekend span. */
export function hoursForDay(day: string, h: OpeningHours): { label: string; start: string; end: string } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const dow = new Date(y, m - 1, d).getDay();
  const weekend = dow === 0 || dow === 6;
  const span = weekend ? h.weekend : h.weekday;
  return { label: weekend ? '周末' : '工作日', ...span };
}

/** Parses "one grid per line" input into unique, trimmed names. */
export function parseGridNames(text: string): string[] {
  const names = text
    .split(/[\n,，、;；]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return [...new Set(names)];
}

export function validateCommunityName(name: string): string | null {
  const n = name.trim();
  if (!n) return '请填写社区名称';
  if (n.length > 40) return '社区名称不超过 40 个字';
  return null;
}

export function validatePopulation(text: string): string | null {
  if (!text.trim()) return '请填写常住人口数';
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0 || n > 200000) return '常住人口应为 1 到 200000 之间的整数';
  return null;
}

export function validateGrids(names: string[]): string | null {
  if (names.length === 0) return '请至少填写一个网格';
  if (names.length > 60) return '网格不超过 60 个';
  const long = names.find((n) => n.length > 20);
  if (long) return `网格名称不超过 20 个字：${long.slice(0, 20)}…`;
  return null;
}

/**
 * A clock time as typed into a 24-hour field, made 'HH:mm': '8:00' → '08:00', '1830' → '18:30',
 * '１８：３０' → '18:30'. Anything that is not a time is returned trimmed, for the validator
 * to refuse with its message.
 */
export function normalizeClockTime(raw: string): string {
  const t = raw.normalize('NFKC').trim().replace('：', ':');
  const m = /^(\d{1,2}):?(\d{2})$/.exec(t);
  if (!m) return t;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? `${String(h).padStart(2, '0')}:${m[2]}` : t;
}

/** 所属街道: may be left empty at setup (the report export asks for it); at most 40 characters. */
export function validateStreet(street: string): string | null {
  return street.trim().length > 40 ? '所属街道不超过 40 个字' : null;
}
