/**
 * Finding a matter at the counter by what the clerk types: Chinese name or category, full
 * pinyin, initials, keywords and their pinyin (e.g. 'gljt' or 'gaoling' → 高龄津贴申请,
 * 'dibao' → 最低生活保障申请受理, 'yb' → the 医保 matters).
 */
import { pinyin } from 'pinyin-pro';
import type { MatterTypeDef } from './catalog';
import { normalizeQuery } from './searchQuery';

/** Full pinyin and initials of a text ('低保' → 'dibao', 'db'). */
function pinyinForms(text: string): string[] {
  const full = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  return [full, initials];
}

/**
 * One lower-case haystack per matter; build once per catalog load. Keywords carry the everyday
 * words (低保, 医保, 社保卡) and are searchable by their pinyin too ('dibao', 'yb').
 */
export function matterHaystack(m: Pick<MatterTypeDef, 'name' | 'category' | 'code' | 'keywords'>): string {
  const keywords = m.keywords ?? [];
  return [m.name, m.category, m.code, ...pinyinForms(m.name), ...keywords, ...keywords.flatMap(pinyinForms)]
    .map((s) => normalizeQuery(s))
    .join('|');
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

/** How many of a resident's recent matters are offered first at the counter. */
export const RECENT_MATTERS = 3;

/**
 * The codes of the matters a resident had most recently (newest first, each once, at most
 * `limit`), from their cases: what a returning resident most likely comes for again.
 */
export function recentMatterCodes(
  cases: readonly { matterCode: string; acceptedDay: string; createdAt: number }[],
  limit = RECENT_MATTERS,
): string[] {
  const newest = [...cases].sort((a, b) => b.acceptedDay.localeCompare(a.acceptedDay) || b.createdAt - a.createdAt);
  return [...new Set(newest.map((c) => c.matterCode))].slice(0, limit);
}

/** The list with the entries whose code is in `recent` moved to the front, in `recent`'s order. */
export function withRecentFirst<T extends { matter: { code: string } }>(
  list: readonly T[],
  recent: readonly string[],
): T[] {
  const rank = (t: T) => {
    const i = recent.indexOf(t.matter.code);
    return i < 0 ? recent.length : i;
  };
  return [...list].sort((a, b) => rank(a) - rank(b));
}
