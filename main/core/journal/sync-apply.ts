import type { Database } from 'better-sqlite3';
import { minutesOf } from '../../../shared/domain/journal/options.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { RemoteVersion } from '../sync/entities.ts';
import type { JournalEntity } from './changes.ts';
import { fieldContext, HASH_PURPOSE } from './citizens/citizen-store.ts';
import { joinCodes, sealOptional } from './journal-context.ts';
import { facilitaIdContext } from './operators/operator-store.ts';
import { reasonContext } from './sessions/follow-ups.ts';
import { sessionContext } from './sessions/session-row.ts';
import { detailsLookupHash } from './sessions/session-rules.ts';
import { detailsContext } from './workshops/workshop-store.ts';

type Column = string | number | null;
type Payload = Record<string, unknown>;
export type Applier = (db: Database, cipher: FieldCipher, version: RemoteVersion) => void;

/**
 * The one write every entity shares: the kept version's number and columns on the desk's row,
 * without an outbox row (the sync engine records the change itself). A record this desk never had
 * is left to the hub: a conflict always concerns a record the desk edited.
 */
const writeRow = (db: Database, table: string, version: RemoteVersion, columns: Record<string, Column>): void => {
  const names = Object.keys(columns);
  db.prepare(
    `UPDATE ${table} SET version = ?, ${names.map((name) => `${name} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
  ).run(version.version, ...names.map((name) => columns[name] ?? null), new Date().toISOString(), version.recordId);
};

const text = (payload: Payload, key: string): string | null => {
  const value = payload[key];
  return typeof value === 'string' ? value : null;
};
const codes = (payload: Payload, key: string): string => {
  const value = payload[key];
  return Array.isArray(value) ? joinCodes(value as (string | number)[]) : '';
};
const flag = (payload: Payload, key: string): number => (payload[key] === true ? 1 : 0);
const duration = (payload: Payload): number | null => minutesOf(text(payload, 'duration') ?? '');

export const applyCitizen: Applier = (db, cipher, version) => {
  const { payload } = version;
  const id = version.recordId;
  const seal = (field: string, key: string) => sealOptional(cipher, text(payload, key), fieldContext(field, id));
  const cf = version.op === 'delete' ? null : text(payload, 'codiceFiscale');
  const hash = cf ? cipher.lookupHash(cf, HASH_PURPOSE) : null;
  const identity = {
    cf_hash: hash,
    cf_enc: sealOptional(cipher, cf, fieldContext('codice_fiscale', id)),
    first_name_enc: version.op === 'delete' ? null : seal('first_name', 'firstName'),
    last_name_enc: version.op === 'delete' ? null : seal('last_name', 'lastName'),
    email_enc: version.op === 'delete' ? null : seal('email', 'email'),
    phone_enc: version.op === 'delete' ? null : seal('phone', 'phone'),
  };
  if (version.op === 'delete') {
    writeRow(db, 'citizens', version, {
      ...identity,
      erased_at: text(payload, 'erasedAt') ?? new Date().toISOString(),
    });
  } else {
    writeRow(db, 'citizens', version, {
      ...identity,
      birth_year: typeof payload['birthYear'] === 'number' ? payload['birthYear'] : null,
      gender: text(payload, 'gender'),
      education: text(payload, 'education'),
      occupation: text(payload, 'occupation'),
      citizenship: text(payload, 'citizenship'),
      province: text(payload, 'province'),
      consent_method: text(payload, 'consentMethod'),
      consent_date: text(payload, 'consentDate'),
    });
  }
  // Sessions follow their citizen, as in the store: reportable only with a codice fiscale.
  db.prepare('UPDATE sessions SET reportable = ? WHERE citizen_id = ? AND deleted_at IS NULL').run(hash ? 1 : 0, id);
};

export const applySession: Applier = (db, cipher, version) => {
  const { payload } = version;
  const id = version.recordId;
  if (version.op === 'delete') {
    writeRow(db, 'sessions', version, {
      deleted_at: text(payload, 'deletedAt') ?? new Date().toISOString(),
      delete_reason: text(payload, 'reason'),
    });
    db.prepare('DELETE FROM session_areas WHERE session_id = ?').run(id);
    return;
  }
  if (text(payload, 'erasedAt')) {
    writeRow(db, 'sessions', version, {
      details_enc: null,
      experience_enc: null,
      notes_enc: null,
      erased_at: text(payload, 'erasedAt'),
    });
    return;
  }
  const details = text(payload, 'details') ?? '';
  const experience = payload['experience'];
  writeRow(db, 'sessions', version, {
    quick: flag(payload, 'quick'),
    citizen_id: text(payload, 'citizenId'),
    date: text(payload, 'date'),
    duration_min: duration(payload),
    se3: codes(payload, 'serviceTypes'),
    se5: codes(payload, 'competences'),
    se6: codes(payload, 'serviceAreas'),
    details_enc: sealOptional(cipher, details, sessionContext('details', id)),
    details_hash: detailsLookupHash(cipher, details),
    outcome: text(payload, 'outcome'),
    reportable: flag(payload, 'reportable'),
    experience_enc: experience ? cipher.encryptJson(experience, sessionContext('experience', id)) : null,
    notes_enc: sealOptional(cipher, text(payload, 'privateNotes'), sessionContext('notes', id)),
    guide_run_ids: JSON.stringify(Array.isArray(payload['guideRunIds']) ? payload['guideRunIds'] : []),
  });
  db.prepare('DELETE FROM session_areas WHERE session_id = ?').run(id);
  const insert = db.prepare('INSERT INTO session_areas (session_id, area, date) VALUES (?, ?, ?)');
  const areas = Array.isArray(payload['serviceAreas']) ? (payload['serviceAreas'] as string[]) : [];
  for (const area of areas) insert.run(id, area, text(payload, 'date'));
};

export const applyFollowUp: Applier = (db, cipher, version) => {
  const { payload } = version;
  if (version.op === 'delete') {
    writeRow(db, 'follow_ups', version, { deleted_at: text(payload, 'deletedAt') ?? new Date().toISOString() });
    return;
  }
  const reason = text(payload, 'reason');
  writeRow(db, 'follow_ups', version, {
    due_date: text(payload, 'dueDate'),
    ...(reason === null ? {} : { reason_enc: cipher.encrypt(reason, reasonContext(version.recordId)) }),
    done_at: payload['done'] === true ? (text(payload, 'doneAt') ?? new Date().toISOString()) : null,
  });
};

export const applyWorkshop: Applier = (db, cipher, version) => {
  const { payload } = version;
  if (version.op === 'delete') {
    writeRow(db, 'workshops', version, {
      deleted_at: text(payload, 'deletedAt') ?? new Date().toISOString(),
      delete_reason: text(payload, 'reason'),
    });
    return;
  }
  writeRow(db, 'workshops', version, {
    title: text(payload, 'title'),
    date: text(payload, 'date'),
    place: text(payload, 'place'),
    duration_min: duration(payload),
    se3: codes(payload, 'serviceTypes'),
    se5: codes(payload, 'competences'),
    se6: codes(payload, 'serviceAreas'),
    details_enc: sealOptional(cipher, text(payload, 'details'), detailsContext(version.recordId)),
    state: text(payload, 'state') ?? 'scheduled',
  });
};

export const applyParticipant: Applier = (db, _cipher, version) => {
  const checkedIn = version.op !== 'delete' && version.payload['checkedIn'] === true;
  const current = db
    .prepare('SELECT checked_in_at FROM workshop_participants WHERE id = ?')
    .pluck()
    .get(version.recordId) as string | null | undefined;
  writeRow(db, 'workshop_participants', version, {
    checked_in_at: checkedIn ? (current ?? new Date().toISOString()) : null,
  });
};

export const applyOperator: Applier = (db, cipher, version) => {
  const { payload } = version;
  const facilitaId = text(payload, 'facilitaId');
  writeRow(db, 'operators', version, {
    name: text(payload, 'name'),
    role: text(payload, 'role'),
    ...(facilitaId === null
      ? {}
      : { facilita_id_enc: cipher.encrypt(facilitaId, facilitaIdContext(version.recordId)) }),
    facilita_name: text(payload, 'facilitaName'),
    active: version.op === 'delete' ? 0 : flag(payload, 'active'),
    secret_kind: text(payload, 'secretKind'),
    secret_hash: text(payload, 'secretHash'),
  });
};

export const applySite: Applier = (db, _cipher, version) => {
  const { payload } = version;
  writeRow(db, 'site', version, {
    facilita_name: text(payload, 'facilitaName'),
    facilita_id: text(payload, 'facilitaId'),
    ente: text(payload, 'ente'),
    province: text(payload, 'province'),
    project_start: text(payload, 'projectStart'),
    project_end: text(payload, 'projectEnd'),
    cutoff_date: text(payload, 'cutoffDate'),
    allow_minors: flag(payload, 'allowMinors'),
    backdate_days: payload['backdateDays'] as Column,
    idle_minutes: payload['idleMinutes'] as Column,
    retention_months: payload['retentionMonths'] as Column,
    demo: flag(payload, 'demo'),
  });
};

/** How each journal entity writes a resolved conflict's kept version into its own table. */
export const JOURNAL_APPLIERS: Record<JournalEntity, Applier> = {
  citizen: applyCitizen,
  session: applySession,
  followUp: applyFollowUp,
  workshop: applyWorkshop,
  participant: applyParticipant,
  operator: applyOperator,
  site: applySite,
};
