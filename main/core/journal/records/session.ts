import type { Outcome } from '../../../../shared/domain/journal/options.ts';
import type { Experience } from '../../../../shared/domain/journal/sessions.ts';
import type { FieldCipher } from '../../crypto/field-cipher.ts';
import { prepared } from '../../db/statements.ts';
import { openOptional, sealOptional } from '../journal-context.ts';
import { codes, flag, list, minutes, text, type Columns, type RecordModule } from './record-kit.ts';
import { cutText } from '../../../../shared/facilita/stored-text.ts';

export interface SessionRow {
  id: string;
  version: number;
  quick: number;
  operator_id: string;
  citizen_id: string | null;
  date: string;
  duration_min: number;
  se3: string;
  se5: string;
  se6: string;
  details_enc: string | null;
  details_hash: string;
  outcome: Outcome;
  reportable: number;
  experience_enc: string | null;
  notes_enc: string | null;
  guide_run_ids: string;
  started_at: string | null;
  created_by: string;
  deleted_at: string | null;
  exported_at: string | null;
  synced_version: number | null;
}

/** The session's encrypted fields, each sealed with its own context. */
type SealedField = 'details' | 'experience' | 'notes';
const context = (field: SealedField, id: string) => `sessions.${field}:${id}`;

/** Keyed-hash purpose of SE7 (the duplicate rule compares hashes, never clear text). */
export const DETAILS_HASH_PURPOSE = 'session.details';

/**
 * SE7 as Facilita's duplicate rule (U23) compares it against services already loaded: every `"`
 * removed, trimmed, cut at 600 characters, case ignored.
 */
export const sessionDetailsHash = (cipher: FieldCipher, details: string): string =>
  cipher.lookupHash(cutText(details).toLowerCase(), DETAILS_HASH_PURPOSE);

/** SE7, the free text (also how the export reads it). */
export const openSessionDetails = (cipher: FieldCipher, id: string, sealed: string | null): string =>
  openOptional(cipher, sealed, context('details', id)) ?? '';
export const openSessionNotes = (cipher: FieldCipher, id: string, sealed: string | null): string =>
  openOptional(cipher, sealed, context('notes', id)) ?? '';
/** The questionnaire's answers (ES1–ES6) as stored. */
export const openExperience = (cipher: FieldCipher, id: string, sealed: string | null): Experience | null =>
  sealed === null ? null : cipher.decryptJson<Experience>(sealed, context('experience', id));

/**
 * A session's synced payload: `{ id, operatorId, citizenId, date, duration, serviceTypes,
 * competences, serviceAreas, details, outcome, followUp, experience, privateNotes, guideRunIds,
 * quick, reportable }`; a tombstone `{ deletedAt, reason }`; an erasure `{ erasedAt, erasedFields }`.
 */
export const SESSION: RecordModule<SessionRow> = {
  entity: 'session',
  table: 'sessions',
  columns(payload, op, id, { cipher, at }): Columns {
    if (op === 'delete')
      return { deleted_at: text(payload, 'deletedAt') ?? at, delete_reason: text(payload, 'reason') };
    const erasedAt = text(payload, 'erasedAt');
    if (erasedAt) return { details_enc: null, experience_enc: null, notes_enc: null, erased_at: erasedAt };
    const details = text(payload, 'details') ?? '';
    const experience = payload['experience'];
    return {
      quick: flag(payload, 'quick'),
      citizen_id: text(payload, 'citizenId'),
      date: text(payload, 'date'),
      duration_min: minutes(payload, 'duration'),
      se3: codes(payload, 'serviceTypes'),
      se5: codes(payload, 'competences'),
      se6: codes(payload, 'serviceAreas'),
      details_enc: sealOptional(cipher, details, context('details', id)),
      details_hash: sessionDetailsHash(cipher, details),
      outcome: text(payload, 'outcome'),
      reportable: flag(payload, 'reportable'),
      experience_enc: experience ? cipher.encryptJson(experience, context('experience', id)) : null,
      notes_enc: sealOptional(cipher, text(payload, 'privateNotes'), context('notes', id)),
      guide_run_ids: JSON.stringify(list(payload, 'guideRunIds')),
    };
  },
  /** session_areas: one row per SE6 area of a live session (the history's area filter reads it). */
  alsoWrite(db, id, payload, op) {
    if (op === 'upsert' && text(payload, 'erasedAt')) return;
    prepared(db, 'DELETE FROM session_areas WHERE session_id = ?').run(id);
    if (op === 'delete') return;
    const insert = prepared(db, 'INSERT INTO session_areas (session_id, area, date) VALUES (?, ?, ?)');
    for (const area of list(payload, 'serviceAreas')) insert.run(id, area, text(payload, 'date'));
  },
};
