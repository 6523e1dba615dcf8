import type { Site, SignedIn } from '../../../../shared/domain/journal/operators.ts';
import { durationText, minutesOf } from '../../../../shared/domain/journal/options.ts';
import type { Experience, Session, SessionData, SessionUpdate } from '../../../../shared/domain/journal/sessions.ts';
import { uuidv7 } from '../../ids/uuid7.ts';
import { diffFields, readAudit, writeAudit } from '../audit.ts';
import { can, requireEditable } from '../auth/permissions.ts';
import { writeChange } from '../changes.ts';
import { deleteWithTombstone } from '../tombstone.ts';
import type { CitizenStore } from '../citizens/citizen-store.ts';
import {
  joinCodes,
  localDate,
  openOptional,
  refuse,
  sealOptional,
  splitCodes,
  splitNumbers,
  type JournalContext,
} from '../journal-context.ts';
import { FollowUpStore } from './follow-ups.ts';
import { attachRuns } from './guide-runs.ts';
import {
  canonicalAreas,
  canonicalCompetences,
  canonicalTypes,
  checkServiceDate,
  detailsLookupHash,
} from './session-rules.ts';
import { sessionContext, type SessionRow } from './session-row.ts';

/** The fields a person sees and edits; the audit trail compares these. */
type Fields = ReturnType<typeof fieldsOf>;

const fieldsOf = (input: SessionData) => ({
  citizenId: input.citizenId,
  date: input.date,
  duration: input.duration,
  serviceTypes: canonicalTypes(input.serviceTypes),
  competences: canonicalCompetences(input.competences),
  serviceAreas: canonicalAreas(input.serviceAreas),
  details: input.details,
  outcome: input.outcome,
  followUp: input.followUp,
  experience: input.experience,
  privateNotes: input.privateNotes,
  guideRunIds: input.guideRunIds,
  quick: input.quick,
});

export class SessionStore {
  readonly #context: JournalContext;
  readonly #citizens: CitizenStore;
  readonly followUps: FollowUpStore;

  constructor(context: JournalContext, citizens: CitizenStore) {
    this.#context = context;
    this.#citizens = citizens;
    this.followUps = new FollowUpStore(context, citizens);
  }

  row(id: string): SessionRow {
    const row = this.#context.db().prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
    if (!row) throw refuse('NOT_FOUND', 'notFound', 'No such session');
    return row;
  }

  /** `checkBackdating: false` only for generated data (demo, seed), never for people's input. */
  create(
    input: SessionData,
    actor: SignedIn,
    site: Site,
    options: { checkBackdating: boolean } = { checkBackdating: true },
  ): { id: string; version: number; reportable: boolean } {
    const today = localDate(this.#context.now());
    checkServiceDate(site, input.date, today, options);
    const fields = fieldsOf(input);
    const reportable = this.#reportable(fields.citizenId, site);
    const id = uuidv7(this.#context.now().getTime());
    const detailsHash = this.#detailsHash(fields.details);
    this.#context.db().transaction(() => {
      if (!input.confirmDuplicate) this.#refuseDuplicate(fields, detailsHash, null, actor.id);
      const at = this.#context.now().toISOString();
      this.#context
        .db()
        .prepare(
          `INSERT INTO sessions (id, version, quick, operator_id, citizen_id, date, duration_min, se3, se5, se6,
             details_enc, details_hash, outcome, reportable, experience_enc, notes_enc, guide_run_ids, started_at,
             created_by, created_at, updated_by, updated_at)
           VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          fields.quick ? 1 : 0,
          actor.id,
          ...this.#columns(id, fields, detailsHash, reportable),
          input.startedAt,
          actor.id,
          at,
          actor.id,
          at,
        );
      this.#writeAreas(id, fields);
      attachRuns(this.#context, id, fields.guideRunIds);
      this.followUps.sync(id, fields.followUp);
      if (input.draftId) this.#context.db().prepare('DELETE FROM drafts WHERE id = ?').run(input.draftId);
      writeChange(this.#context, 'session', id, 1, { id, operatorId: actor.id, ...fields, reportable });
      writeAudit(this.#context, {
        entity: 'session',
        recordId: id,
        version: 1,
        action: 'create',
        operatorId: actor.id,
      });
    })();
    return { id, version: 1, reportable };
  }

  update(input: SessionUpdate, actor: SignedIn, site: Site): { id: string; version: number; reportable: boolean } {
    const row = this.row(input.id);
    if (row.deleted_at) throw refuse('NOT_FOUND', 'notFound', 'This session was deleted');
    requireEditable(actor, row.operator_id);
    if (row.version !== input.baseVersion)
      throw refuse('CONFLICT', 'staleVersion', 'Changed meanwhile', { version: row.version });
    const before = this.#fields(row);
    const fields = fieldsOf(input);
    const today = localDate(this.#context.now());
    checkServiceDate(site, input.date, today, { checkBackdating: input.date !== row.date });
    const reportable = this.#reportable(fields.citizenId, site);
    const detailsHash = this.#detailsHash(fields.details);
    const version = row.version + 1;
    this.#context.db().transaction(() => {
      if (!input.confirmDuplicate) this.#refuseDuplicate(fields, detailsHash, row.id, row.operator_id);
      this.#context
        .db()
        .prepare(
          `UPDATE sessions SET version = ?, quick = ?, citizen_id = ?, date = ?, duration_min = ?, se3 = ?, se5 = ?, se6 = ?,
             details_enc = ?, details_hash = ?, outcome = ?, reportable = ?, experience_enc = ?, notes_enc = ?,
             guide_run_ids = ?, updated_by = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          version,
          fields.quick ? 1 : 0,
          ...this.#columns(row.id, fields, detailsHash, reportable),
          actor.id,
          this.#context.now().toISOString(),
          row.id,
        );
      this.#context.db().prepare('DELETE FROM session_areas WHERE session_id = ?').run(row.id);
      this.#writeAreas(row.id, fields);
      attachRuns(this.#context, row.id, fields.guideRunIds, before.guideRunIds);
      this.followUps.sync(row.id, fields.followUp);
      writeChange(this.#context, 'session', row.id, version, {
        id: row.id,
        operatorId: row.operator_id,
        ...fields,
        reportable,
      });
      const changes = diffFields(before, fields);
      // Private notes stay out of the trail: it says they changed, not what they said.
      if (changes['privateNotes']) changes['privateNotes'] = ['…', '…'];
      writeAudit(this.#context, {
        entity: 'session',
        recordId: row.id,
        version,
        action: 'edit',
        operatorId: actor.id,
        changes,
      });
    })();
    return { id: row.id, version, reportable };
  }

  /** A tombstone with its reason (coordinators only); the row stays so the hub learns of it. */
  delete(input: { id: string; baseVersion: number; reason: string }, actor: SignedIn): void {
    deleteWithTombstone(this.#context, {
      entity: 'session',
      input,
      actor,
      load: () => this.row(input.id),
      alsoInTransaction: (row) => {
        this.#context.db().prepare('DELETE FROM session_areas WHERE session_id = ?').run(row.id);
        this.followUps.sync(row.id, null);
        attachRuns(this.#context, row.id, [], JSON.parse(row.guide_run_ids) as string[]);
      },
    });
  }

  get(id: string, actor: SignedIn): Session {
    const row = this.row(id);
    const fields = this.#fields(row);
    const operatorName = this.#context
      .db()
      .prepare('SELECT name FROM operators WHERE id = ?')
      .pluck()
      .get(row.operator_id) as string;
    const citizenRow = row.citizen_id ? this.#citizens.row(row.citizen_id) : null;
    return {
      id: row.id,
      version: row.version,
      operatorId: row.operator_id,
      operatorName,
      citizenId: row.citizen_id,
      citizenName: citizenRow ? this.#citizens.displayName(citizenRow) : null,
      date: fields.date,
      duration: fields.duration,
      serviceTypes: fields.serviceTypes,
      competences: fields.competences,
      serviceAreas: fields.serviceAreas,
      details: fields.details,
      outcome: fields.outcome,
      followUp: this.followUps.forSession(row.id),
      experience: fields.experience,
      privateNotes: fields.privateNotes,
      guideRunIds: fields.guideRunIds,
      reportable: Boolean(row.reportable),
      quick: Boolean(row.quick),
      synced: row.synced_version !== null && row.synced_version >= row.version,
      exportedAt: row.exported_at,
      deleted: row.deleted_at !== null,
      canEdit: row.deleted_at === null && (row.operator_id === actor.id || can(actor.role, 'editOthersRecords')),
      canDelete: row.deleted_at === null && can(actor.role, 'deleteRecords'),
      audit: readAudit(this.#context, 'session', row.id),
    };
  }

  #fields(row: SessionRow): Fields {
    const cipher = this.#context.cipher();
    const followUp = this.followUps.forSession(row.id);
    return {
      citizenId: row.citizen_id,
      date: row.date,
      duration: durationText(row.duration_min),
      serviceTypes: splitCodes(row.se3),
      competences: splitNumbers(row.se5),
      serviceAreas: splitCodes(row.se6),
      details: openOptional(cipher, row.details_enc, sessionContext('details', row.id)) ?? '',
      outcome: row.outcome,
      followUp: followUp && !followUp.done ? { dueDate: followUp.dueDate, reason: followUp.reason } : null,
      experience: row.experience_enc
        ? cipher.decryptJson<Experience>(row.experience_enc, sessionContext('experience', row.id))
        : null,
      privateNotes: openOptional(cipher, row.notes_enc, sessionContext('notes', row.id)) ?? '',
      guideRunIds: JSON.parse(row.guide_run_ids) as string[],
      quick: Boolean(row.quick),
    } as Fields;
  }

  /** Columns citizen_id … guide_run_ids, in the order both INSERT and UPDATE use. */
  #columns(id: string, fields: Fields, detailsHash: string, reportable: boolean) {
    const cipher = this.#context.cipher();
    return [
      fields.citizenId,
      fields.date,
      minutesOf(fields.duration),
      joinCodes(fields.serviceTypes),
      joinCodes(fields.competences),
      joinCodes(fields.serviceAreas),
      sealOptional(cipher, fields.details, sessionContext('details', id)),
      detailsHash,
      fields.outcome,
      reportable ? 1 : 0,
      fields.experience ? cipher.encryptJson(fields.experience, sessionContext('experience', id)) : null,
      sealOptional(cipher, fields.privateNotes, sessionContext('notes', id)),
      JSON.stringify(fields.guideRunIds),
    ] as const;
  }

  #writeAreas(id: string, fields: Fields): void {
    const insert = this.#context.db().prepare('INSERT INTO session_areas (session_id, area, date) VALUES (?, ?, ?)');
    for (const area of fields.serviceAreas) insert.run(id, area, fields.date);
  }

  #detailsHash(details: string): string {
    return detailsLookupHash(this.#context.cipher(), details);
  }

  /** Reportable to Facilita: a known citizen with a valid codice fiscale of an admitted age. */
  #reportable(citizenId: string | null, site: Site): boolean {
    if (!citizenId) return false;
    const row = this.#citizens.row(citizenId);
    if (row.erased_at) throw refuse('CONFLICT', 'erased', 'This citizen was erased');
    return this.#citizens.view(row, site).reportable;
  }

  /**
   * Facilita's duplicate rule (U23) on one desk (one organisation, project and site): the same
   * citizen, SE1, SE2, SE3, facilitator, SE5, SE6 and SE7 as Facilita cleans it. The refusal names
   * the matching session (its date and who logged it), so the person can open it.
   */
  #refuseDuplicate(fields: Fields, detailsHash: string, exceptId: string | null, operatorId: string): void {
    if (!fields.citizenId) return;
    const duplicate = this.#context
      .db()
      .prepare(
        `SELECT s.id, s.date, o.name AS operatorName FROM sessions s JOIN operators o ON o.id = s.operator_id
          WHERE s.citizen_id = ? AND s.date = ? AND s.duration_min = ? AND s.se3 = ? AND s.se5 = ? AND s.se6 = ?
            AND s.details_hash = ? AND s.operator_id = ? AND s.deleted_at IS NULL AND s.id IS NOT ? LIMIT 1`,
      )
      .get(
        fields.citizenId,
        fields.date,
        minutesOf(fields.duration),
        joinCodes(fields.serviceTypes),
        joinCodes(fields.competences),
        joinCodes(fields.serviceAreas),
        detailsHash,
        operatorId,
        exceptId,
      ) as { id: string; date: string; operatorName: string } | undefined;
    if (duplicate)
      throw refuse('CONFLICT', 'duplicate', 'Facilita would reject this row as a duplicate', { ...duplicate });
  }
}
