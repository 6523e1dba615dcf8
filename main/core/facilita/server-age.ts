/**
 * How Facilita's server reads a citizen's age when it loads a file (release 1.59.0): the birth date
 * from the codice fiscale with the two-digit year as 20yy when it is 23 or less (else 19yy), and
 * the exact age in years on the day of the upload. Its browser check uses the year difference
 * (`facilitaAge`) instead, so a row can pass there and be refused here; the export holds such a
 * row until the birthday that makes it acceptable. Read from the one codice-fiscale fact type.
 */
import { facilitaAge, type CodiceFiscaleFacts } from './codice-fiscale.ts';

/** The last two-digit year Facilita's server reads as 20yy. */
const SERVER_CENTURY_PIVOT = 23;
/** Citizens born in this year or before read as children on the server: they cannot be reported. */
export const LAST_UNREPORTABLE_BIRTH_YEAR = 1900 + SERVER_CENTURY_PIVOT;

/** Whether the server can ever take this citizen's services, from the birth year the desk recorded. */
export const bornReportable = (birthYear: number | null): boolean =>
  birthYear === null || birthYear > LAST_UNREPORTABLE_BIRTH_YEAR;

/**
 * The birth date as Facilita's server reads it (yyyy-mm-dd): the facts' date moved to the century
 * the server's pivot gives the same two digits (the library's pivot is the current year).
 */
export const serverBirthDate = (facts: Pick<CodiceFiscaleFacts, 'birthYear' | 'birthDate'>): string => {
  const twoDigitYear = facts.birthYear % 100;
  const serverYear = twoDigitYear <= SERVER_CENTURY_PIVOT ? 2000 + twoDigitYear : 1900 + twoDigitYear;
  const year = Number(facts.birthDate.slice(0, 4)) + serverYear - facts.birthYear;
  return `${String(year).padStart(4, '0')}${facts.birthDate.slice(4)}`;
};

/**
 * The day someone born on `birthDate` turns `years`: a 29 February birthday falls on 1 March in
 * a common year (the day after 28 February, as a date-difference counts it).
 */
export const birthdayOf = (birthDate: string, years: number): string => {
  const year = Number(birthDate.slice(0, 4)) + years;
  const monthDay = birthDate.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return monthDay === '02-29' && !leap ? `${year}-03-01` : `${year}-${monthDay}`;
};

/** Whole years between `birthDate` and `day` (both yyyy-mm-dd), counted by the exact birthday. */
export const ageOn = (birthDate: string, day: string): number => {
  let age = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (birthdayOf(birthDate, age) > day) age -= 1;
  return age;
};

export type ServerAgeVerdict =
  | { kind: 'ok' }
  /** Refused today, accepted from `from` on (the birthday that gives the minimum age). */
  | { kind: 'held'; from: string }
  /** Born in 1923 or before: the server reads a child, whatever the date. */
  | { kind: 'neverReportable' }
  /** Under the minimum age by the browser's rule as well: a row to correct, not to wait for. */
  | { kind: 'tooYoung' };

/**
 * Facilita's server-side age rule for one row uploaded on `uploadDay`: 18, or 14 where the
 * programme admits minors. `realBirthYear`, when the desk knows it (it asked at registration), tells
 * a centenarian from a child with the same two digits.
 */
export const serverAgeVerdict = (
  facts: Pick<CodiceFiscaleFacts, 'birthYear' | 'birthDate'>,
  uploadDay: string,
  options: { minorsAllowed: boolean; realBirthYear?: number | null },
): ServerAgeVerdict => {
  const birthDate = serverBirthDate(facts);
  const serverYear = Number(birthDate.slice(0, 4));
  const real = options.realBirthYear ?? serverYear;
  if (real <= LAST_UNREPORTABLE_BIRTH_YEAR) return { kind: 'neverReportable' };
  const minimum = options.minorsAllowed ? 14 : 18;
  if (ageOn(birthDate, uploadDay) >= minimum) return { kind: 'ok' };
  const from = birthdayOf(birthDate, minimum);
  // The year-difference rule (Facilita's browser check) already admits them: only the birthday is missing.
  return facilitaAge(serverYear, Number(uploadDay.slice(0, 4))) >= minimum
    ? { kind: 'held', from }
    : { kind: 'tooYoung' };
};

/**
 * The birth year to record at registration. A code whose 20yy reading is under 14 belongs to a
 * person of 100 or more (children under 14 are never registered): read as 19yy, so they can be
 * registered and the export can say why Facilita will not take their services.
 */
export const registrationBirthYear = (libraryYear: number, today: string): number =>
  libraryYear >= 2000 && facilitaAge(libraryYear, Number(today.slice(0, 4))) < 14 ? libraryYear - 100 : libraryYear;
