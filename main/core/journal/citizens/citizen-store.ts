import type {
  Citizen,
  CitizenData,
  CitizenUpdate,
  ReturningCitizen,
} from '../../../../shared/domain/journal/citizens.ts';
import type { Site } from '../../../../shared/domain/journal/operators.ts';
import { ageBandOf, type An7Gender } from '../../../../shared/facilita/codes.ts';
import { findProvince } from '../../../../shared/facilita/provinces.ts';
import { uuidv7 } from '../../ids/uuid7.ts';
import { diffFields, writeAudit } from '../audit.ts';
import { writeChange } from '../changes.ts';
import {
  invalid,
  localDate,
  openOptional,
  refuse,
  sealOptional,
  splitCodes,
  type JournalContext,
} from '../journal-context.ts';
import { facilitaAge, parseCodiceFiscale } from './codice-fiscale.ts';
import { registrationBirthYear } from '../../../../shared/facilita/server-age.ts';

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
  created_by: string;
  erased_at: string | null;
}

export const HASH_PURPOSE = 'citizen.codice_fiscale';
export const fieldContext = (field: string, id: string) => `citizens.${field}:${id}`;

/** The keyed hash a returning citizen is recognised by (never the clear codice fiscale). */
export const citizenHash = (context: JournalContext, codiceFiscale: string): string =>
  context.cipher().lookupHash(codiceFiscale, HASH_PURPOSE);

export class CitizenStore {
  readonly #context: JournalContext;

  constructor(context: JournalContext) {
    this.#context = context;
  }

  row(id: string): CitizenRow {
    const row = this.#context.db().prepare('SELECT * FROM citizens WHERE id = ?').get(id) as CitizenRow | undefined;
    if (!row) throw refuse('NOT_FOUND', 'notFound', 'No such citizen');
    return row;
  }

  get(id: string, site: Site): Citizen {
    return this.view(this.row(id), site);
  }

  /** A name for lists: "Rossi Maria"; null once erased. */
  displayName(row: Pick<CitizenRow, 'id' | 'first_name_enc' | 'last_name_enc'>): string | null {
    const cipher = this.#context.cipher();
    if (!row.first_name_enc || !row.last_name_enc) return null;
    return `${cipher.decrypt(row.last_name_enc, fieldContext('last_name', row.id))} ${cipher.decrypt(
      row.first_name_enc,
      fieldContext('first_name', row.id),
    )}`;
  }

  lookup(codiceFiscale: string, site: Site): ReturningCitizen | null {
    const parsed = parseCodiceFiscale(codiceFiscale);
    const row = this.#context
      .db()
      .prepare('SELECT * FROM citizens WHERE cf_hash = ?')
      .get(citizenHash(this.#context, parsed.value)) as CitizenRow | undefined;
    if (!row) return null;
    const visits = this.#context
      .db()
      .prepare(`SELECT count(*) AS visits, max(date) AS last FROM sessions WHERE citizen_id = ? AND deleted_at IS NULL`)
      .get(row.id) as { visits: number; last: string | null };
    const lastAreas = this.#context
      .db()
      .prepare(
        `SELECT se6 FROM sessions WHERE citizen_id = ? AND deleted_at IS NULL ORDER BY date DESC, id DESC LIMIT 1`,
      )
      .pluck()
      .get(row.id) as string | undefined;
    return {
      citizen: this.view(row, site),
      visits: visits.visits,
      lastVisit: visits.last,
      lastServiceAreas: lastAreas ? splitCodes(lastAreas) : [],
    };
  }

  create(input: CitizenData, actorId: string, site: Site): Citizen {
    const derived = this.#derive(input, site);
    const id = uuidv7(this.#context.now().getTime());
    const at = this.#context.now().toISOString();
    this.#context.db().transaction(() => {
      if (derived.hash) this.#refuseKnown(derived.hash, null);
      this.#context
        .db()
        .prepare(
          `INSERT INTO citizens (id, version, cf_hash, cf_enc, first_name_enc, last_name_enc, email_enc, phone_enc,
             birth_year, gender, education, occupation, citizenship, province, consent_method, consent_date,
             created_by, created_at, updated_at)
           VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, derived.hash, ...this.#sealed(id, input, derived), actorId, at, at);
      writeChange(this.#context, 'citizen', id, 1, this.#payload(id, input, derived));
      writeAudit(this.#context, { entity: 'citizen', recordId: id, version: 1, action: 'create', operatorId: actorId });
    })();
    return this.get(id, site);
  }

  update(input: CitizenUpdate, actorId: string, site: Site): Citizen {
    const currentRow = this.row(input.id);
    if (currentRow.erased_at) throw refuse('CONFLICT', 'erased', 'This citizen was erased');
    if (currentRow.version !== input.baseVersion) throw refuse('CONFLICT', 'staleVersion', 'Changed meanwhile');
    const before = this.view(currentRow, site);
    const derived = this.#derive(input, site);
    const version = currentRow.version + 1;
    this.#context.db().transaction(() => {
      if (derived.hash) this.#refuseKnown(derived.hash, input.id);
      this.#context
        .db()
        .prepare(
          `UPDATE citizens SET version = ?, cf_hash = ?, cf_enc = ?, first_name_enc = ?, last_name_enc = ?, email_enc = ?,
             phone_enc = ?, birth_year = ?, gender = ?, education = ?, occupation = ?, citizenship = ?, province = ?,
             consent_method = ?, consent_date = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          version,
          derived.hash,
          ...this.#sealed(input.id, input, derived),
          this.#context.now().toISOString(),
          input.id,
        );
      // Sessions follow their citizen: one who gains a codice fiscale becomes reportable.
      this.#context
        .db()
        .prepare('UPDATE sessions SET reportable = ? WHERE citizen_id = ? AND deleted_at IS NULL')
        .run(derived.hash ? 1 : 0, input.id);
      writeChange(this.#context, 'citizen', input.id, version, this.#payload(input.id, input, derived));
      const after = this.view(this.row(input.id), site);
      writeAudit(this.#context, {
        entity: 'citizen',
        recordId: input.id,
        version,
        action: 'edit',
        operatorId: actorId,
        changes: diffFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>),
      });
    })();
    return this.get(input.id, site);
  }

  view(row: CitizenRow, site: Site): Citizen {
    const cipher = this.#context.cipher();
    const open = (field: string, value: string | null) => openOptional(cipher, value, fieldContext(field, row.id));
    const today = localDate(this.#context.now());
    const band = row.birth_year === null ? null : ageBandOf(facilitaAge(row.birth_year, today));
    return {
      id: row.id,
      version: row.version,
      codiceFiscale: open('codice_fiscale', row.cf_enc),
      firstName: open('first_name', row.first_name_enc) ?? '',
      lastName: open('last_name', row.last_name_enc) ?? '',
      education: row.education,
      occupation: row.occupation,
      citizenship: row.citizenship,
      province: row.province,
      email: open('email', row.email_enc),
      phone: open('phone', row.phone_enc),
      consentMethod: row.consent_method,
      consentDate: row.consent_date,
      birthYear: row.birth_year,
      gender: row.gender,
      ageBand: band,
      reportable: row.cf_hash !== null && band !== null && (band !== 'E' || site.allowMinors),
      erased: row.erased_at !== null,
    };
  }

  /**
   * Facts read from the codice fiscale, and the rules on them: no birth date in the future, no
   * one under 14, minors 14–17 only where the site admits them (Facilita's age: year difference).
   */
  #derive(input: CitizenData, site: Site) {
    const today = localDate(this.#context.now());
    if (input.consentDate > today) throw invalid('consentDate', 'future_date', 'Consent date is in the future');
    if (input.codiceFiscale === null || input.codiceFiscale === '') {
      return { cf: null, hash: null, birthYear: null, gender: null };
    }
    const parsed = parseCodiceFiscale(input.codiceFiscale);
    if (parsed.birthDate > today) throw invalid('codiceFiscale', 'birth_in_future', 'Birth date in the future');
    // 20yy that would be under 14 is a person of 100 or more (see shared/facilita/server-age.ts).
    const birthYear = registrationBirthYear(parsed.birthYear, today);
    const age = facilitaAge(birthYear, today);
    if (age < 14) throw invalid('codiceFiscale', 'under_14', 'Citizens under 14 cannot be registered');
    if (age < 18 && !site.allowMinors)
      throw invalid('codiceFiscale', 'minor_not_allowed', 'This site does not admit minors');
    return {
      cf: parsed.value,
      hash: citizenHash(this.#context, parsed.value),
      birthYear,
      gender: parsed.gender,
    };
  }

  #refuseKnown(hash: string, exceptId: string | null): void {
    const existing = this.#context.db().prepare('SELECT id FROM citizens WHERE cf_hash = ?').pluck().get(hash) as
      string | undefined;
    if (existing && existing !== exceptId) {
      throw refuse('CONFLICT', 'citizenExists', 'This codice fiscale is already registered', { id: existing });
    }
  }

  #sealed(
    id: string,
    input: CitizenData,
    derived: { cf: string | null; birthYear: number | null; gender: An7Gender | null },
  ) {
    const cipher = this.#context.cipher();
    return [
      sealOptional(cipher, derived.cf, fieldContext('codice_fiscale', id)),
      cipher.encrypt(input.firstName, fieldContext('first_name', id)),
      cipher.encrypt(input.lastName, fieldContext('last_name', id)),
      sealOptional(cipher, input.email, fieldContext('email', id)),
      sealOptional(cipher, input.phone, fieldContext('phone', id)),
      derived.birthYear,
      derived.gender,
      input.education,
      input.occupation,
      input.citizenship,
      findProvince(input.province)?.name ?? input.province,
      input.consentMethod,
      input.consentDate,
    ] as const;
  }

  #payload(
    id: string,
    input: CitizenData,
    derived: { cf: string | null; birthYear: number | null; gender: An7Gender | null },
  ) {
    return {
      id,
      ...input,
      province: findProvince(input.province)?.name ?? input.province,
      codiceFiscale: derived.cf,
      birthYear: derived.birthYear,
      gender: derived.gender,
    };
  }
}
