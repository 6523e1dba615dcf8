import { describe, expect, it } from 'vitest';
import { nameTokens, queryTokens } from '../../../main/core/journal/citizens/name-tokens.ts';

describe('the tokens a name is found by', () => {
  it('ignores case, accents and apostrophes, and indexes a double surname by each part and both', () => {
    expect(nameTokens('Niccolò', "D'Angelo De Luca")).toEqual(['niccolo', 'angelo', 'de', 'luca', 'dangelodeluca']);
    expect(nameTokens('Anna Maria', 'Rossi')).toEqual(['anna', 'maria', 'annamaria', 'rossi']);
    expect(nameTokens(null, 'Verdi-Bianchi')).toEqual(['verdi', 'bianchi', 'verdibianchi']);
  });

  it('reads a search the same way, dropping one-letter words', () => {
    expect(queryTokens("  d'ANGELO  niccolo ")).toEqual(['angelo', 'niccolo']);
    expect(queryTokens('Rossi, Maria')).toEqual(['rossi', 'maria']);
    expect(queryTokens('a')).toEqual([]);
  });

  it('finds a written-together surname typed either way', () => {
    const stored = new Set(nameTokens('Mario', 'De Luca'));
    expect(queryTokens('deluca').every((token) => stored.has(token))).toBe(true);
    expect(queryTokens('De Luca').every((token) => stored.has(token))).toBe(true);
  });
});
