import { FACILITA_MAX_TEXT } from './codes.ts';

/** What Facilita does to every field before any rule: every `"` removed, then trimmed. */
export const cleanField = (text: string | undefined): string => (text ?? '').replaceAll('"', '').trim();

/** SE7 and ES4 as Facilita stores them: cleaned, then cut at 600 characters (characters, not bytes). */
export const cutText = (text: string | undefined): string => {
  const cleaned = cleanField(text);
  // No more UTF-16 units than the limit, so no more characters: nothing to cut (most texts).
  return cleaned.length <= FACILITA_MAX_TEXT ? cleaned : [...cleaned].slice(0, FACILITA_MAX_TEXT).join('');
};
