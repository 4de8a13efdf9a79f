/**
 * 走访记录's settings a 站长 sets (on the community): the unvisited days N and each 网格's
 * households. Apart from the rules so 设置's save (community.ts) loads only this.
 */
/** A 重点服务对象 not visited for more than this many days is listed (the 站长 may change it). */
export const DEFAULT_UNVISITED_DAYS = 30;
export const UNVISITED_DAYS_RANGE = { min: 1, max: 365 } as const;

/** The unvisited-days setting, checked (Chinese message at the field). */
export function unvisitedDaysRefusal(n: number): string | null {
  return Number.isInteger(n) && n >= UNVISITED_DAYS_RANGE.min && n <= UNVISITED_DAYS_RANGE.max
    ? null
    : `未走访提醒天数应为 ${UNVISITED_DAYS_RANGE.min}–${UNVISITED_DAYS_RANGE.max} 的整数`;
}

/** A zone's household count, checked. */
export function householdsRefusal(n: number): string | null {
  return Number.isInteger(n) && n >= 0 && n <= 100000 ? null : '网格户数应为 0–100000 的整数';
}
