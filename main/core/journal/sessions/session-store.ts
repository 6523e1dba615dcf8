import type { Site, SignedIn } from '../../../../shared/domain/journal/operators.ts';
import { durationText, minutesOf } from '../../../../shared/domain/journal/options.ts';
import type { Session, SessionData, SessionUpdate } from '../../../../shared/domain/journal/sessions.ts';
import { uuidv7 } from '../../../../shared/ids/uuid7.ts';
import { diffFields, readAudit } from '../audit.ts';
import { can, mayEdit, requireEditable } from '../auth/permissions.ts';
import { deleteWithTombstone } from '../tombstone.ts';
import type { CitizenStore } from '../citizens/citizen-store.ts';
import { joinCodes, localDate, refuse, splitCodes, splitNumbers, type JournalContext } from '../journal-context.ts';
import { writeVersion } from '../record-write.ts';
import { findRow } from '../records/record-kit.ts';
import {
  openExperience,
  openSessionDetails,
  openSessionNotes,
  SESSION,
  sessionDetailsHash,
  type SessionRow,
} from '../records/session.ts';
import { ensureCleanDetailsHashes } from './details-hashes.ts';
import { FollowUpStore } from './follow-ups.ts';
import { attachRuns, sessionRuns } from './guide-runs.ts';
import { canonicalAreas, canonicalCompetences, canonicalTypes, checkServiceDate } from './session-rules.ts';

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
    const row = findRow(this.#context.db(), SESSION, id);
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
    const earlier = input.attemptId ? this.#earlierAttempt(input.attemptId, actor.id) : undefined;
    if (earlier) return earlier;
    const today = localDate(this.#context.now());
    checkServiceDate(site, input.date, today, options);
    const fields = fieldsOf(input);
    const reportable = this.#reportable(fields.citizenId, site);
    const id = input.attemptId ?? uuidv7(this.#context.now().getTime());
    const detailsHash = this.#detailsHash(fields.details);
    // Outside the save's transaction: a refused save must not undo the redone hashes.
    ensureCleanDetailsHashes(this.#context.db(), this.#context.cipher());
    this.#context.db().transaction(() => {
      if (!input.confirmDuplicate) this.#refuseDuplicate(fields, detailsHash, null, actor.id);
      const at = this.#context.now().toISOString();
      writeVersion(this.#context, SESSION, {
        id,
        version: 1,
        mode: 'insert',
        payload: { id, operatorId: actor.id, ...fields, reportable },
        local: {
          operator_id: actor.id,
          started_at: input.startedAt,
          created_by: actor.id,
          created_at: at,
          updated_by: actor.id,
        },
        audit: { action: 'create', operatorId: actor.id },
      });
      attachRuns(this.#context, id, fields.guideRunIds);
      this.followUps.sync(id, fields.followUp);
      if (input.draftId) this.#context.db().prepare('DELETE FROM drafts WHERE id = ?').run(input.draftId);
    })();
    return { id, version: 1, reportable };
  }

  update(input: SessionUpdate, actor: SignedIn, site: Site): { id: string; version: number; reportable: boolean } {
    const row = this.row(input.id);
    if (row.deleted_at) throw refuse('NOT_FOUND', 'notFound', 'This session was deleted');
    requireEditable(actor, row.operator_id, 'sessions');
    if (row.version !== input.baseVersion)
      throw refuse('CONFLICT', 'staleVersion', 'Changed meanwhile', { version: row.version });
    const before = this.#fields(row);
    const fields = fieldsOf(input);
    const today = localDate(this.#context.now());
    checkServiceDate(site, input.date, today, { checkBackdating: input.date !== row.date });
    const reportable = this.#reportable(fields.citizenId, site);
    const detailsHash = this.#detailsHash(fields.details);
    ensureCleanDetailsHashes(this.#context.db(), this.#context.cipher());
    const version = row.version + 1;
    this.#context.db().transaction(() => {
      if (!input.confirmDuplicate) this.#refuseDuplicate(fields, detailsHash, row.id, row.operator_id);
      const changes = diffFields(before, fields);
      // Private notes stay out of the trail: it says they changed, not what they said.
      if (changes['privateNotes']) changes['privateNotes'] = ['…', '…'];
      writeVersion(this.#context, SESSION, {
        id: row.id,
        version,
        mode: 'update',
        payload: { id: row.id, operatorId: row.operator_id, ...fields, reportable },
        local: { updated_by: actor.id },
        audit: { action: 'edit', operatorId: actor.id, changes },
      });
      attachRuns(this.#context, row.id, fields.guideRunIds, before.guideRunIds);
      this.followUps.sync(row.id, fields.followUp);
    })();
    return { id: row.id, version, reportable };
  }

  /** A tombstone with its reason (coordinators only); the row stays so the hub learns of it. */
  delete(input: { id: string; baseVersion: number; reason: string }, actor: SignedIn): void {
    deleteWithTombstone(this.#context, {
      record: SESSION,
      input,
      actor,
      load: () => this.row(input.id),
      alsoInTransaction: (row) => {
        this.followUps.sync(row.id, null);
        attachRuns(this.#context, row.id, [], JSON.parse(row.guide_run_ids) as string[]);
      },
    });
  }

  get(id: string, actor: SignedIn, language = 'it'): Session {
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
      guideRuns: sessionRuns(this.#context, language, row.id),
      reportable: Boolean(row.reportable),
      quick: Boolean(row.quick),
      synced: row.synced_version !== null && row.synced_version >= row.version,
      exportedAt: row.exported_at,
      deleted: row.deleted_at !== null,
      canEdit: row.deleted_at === null && mayEdit(actor, row.operator_id, 'sessions'),
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
      details: openSessionDetails(cipher, row.id, row.details_enc),
      outcome: row.outcome,
      followUp: followUp && !followUp.done ? { dueDate: followUp.dueDate, reason: followUp.reason } : null,
      experience: openExperience(cipher, row.id, row.experience_enc),
      privateNotes: openSessionNotes(cipher, row.id, row.notes_enc),
      guideRunIds: JSON.parse(row.guide_run_ids) as string[],
      quick: Boolean(row.quick),
    } as Fields;
  }

  /** The session an earlier send of the same attempt saved: answered again, never saved twice. */
  #earlierAttempt(attemptId: string, actorId: string) {
    const row = findRow(this.#context.db(), SESSION, attemptId);
    if (!row) return undefined;
    if (row.operator_id !== actorId) throw refuse('CONFLICT', 'staleVersion', 'This attempt id is taken');
    return { id: row.id, version: row.version, reportable: row.reportable === 1 };
  }

  #detailsHash(details: string): string {
    return sessionDetailsHash(this.#context.cipher(), details);
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
