import { describe, expect, it } from 'vitest';
import { JOURNAL_ERROR_REASONS } from '../../../shared/domain/journal/options.ts';
import { CitizenInput } from '../../../shared/domain/journal/citizens.ts';
import { OperatorInput, SiteFields } from '../../../shared/domain/journal/operators.ts';
import { SessionInput as SessionData } from '../../../shared/domain/journal/sessions.ts';
import { WorkshopInput } from '../../../shared/domain/journal/workshops.ts';
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

/**
 * Every field a person fills in on the journal's forms has a sentence saying what to do ("Scriva il
 * cognome"), used whenever no rule-specific message fits: a schema library's default never shows.
 */
describe('journal field hints', () => {
  const formFields = new Set<string>([
    ...Object.keys(CitizenInput.shape),
    ...Object.keys(SiteFields.shape),
    ...Object.keys(OperatorInput.shape),
    ...Object.keys(SessionData.shape),
    ...Object.keys(WorkshopInput.shape),
  ]);
  // Not typed by a person: ids, versions, flags the app sets, the questionnaire's own form.
  const NOT_TYPED = new Set([
    'draftId',
    'attemptId',
    'confirmDuplicate',
    'startedAt',
    'guideRunIds',
    'quick',
    'experience',
    'followUp',
    'allowMinors', // a checkbox: never wrong
  ]);
  for (const language of ['it', 'en'] as const) {
    it(`has a hint for every form field (${language})`, () => {
      const hints = resources[language].journal.fieldHints as Record<string, string>;
      const missing = [...formFields].filter((field) => !NOT_TYPED.has(field) && !hints[field]);
      expect(missing).toEqual([]);
    });
  }
});
