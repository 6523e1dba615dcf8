import codiceFiscaleModule from 'codice-fiscale-js';
import type { An7Gender } from '../../../shared/facilita/codes.ts';

/**
 * The `codice-fiscale-js` class, which Facilita itself uses to check codes. The package is a webpack
 * CommonJS bundle whose exports object holds the class under `CodiceFiscale` although its type
 * declarations claim a default export of the class itself; this reads either.
 */
export const CodiceFiscale: typeof codiceFiscaleModule =
  (codiceFiscaleModule as unknown as { CodiceFiscale?: typeof codiceFiscaleModule }).CodiceFiscale ??
  codiceFiscaleModule;

/** What a valid codice fiscale says about its holder: the one fact type the desk and the export read. */
export interface CodiceFiscaleFacts {
  /** Upper case, trimmed: the form stored (encrypted) and exported. */
  value: string;
  birthYear: number;
  /** yyyy-mm-dd */
  birthDate: string;
  sex: 'F' | 'M';
}

/** Each way a code can be wrong, so the person is told what to check. */
export type CodiceFiscaleProblem = 'cf_length' | 'cf_characters' | 'cf_checksum' | 'cf_invalid';
/** At the desk only: a place-of-birth code (characters 12–15) in no table of municipalities or countries. */
export type BirthPlaceProblem = 'cf_place';

/** Omocodia: digits replaced by these letters when two people would share a code. */
const OMOCODIA_DIGIT: Readonly<Record<string, string>> = {
  L: '0',
  M: '1',
  N: '2',
  P: '3',
  Q: '4',
  R: '5',
  S: '6',
  T: '7',
  U: '8',
  V: '9',
};
const MONTH_LETTERS = 'ABCDEHLMPRST';
const digitsAt = (code: string, from: number): number =>
  Number(`${OMOCODIA_DIGIT[code[from] ?? ''] ?? code[from]}${OMOCODIA_DIGIT[code[from + 1] ?? ''] ?? code[from + 1]}`);

/** The library throws on some malformed inputs instead of returning false. */
const holds = (check: () => boolean): boolean => {
  try {
    return check();
  } catch {
    return false;
  }
};

/**
 * Checks a codice fiscale as Facilita does (codice-fiscale-js, omocodia and lower case included)
 * and reads its facts the way that library's `reverse()` does — a two-digit year is 20yy unless
 * that is after `today`'s year, then 19yy; a day over 31 means female — but without its per-call
 * scan of every Italian municipality, which would make a 100k-row export take a minute.
 */
export const checkCodiceFiscale = (
  text: string,
  today: Date = new Date(),
): { facts: CodiceFiscaleFacts } | { problem: CodiceFiscaleProblem } => {
  const value = text.trim().toUpperCase();
  if (value.length !== 16) return { problem: 'cf_length' };
  if (!/^[A-Z0-9]{16}$/.test(value)) return { problem: 'cf_characters' };
  if (!holds(() => CodiceFiscale.check(value))) {
    const checkLetterWrong = holds(() => CodiceFiscale.getCheckCode(value.slice(0, 15)) !== value[15]);
    return { problem: checkLetterWrong ? 'cf_checksum' : 'cf_invalid' };
  }
  const twoDigitYear = digitsAt(value, 6);
  const in2000s = 2000 + twoDigitYear;
  const birthYear = in2000s > today.getFullYear() ? 1900 + twoDigitYear : in2000s;
  const dayCode = digitsAt(value, 9);
  const sex = dayCode > 31 ? 'F' : 'M';
  const day = sex === 'F' ? dayCode - 40 : dayCode;
  const month = MONTH_LETTERS.indexOf(value[8] ?? '');
  return { facts: { value, birthYear, birthDate: isoDate(birthYear, month, day), sex } };
};

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * yyyy-mm-dd of a birth day; an impossible day (the library checks none) rolls over into the next
 * or previous month, as the library's Date does. Days 1–28 exist in every month: no Date needed
 * (an export reads 100k codes twice).
 */
const isoDate = (year: number, month: number, day: number): string =>
  day >= 1 && day <= 28 && month >= 0
    ? `${year}-${pad(month + 1)}-${pad(day)}`
    : new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);

/**
 * Whether the code's place of birth is in the library's table of municipalities and countries.
 * Facilita's check never reads it (nor does the export: this scans the table, once per code); at the
 * desk an unknown place such as Z999, with a right check letter, is a typing error to fix.
 */
export const birthPlaceKnown = (facts: Pick<CodiceFiscaleFacts, 'value'>): boolean =>
  holds(() => new CodiceFiscale(facts.value) instanceof CodiceFiscale);

/** The facts of a code Facilita would accept; null when it would be rejected. */
export const readCodiceFiscale = (text: string, today: Date = new Date()): CodiceFiscaleFacts | null => {
  const checked = checkCodiceFiscale(text, today);
  return 'facts' in checked ? checked.facts : null;
};

/** AN7, the gender letter of a Facilita row: A female, B male. */
export const an7Gender = (facts: Pick<CodiceFiscaleFacts, 'sex'>): An7Gender => (facts.sex === 'F' ? 'A' : 'B');

/**
 * Facilita's age (AN8's band is read from it) in `year`: the year minus the birth year, not the
 * exact birthday. The one home of Facilita's age rule: every reader of an age goes through here.
 */
export const facilitaAge = (birthYear: number, year: number): number => year - birthYear;
