import type { Database } from 'better-sqlite3';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import {
  birthPlaceKnown,
  checkCodiceFiscale,
  type BirthPlaceProblem,
  type CodiceFiscaleFacts,
  type CodiceFiscaleProblem,
} from '../facilita/codice-fiscale.ts';
import { AppFailure } from '../rpc/app-failure.ts';
import type { AccessRefusal } from '../../../shared/contract/access.ts';
import type { JournalErrorReason } from '../../../shared/domain/journal/options.ts';

/** What every journal store needs: the open database, the field cipher and a clock (tests move it). */
export interface JournalContext {
  db: () => Database;
  cipher: () => FieldCipher;
  now: () => Date;
  dataDir: string;
}

/** A VALIDATION failure on one field, shaped like zod's so the UI shows it next to the field. */
export const invalid = (path: string, code: string, message: string): AppFailure =>
  new AppFailure('VALIDATION', message, { issues: [{ path, code, message }] });

const CODICE_FISCALE_MESSAGES: Record<CodiceFiscaleProblem | BirthPlaceProblem, string> = {
  cf_length: 'A codice fiscale has 16 characters',
  cf_characters: 'Only letters and digits',
  cf_checksum: 'The codice fiscale is not valid',
  cf_invalid: 'The codice fiscale is not valid',
  cf_place: 'The place-of-birth code is not a known municipality or country',
};

/** A codice fiscale typed at the desk, or a VALIDATION failure on its field saying what to check. */
export const requireCodiceFiscale = (text: string, path = 'codiceFiscale', today?: Date): CodiceFiscaleFacts => {
  const checked = checkCodiceFiscale(text, today);
  if ('problem' in checked) throw invalid(path, checked.problem, CODICE_FISCALE_MESSAGES[checked.problem]);
  if (!birthPlaceKnown(checked.facts)) throw invalid(path, 'cf_place', CODICE_FISCALE_MESSAGES.cf_place);
  return checked.facts;
};

/** Any other refusal, with a reason the UI translates. */
export const refuse = (
  code: 'NOT_FOUND' | 'CONFLICT' | 'LOCKED' | 'UNAUTHORIZED' | 'FORBIDDEN',
  reason: JournalErrorReason | AccessRefusal | 'notFound',
  message: string,
  extra: Record<string, unknown> = {},
): AppFailure => new AppFailure(code, message, { reason, ...extra });

export { localDate } from '../../../shared/i18n/format-day.ts';

export const addDays = (isoDate: string, days: number): string => {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

export const joinCodes = (codes: readonly (string | number)[]): string => codes.join(':');
export const splitCodes = (text: string): string[] => (text === '' ? [] : text.split(':'));
export const splitNumbers = (text: string): number[] => splitCodes(text).map(Number);

/** Encrypts an optional text; empty stays NULL so nothing is stored for nothing typed. */
export const sealOptional = (cipher: FieldCipher, value: string | null | undefined, context: string): string | null =>
  value ? cipher.encrypt(value, context) : null;

export const openOptional = (cipher: FieldCipher, value: string | null, context: string): string | null =>
  value === null ? null : cipher.decrypt(value, context);
