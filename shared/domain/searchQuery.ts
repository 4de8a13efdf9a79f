/**
 * The key form of a typed search (居民检索): no pinyin needed, so the search itself does not
 * load the pinyin dictionary (pinyinKeys.ts builds the stored keys, only when residents are
 * written).
 */

/** Separators ignored in names and queries: whitespace, middle dots, hyphens, apostrophes, commas. */
const SEPARATORS = /[\s\u00B7\u2022\u2027\u30FB\u2010-\u2015\-_.'’,，、]+/gu;

/**
 * Normalises a search query to the key form: NFKC (full-width → half-width), lower-case,
 * separators and spaces removed, ü → v; a trailing x after digits becomes 'X' (ID numbers).
 */
export function normalizeQuery(q: string | null | undefined): string {
  let s = (q ?? '').normalize('NFKC').toLowerCase().replace(SEPARATORS, '').replace(/ü/g, 'v');
  if (/^\d+x$/.test(s)) s = `${s.slice(0, -1)}X`;
  return s;
}
