import { describe, expect, it } from 'vitest';
import { JOURNAL_ERROR_REASONS } from '../../../shared/domain/journal/options.ts';
import { resources } from '../../../shared/i18n/resources.ts';

/** Every refusal the journal's core can give has a sentence a person can act on, in both languages. */
const FIELD_CODES = [
  'cf_length',
  'cf_characters',
  'cf_checksum',
  'cf_invalid',
  'cf_place',
  'birth_in_future',
  'under_14',
  'minor_not_allowed',
  'future_date',
  'too_old',
  'outside_project',
  'duration_invalid_format',
  'duration_custom',
  'details_too_big',
  'province_custom',
];

describe('journal messages', () => {
  for (const language of ['it', 'en'] as const) {
    const journal = resources[language].journal;
    it(`has a field message for every validation code (${language})`, () => {
      for (const code of FIELD_CODES)
        expect(journal.fieldErrors[code as keyof typeof journal.fieldErrors], code).toBeTruthy();
    });
    it(`has a sentence for every refusal reason (${language})`, () => {
      for (const reason of JOURNAL_ERROR_REASONS) expect(journal.reasons[reason], reason).toBeTruthy();
    });
  }
});
