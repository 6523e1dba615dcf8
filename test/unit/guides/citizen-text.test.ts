import { describe, expect, it } from 'vitest';
import { MAX_CITIZEN_SENTENCE_WORDS } from '../../../shared/domain/guide.ts';
import { citizenTextProblem, sentencesOf } from '../../../main/core/guides/lint-sheet.ts';

describe('take-home sheet texts', () => {
  it('accepts a short plain sentence, with addresses and numbers inside it', () => {
    expect(citizenTextProblem('Paghi su posteid.poste.it, 6 euro l’anno.', 'it', true)).toBeUndefined();
    expect(sentencesOf('Apra il sito. Poi entri! Fatto?')).toEqual(['Apra il sito', 'Poi entri', 'Fatto']);
  });

  it('wants one sentence where the sheet prints one line per step', () => {
    expect(citizenTextProblem('Abbiamo aperto il sito. Poi siamo usciti.', 'it', true)).toMatch(/one sentence/);
    expect(citizenTextProblem('Abbiamo aperto il sito. Poi siamo usciti.', 'it', false)).toBeUndefined();
  });

  it('refuses a sentence longer than the limit', () => {
    const long = Array.from({ length: MAX_CITIZEN_SENTENCE_WORDS + 1 }, () => 'parola').join(' ');
    expect(citizenTextProblem(long, 'it', false)).toMatch(/words/);
    const justRight = Array.from({ length: MAX_CITIZEN_SENTENCE_WORDS }, () => 'word').join(' ');
    expect(citizenTextProblem(justRight, 'en', false)).toBeUndefined();
  });

  it('refuses the desk’s own words, whole words only, per language', () => {
    expect(citizenTextProblem("L'ha fatto l'operatore.", 'it', true)).toMatch(/operatore/);
    expect(citizenTextProblem('The operator did it.', 'en', true)).toMatch(/operator/);
    expect(citizenTextProblem('We cooperated on it.', 'en', true)).toBeUndefined();
  });

  it('refuses forms that assume the citizen’s gender', () => {
    expect(citizenTextProblem("L'ha fatto lei da solo.", 'it', true)).toMatch(/gender/);
    expect(citizenTextProblem('Ha fatto questo passo in autonomia a casa.', 'it', true)).toMatch(/autonomia/);
    expect(citizenTextProblem('Ha fatto questo passo a casa.', 'it', true)).toBeUndefined();
  });
});
