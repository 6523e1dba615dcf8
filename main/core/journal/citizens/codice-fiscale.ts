import type { An7Gender } from '../../../../shared/facilita/codes.ts';
import { CodiceFiscale, facilitaAge as ageInYear } from '../../facilita/codice-fiscale.ts';
import { invalid } from '../journal-context.ts';

/*
 * Facilita checks the citizen's codice fiscale with codice-fiscale-js, so we use the same library:
 * what passes here passes there (omocodia and lower case included).
 */

export interface ParsedCodiceFiscale {
  /** Upper case, as stored (encrypted) and exported. */
  value: string;
  birthYear: number;
  /** yyyy-mm-dd */
  birthDate: string;
  /** AN7: A female, B male. */
  gender: An7Gender;
}

/**
 * Validates a codice fiscale and reads birth date and sex from it. Each way it can be wrong has
 * its own code, so the person is told what to check: length, characters or the check letter.
 */
export const parseCodiceFiscale = (text: string, path = 'codiceFiscale'): ParsedCodiceFiscale => {
  const value = text.trim().toUpperCase();
  if (value.length !== 16) throw invalid(path, 'cf_length', 'A codice fiscale has 16 characters');
  if (!/^[A-Z0-9]{16}$/.test(value)) throw invalid(path, 'cf_characters', 'Only letters and digits');
  // The library throws on some malformed inputs instead of returning false.
  const attempt = (check: () => boolean) => {
    try {
      return check();
    } catch {
      return false;
    }
  };
  if (!attempt(() => CodiceFiscale.check(value))) {
    const checkLetterWrong = attempt(() => CodiceFiscale.getCheckCode(value.slice(0, 15)) !== value[15]);
    throw invalid(path, checkLetterWrong ? 'cf_checksum' : 'cf_invalid', 'The codice fiscale is not valid');
  }
  // The check letter can be right while the place code is missing from the library's table (Z999).
  let parsed: InstanceType<typeof CodiceFiscale>;
  try {
    parsed = new CodiceFiscale(value);
  } catch {
    throw invalid(path, 'cf_place', 'The place-of-birth code is not a known municipality or country');
  }
  const birthday = parsed.birthday;
  const birthDate = `${birthday.getUTCFullYear()}-${String(birthday.getUTCMonth() + 1).padStart(2, '0')}-${String(
    birthday.getUTCDate(),
  ).padStart(2, '0')}`;
  return { value, birthYear: parsed.year, birthDate, gender: parsed.gender === 'F' ? 'A' : 'B' };
};

/** Makes a valid codice fiscale (used by the demo data and the seed script). */
export const computeCodiceFiscale = (person: {
  name: string;
  surname: string;
  gender: 'M' | 'F';
  day: number;
  month: number;
  year: number;
  birthplace: string;
  birthplaceProvincia: string;
}): string => CodiceFiscale.compute(person);

/** Facilita's age rule: current year − birth year (not the exact birthday). */
export const facilitaAge = (birthYear: number, onDate: string): number =>
  ageInYear(birthYear, Number(onDate.slice(0, 4)));
