import type {
  Citizen,
  CitizenData,
  CitizenUpdate,
  ReturningCitizen,
} from '../../../../shared/domain/journal/citizens.ts';
import type { Site } from '../../../../shared/domain/journal/operators.ts';
import { ageBandOf, type An7Gender } from '../../../../shared/facilita/codes.ts';
import { findProvince } from '../../../../shared/facilita/provinces.ts';
import { uuidv7 } from '../../../../shared/ids/uuid7.ts';
import { diffFields } from '../audit.ts';
import { an7Gender, facilitaAge } from '../../facilita/codice-fiscale.ts';
import {
  invalid,
  localDate,
  refuse,
  requireCodiceFiscale,
  splitCodes,
  type JournalContext,
} from '../journal-context.ts';
import { writeVersion } from '../record-write.ts';
import {
  CITIZEN,
  citizenHash,
  openCitizenField,
  type CitizenRow,
  type CitizenSealedField,
} from '../records/citizen.ts';
import { findRow } from '../records/record-kit.ts';
import { citizensByName } from './name-index.ts';
import { bornReportable, registrationBirthYear } from '../../facilita/server-age.ts';

const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));

/** What a roster row or an arrival gives: the codice fiscale, perhaps names and contacts. */
export interface PendingCitizen {
  codiceFiscale: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
}

type Derived = { cf: string | null; hash: string | null; birthYear: number | null; gender: An7Gender | null };

export class CitizenStore {
  readonly #context: JournalContext;

  constructor(context: JournalContext) {
    this.#context = context;
  }

  row(id: string): CitizenRow {
    const row = findRow(this.#context.db(), CITIZEN, id);
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
    const name = (field: 'first_name' | 'last_name', sealed: string) => openCitizenField(cipher, row.id, field, sealed);
    return `${name('last_name', row.last_name_enc)} ${name('first_name', row.first_name_enc)}`;
  }

  lookup(codiceFiscale: string, site: Site): ReturningCitizen | null {
    const row = this.byCode(requireCodiceFiscale(codiceFiscale).value);
    return row ? this.#returning(row, site) : null;
  }

  /** The citizen with this (valid, normalised) codice fiscale, found by its keyed hash. */
  byCode(codiceFiscale: string): CitizenRow | undefined {
    return this.#context
      .db()
      .prepare('SELECT * FROM citizens WHERE cf_hash = ?')
      .get(citizenHash(this.#context.cipher(), codiceFiscale)) as CitizenRow | undefined;
  }

  /**
   * Checks a codice fiscale as registering would (valid, birth, age the site admits), without
   * saving: the roster preview says each row's problem before anything is written.
   */
  checkCode(codiceFiscale: string, site: Site): string {
    return this.#fromCode(codiceFiscale, site).cf as string;
  }

  /**
   * A citizen registered on arrival at a workshop with just the codice fiscale (and the names, if
   * given): the profile is to be completed from the citizen's page; until then nothing of theirs
   * is reportable. Runs inside the caller's transaction when there is one (a roster import).
   */
  createPending(input: PendingCitizen, actorId: string, site: Site): string {
    const derived = this.#fromCode(input.codiceFiscale, site);
    const id = uuidv7(this.#context.now().getTime());
    const at = this.#context.now().toISOString();
    this.#context.db().transaction(() => {
      this.#refuseKnown(derived.hash as string, null);
      writeVersion(this.#context, CITIZEN, {
        id,
        version: 1,
        mode: 'insert',
        payload: {
          id,
          codiceFiscale: derived.cf,
          firstName: input.firstName || null,
          lastName: input.lastName || null,
          ...{ email: input.email ?? null, phone: input.phone ?? null },
          ...{ education: null, occupation: null, citizenship: null, province: null },
          ...{ consentMethod: null, consentDate: null },
          birthYear: derived.birthYear,
          gender: derived.gender,
          profileComplete: false,
        },
        local: { created_by: actorId, created_at: at },
        audit: { action: 'create', operatorId: actorId },
      });
    })();
    return id;
  }

  /** Returning citizens by surname and name, through the blind name index (names never searched in clear). */
  lookupByName(name: string, site: Site): ReturningCitizen[] {
    const db = this.#context.db();
    return citizensByName(db, this.#context.cipher(), name)
      .map((id) => findRow(db, CITIZEN, id))
      .filter((row): row is CitizenRow => row !== undefined && row.erased_at === null)
      .map((row) => this.#returning(row, site));
  }

  #returning(row: CitizenRow, site: Site): ReturningCitizen {
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
    // The same attempt sent again (a double click) answers with the citizen it registered.
    const earlier = input.attemptId ? findRow(this.#context.db(), CITIZEN, input.attemptId) : undefined;
    if (earlier) return this.view(earlier, site);
    const derived = this.#derive(input, site);
    const id = input.attemptId ?? uuidv7(this.#context.now().getTime());
    const at = this.#context.now().toISOString();
    this.#context.db().transaction(() => {
      if (derived.hash) this.#refuseKnown(derived.hash, null);
      writeVersion(this.#context, CITIZEN, {
        id,
        version: 1,
        mode: 'insert',
        payload: this.#payload(id, input, derived),
        local: { created_by: actorId, created_at: at },
        audit: { action: 'create', operatorId: actorId },
      });
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
      writeVersion(this.#context, CITIZEN, {
        id: input.id,
        version,
        mode: 'update',
        payload: this.#payload(input.id, input, derived),
        // The entry compares the citizen as seen before and after, so it is made once the row is written.
        audit: () => ({
          action: 'edit',
          operatorId: actorId,
          changes: diffFields(
            before as unknown as Record<string, unknown>,
            this.view(this.row(input.id), site) as unknown as Record<string, unknown>,
          ),
        }),
      });
    })();
    return this.get(input.id, site);
  }

  view(row: CitizenRow, site: Site): Citizen {
    const cipher = this.#context.cipher();
    const open = (field: CitizenSealedField, value: string | null) => openCitizenField(cipher, row.id, field, value);
    const today = localDate(this.#context.now());
    const band = row.birth_year === null ? null : ageBandOf(facilitaAge(row.birth_year, yearOf(today)));
    const complete = row.profile_complete === 1;
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
      // The column holds the CHECK's placeholder while the profile is to complete (migration 0396).
      consentMethod: complete ? row.consent_method : '',
      consentDate: row.consent_date,
      profileComplete: complete,
      birthYear: row.birth_year,
      gender: row.gender,
      ageBand: band,
      reportable:
        row.cf_hash !== null &&
        complete &&
        band !== null &&
        (band !== 'E' || site.allowMinors) &&
        bornReportable(row.birth_year),
      erased: row.erased_at !== null,
    };
  }

  /**
   * Facts read from the codice fiscale, and the rules on them: no birth date in the future, no
   * one under 14, minors 14–17 only where the site admits them (Facilita's age: year difference).
   */
  #derive(input: CitizenData, site: Site): Derived {
    const today = localDate(this.#context.now());
    if (input.consentDate > today) throw invalid('consentDate', 'future_date', 'Consent date is in the future');
    if (input.codiceFiscale === null || input.codiceFiscale === '') {
      return { cf: null, hash: null, birthYear: null, gender: null };
    }
    return this.#fromCode(input.codiceFiscale, site);
  }

  #fromCode(codiceFiscale: string, site: Site): Derived {
    const today = localDate(this.#context.now());
    const parsed = requireCodiceFiscale(codiceFiscale, 'codiceFiscale', this.#context.now());
    if (parsed.birthDate > today) throw invalid('codiceFiscale', 'birth_in_future', 'Birth date in the future');
    // 20yy that would be under 14 is a person of 100 or more (see main/core/facilita/server-age.ts).
    const birthYear = registrationBirthYear(parsed.birthYear, today);
    const age = facilitaAge(birthYear, yearOf(today));
    if (age < 14) throw invalid('codiceFiscale', 'under_14', 'Citizens under 14 cannot be registered');
    if (age < 18 && !site.allowMinors)
      throw invalid('codiceFiscale', 'minor_not_allowed', 'This site does not admit minors');
    return {
      cf: parsed.value,
      hash: citizenHash(this.#context.cipher(), parsed.value),
      birthYear,
      gender: an7Gender(parsed),
    };
  }

  #refuseKnown(hash: string, exceptId: string | null): void {
    const existing = this.#context.db().prepare('SELECT id FROM citizens WHERE cf_hash = ?').pluck().get(hash) as
      string | undefined;
    if (existing && existing !== exceptId) {
      throw refuse('CONFLICT', 'citizenExists', 'This codice fiscale is already registered', { id: existing });
    }
  }

  #payload(id: string, input: CitizenData | CitizenUpdate, derived: Derived) {
    // The attempt id and the base version are the form's, not the citizen's: they never reach the
    // synced payload (a base version there made two desks' same edit look like other content).
    const { attemptId: _attempt, baseVersion: _base, ...fields } = input as CitizenData & Partial<CitizenUpdate>;
    return {
      id,
      ...fields,
      province: findProvince(input.province)?.name ?? input.province,
      codiceFiscale: derived.cf,
      birthYear: derived.birthYear,
      gender: derived.gender,
      // Saving the whole form completes a profile registered on arrival.
      profileComplete: true,
    };
  }
}
