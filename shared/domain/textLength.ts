/**
 * How the validators count a text's length ("不超过 N 个字"): in characters as Unicode counts
 * them (code points), so an emoji or a CJK extension character is one, not two UTF-16 units.
 * (A ZWJ sequence such as 👨‍👩‍👧‍👦 is several: the limit is on what is stored, not on graphemes.)
 */
export const charCount = (text: string): number => Array.from(text).length;
