/**
 * Finding a matter at the counter by what the clerk types: Chinese name or category, full
 * pinyin, initials, keywords (e.g. 'gljt' or 'gaoling' → 高龄津贴申请).
 */
import { pinyin } from 'pinyin-pro';
import type { MatterTypeDef } from './catalog';
import { normalizeQuery } from './pinyinKeys';

/** One lower-case haystack per matter; build once per catalog load. */
export function matterHaystack(m: Pick<MatterTypeDef, 'name' | 'category' | 'code' | 'keywords'>): string {
  const full = pinyin(m.name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  const initials = pinyin(m.name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  return [m.name, m.category, m.code, full, initials, ...(m.keywords ?? [])].map((s) => normalizeQuery(s)).join('|');
}

/** Matters whose haystack contains the query; matters whose name starts with it first. */
export function searchMatters<T extends Pick<MatterTypeDef, 'name' | 'category' | 'code' | 'keywords'>>(
  matters: readonly { matter: T; haystack: string }[],
  query: string,
  limit = 12,
): T[] {
  const q = normalizeQuery(query);
  if (!q) return matters.slice(0, limit).map((m) => m.matter);
  const hits = matters.filter((m) => m.haystack.includes(q));
  const starts = (m: { matter: T; haystack: string }) => (m.haystack.startsWith(q) ? 0 : 1);
  return [...hits]
    .sort((a, b) => starts(a) - starts(b))
    .slice(0, limit)
    .map((m) => m.matter);
}
