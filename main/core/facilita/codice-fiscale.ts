import codiceFiscaleModule from 'codice-fiscale-js';

/**
 * The `codice-fiscale-js` class, which Facilita itself uses to check codes. The package is a webpack
 * CommonJS bundle whose exports object holds the class under `CodiceFiscale` although its type
 * declarations claim a default export of the class itself; this reads either.
 */
export const CodiceFiscale: typeof codiceFiscaleModule =
  (codiceFiscaleModule as unknown as { CodiceFiscale?: typeof codiceFiscaleModule }).CodiceFiscale ??
  codiceFiscaleModule;

export interface CodiceFiscaleFacts {
  /** Upper case, trimmed: the form stored and exported. */
  normalized: string;
  birthYear: number;
  gender: 'F' | 'M';
}

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
const digitsAt = (code: string, from: number): number =>
  Number(`${OMOCODIA_DIGIT[code[from] ?? ''] ?? code[from]}${OMOCODIA_DIGIT[code[from + 1] ?? ''] ?? code[from + 1]}`);

/**
 * The codice fiscale as Facilita checks it: validity with the npm library `codice-fiscale-js`
 * (which Facilita itself uses), including omocodia and lower case. Null when it would be rejected.
 *
 * Birth year and gender are read the way that library's `reverse()` reads them (a two-digit year is
 * 20yy unless that is after the current year, then 19yy; day over 40 means female) but without its
 * per-call scan of every Italian municipality, which would make a 100k-row export take a minute.
 */
export const readCodiceFiscale = (value: string, now: Date = new Date()): CodiceFiscaleFacts | null => {
  const normalized = value.trim().toUpperCase();
  if (!/^[A-Z0-9]{16}$/.test(normalized) || !CodiceFiscale.check(normalized)) return null;
  const twoDigitYear = digitsAt(normalized, 6);
  const day = digitsAt(normalized, 9);
  const in2000s = 2000 + twoDigitYear;
  return {
    normalized,
    birthYear: in2000s > now.getFullYear() ? 1900 + twoDigitYear : in2000s,
    gender: day > 40 ? 'F' : 'M',
  };
};

/** Facilita's age rule: the current year minus the birth year, not the exact birthday. */
export const facilitaAge = (birthYear: number, currentYear: number): number => currentYear - birthYear;
