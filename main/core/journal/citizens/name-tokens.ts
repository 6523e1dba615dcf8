/**
 * The tokens a name is found by, the way people type names at a desk: case, accents and
 * apostrophes do not matter ("D'Angelo", "dangelo", "D Angelo"), and a double surname is found by
 * either part or both ("De Luca", "Luca", "DeLuca"). One-letter tokens are dropped: they tell
 * nothing and would match half the roster.
 */
const words = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);

/** What a stored name is indexed by: each word, and the whole field written together. */
export const nameTokens = (...fields: readonly (string | null | undefined)[]): string[] => {
  const tokens = new Set<string>();
  for (const field of fields) {
    const parts = words(field ?? '');
    for (const part of parts) if (part.length > 1) tokens.add(part);
    if (parts.length > 1) tokens.add(parts.join(''));
  }
  return [...tokens];
};

/** What a search is made of: every word typed must match one of the citizen's tokens. */
export const queryTokens = (text: string): string[] => [...new Set(words(text).filter((word) => word.length > 1))];
