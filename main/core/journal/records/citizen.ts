import type { Citizen } from '../../../../shared/domain/journal/citizens.ts';
import type { An7Gender } from '../../../../shared/facilita/codes.ts';
import type { FieldCipher } from '../../crypto/field-cipher.ts';
import type { Database } from 'better-sqlite3';
import { prepared } from '../../db/statements.ts';
import { bornReportable } from '../../facilita/server-age.ts';
import { nameTokens } from '../citizens/name-tokens.ts';
import { openOptional, sealOptional } from '../journal-context.ts';
import { integer, text, type RecordModule } from './record-kit.ts';

export interface CitizenRow {
  id: string;
  version: number;
  cf_hash: string | null;
  cf_enc: string | null;
  first_name_enc: string | null;
  last_name_enc: string | null;
  email_enc: string | null;
  phone_enc: string | null;
  birth_year: number | null;
  gender: An7Gender | null;
  education: Citizen['education'];
  occupation: Citizen['occupation'];
  citizenship: Citizen['citizenship'];
  province: string;
  consent_method: Citizen['consentMethod'];
  consent_date: string;
  /** 0 for a citizen registered on arrival with just the codice fiscale (migration 0396). */
  profile_complete: 0 | 1;
  created_by: string;
  erased_at: string | null;
  synced_version: number | null;
}

/** The citizen's encrypted fields, by column (without `_enc`), each sealed with its own context. */
export type CitizenSealedField = 'codice_fiscale' | 'first_name' | 'last_name' | 'email' | 'phone';
const context = (field: CitizenSealedField, id: string) => `citizens.${field}:${id}`;

/** Keyed-hash purpose of the codice fiscale: a returning citizen is found by it, never by the clear code. */
const CF_HASH_PURPOSE = 'citizen.codice_fiscale';

export const citizenHash = (cipher: FieldCipher, codiceFiscale: string): string =>
  cipher.lookupHash(codiceFiscale, CF_HASH_PURPOSE);

/** Keyed-hash purpose of the name tokens (the blind index `citizen_name_tokens`, migration 0302). */
const NAME_TOKEN_PURPOSE = 'citizen.name_token';

export const nameTokenHash = (cipher: FieldCipher, token: string): string =>
  cipher.lookupHash(token, NAME_TOKEN_PURPOSE);

/** The citizen's blind name index, rewritten from the clear names of this write (none once erased). */
export const writeNameTokens = (
  db: Database,
  cipher: FieldCipher,
  id: string,
  names: { firstName: string | null; lastName: string | null } | null,
): void => {
  prepared(db, 'DELETE FROM citizen_name_tokens WHERE citizen_id = ?').run(id);
  if (!names) return;
  const insert = prepared(db, 'INSERT OR IGNORE INTO citizen_name_tokens (token_hash, citizen_id) VALUES (?, ?)');
  for (const token of nameTokens(names.firstName, names.lastName)) insert.run(nameTokenHash(cipher, token), id);
};

/** One encrypted field of a citizen, or null where nothing is stored. */
export const openCitizenField = (
  cipher: FieldCipher,
  id: string,
  field: CitizenSealedField,
  sealed: string | null,
): string | null => openOptional(cipher, sealed, context(field, id));

/** Payloads written before migration 0396 carry no `profileComplete`: those profiles were complete. */
const profileCompleteIn = (payload: Record<string, unknown>): boolean => payload['profileComplete'] !== false;

/**
 * A citizen's synced payload: the form's fields (`codiceFiscale`, `firstName`, …, `consentDate`)
 * with the facts read from the code (`birthYear`, `gender`) and `profileComplete` (false: registered on
 * arrival with the codice fiscale only, the profile fields null); an erasure is a delete
 * `{ erasedAt, reason }`, which clears what identifies them and keeps the aggregates.
 */
export const CITIZEN: RecordModule<CitizenRow> = {
  entity: 'citizen',
  table: 'citizens',
  columns(payload, op, id, { cipher, at }) {
    const erased = op === 'delete';
    const cf = erased ? null : text(payload, 'codiceFiscale');
    const identity = {
      cf_hash: cf ? citizenHash(cipher, cf) : null,
      cf_enc: sealOptional(cipher, cf, context('codice_fiscale', id)),
      first_name_enc: erased ? null : sealOptional(cipher, text(payload, 'firstName'), context('first_name', id)),
      last_name_enc: erased ? null : sealOptional(cipher, text(payload, 'lastName'), context('last_name', id)),
      email_enc: erased ? null : sealOptional(cipher, text(payload, 'email'), context('email', id)),
      phone_enc: erased ? null : sealOptional(cipher, text(payload, 'phone'), context('phone', id)),
    };
    if (erased) return { ...identity, erased_at: text(payload, 'erasedAt') ?? at };
    const facts = { ...identity, birth_year: integer(payload, 'birthYear'), gender: text(payload, 'gender') };
    // A profile to complete carries no profile fields: the columns take the placeholders of 0396.
    if (!profileCompleteIn(payload)) {
      const blank = { education: '', occupation: '', citizenship: '', province: '', consent_date: '' };
      return { ...facts, ...blank, consent_method: 'paper', profile_complete: 0 };
    }
    return {
      ...facts,
      education: text(payload, 'education'),
      occupation: text(payload, 'occupation'),
      citizenship: text(payload, 'citizenship'),
      province: text(payload, 'province'),
      consent_method: text(payload, 'consentMethod'),
      consent_date: text(payload, 'consentDate'),
      profile_complete: 1,
    };
  },
  /**
   * Sessions follow their citizen: reportable only with a codice fiscale and a birth year Facilita's
   * server can read (none once erased); the blind name index follows the names.
   */
  alsoWrite(db, id, payload, op, { cipher }) {
    if (op === 'delete') {
      prepared(db, 'UPDATE sessions SET reportable = 0 WHERE citizen_id = ?').run(id);
      writeNameTokens(db, cipher, id, null);
      return;
    }
    writeNameTokens(db, cipher, id, { firstName: text(payload, 'firstName'), lastName: text(payload, 'lastName') });
    const reportable =
      text(payload, 'codiceFiscale') && bornReportable(integer(payload, 'birthYear')) && profileCompleteIn(payload);
    prepared(db, 'UPDATE sessions SET reportable = ? WHERE citizen_id = ? AND deleted_at IS NULL').run(
      reportable ? 1 : 0,
      id,
    );
  },
};
