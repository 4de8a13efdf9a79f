/**
 * The writer's part of a hand-over note, checked field by field with Chinese messages; numbers
 * that look like an ID or a phone are masked before the note is kept (it travels to every desk
 * and is printed).
 */
import { maskNumbersInText } from '../masking';
import { charCount } from '../textLength';

export const MAX_NOTE_CHARS = 1000;
export const MAX_WATCH_ITEMS = 10;
export const MAX_WATCH_CHARS = 100;

export type HandoverInput = { text: string; watch: readonly string[] };
export type HandoverField = 'text' | 'watch';

export type HandoverCheck =
  | { ok: true; value: { text: string; watch: string[] } }
  | { ok: false; errors: Partial<Record<HandoverField, string>> };

/** The note as kept (trimmed, blank watch lines dropped, numbers masked), or each field's message. */
export function checkHandoverInput(input: HandoverInput): HandoverCheck {
  const text = input.text.trim();
  const watch = input.watch.map((w) => w.trim()).filter((w) => w !== '');
  const errors: Partial<Record<HandoverField, string>> = {};
  if (charCount(text) > MAX_NOTE_CHARS) errors.text = `交接内容最多 ${MAX_NOTE_CHARS} 字`;
  if (watch.length > MAX_WATCH_ITEMS) errors.watch = `需关注事项最多 ${MAX_WATCH_ITEMS} 条`;
  else if (watch.some((w) => charCount(w) > MAX_WATCH_CHARS)) errors.watch = `每条需关注事项最多 ${MAX_WATCH_CHARS} 字`;
  if (errors.text || errors.watch) return { ok: false, errors };
  return { ok: true, value: { text: maskNumbersInText(text), watch: watch.map((w) => maskNumbersInText(w)) } };
}

/** The watch list as typed in one box: one item a line. */
export const watchLines = (typed: string): string[] => typed.split(/\r?\n/);
