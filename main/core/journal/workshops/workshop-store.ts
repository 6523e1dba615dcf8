import type { z } from 'zod';
import type { Site, SignedIn } from '../../../../shared/domain/journal/operators.ts';
import { durationText } from '../../../../shared/domain/journal/options.ts';
import type { Workshop, WorkshopInput } from '../../../../shared/domain/journal/workshops.ts';
import { uuidv7 } from '../../../../shared/ids/uuid7.ts';
import { diffFields } from '../audit.ts';
import { mayEdit, requireEditable, requirePermission } from '../auth/permissions.ts';
import { deleteWithTombstone } from '../tombstone.ts';
import type { CitizenStore } from '../citizens/citizen-store.ts';
import { localDate, refuse, splitCodes, splitNumbers, type JournalContext } from '../journal-context.ts';
import { writeVersion } from '../record-write.ts';
import { PARTICIPANT, type ParticipantRow } from '../records/participant.ts';
import { findRow } from '../records/record-kit.ts';
import { openWorkshopDetails, WORKSHOP, type WorkshopRow } from '../records/workshop.ts';
import { checkNewRun, checkRoom, runIdsOf, workshopRuns } from './workshop-runs.ts';
import { canonicalAreas, canonicalCompetences, canonicalTypes, checkServiceDate } from '../sessions/session-rules.ts';

type Input = z.output<typeof WorkshopInput>;

const fieldsOf = (input: Input) => ({
  title: input.title,
  date: input.date,
  place: input.place,
  duration: input.duration,
  serviceTypes: canonicalTypes(input.serviceTypes),
  competences: canonicalCompetences(input.competences),
  serviceAreas: canonicalAreas(input.serviceAreas),
  details: input.details,
});

/**
 * Workshops: scheduled (possibly ahead of time), roster built from new or returning citizens,
 * people checked in on the day, then closed. Facilita gets one row per checked-in participant,
 * derived from the workshop's shared fields (SE1–SE7) by the export.
 */
export class WorkshopStore {
  readonly #context: JournalContext;
  readonly #citizens: CitizenStore;

  constructor(context: JournalContext, citizens: CitizenStore) {
    this.#context = context;
    this.#citizens = citizens;
  }

  create(input: Input, actor: SignedIn, site: Site): { id: string; version: number } {
    requirePermission(actor.role, 'manageWorkshops');
    this.#checkDate(site, input.date);
    const fields = fieldsOf(input);
    const id = uuidv7(this.#context.now().getTime());
    const at = this.#context.now().toISOString();
    this.#context.db().transaction(() => {
      writeVersion(this.#context, WORKSHOP, {
        id,
        version: 1,
        mode: 'insert',
        payload: { id, trainerId: actor.id, ...fields, guideRunIds: [], state: 'scheduled' },
        local: { trainer_id: actor.id, created_at: at, updated_by: actor.id },
        audit: { action: 'create', operatorId: actor.id },
      });
    })();
    return { id, version: 1 };
  }

  update(
    input: Input & { id: string; baseVersion: number },
    actor: SignedIn,
    site: Site,
  ): { id: string; version: number } {
    const row = this.#editable(input.id, actor);
    if (row.version !== input.baseVersion) throw refuse('CONFLICT', 'staleVersion', 'Changed meanwhile');
    this.#checkDate(site, input.date);
    const before = this.#fields(row);
    const fields = fieldsOf(input);
    const version = row.version + 1;
    this.#context.db().transaction(() => {
      writeVersion(this.#context, WORKSHOP, {
        id: row.id,
        version,
        mode: 'update',
        payload: { ...this.#payload(row, row.state), ...fields },
        local: { updated_by: actor.id },
        audit: { action: 'edit', operatorId: actor.id, changes: diffFields(before, fields) },
      });
    })();
    return { id: row.id, version };
  }

  addParticipant(workshopId: string, citizenId: string, actor: SignedIn, site: Site): Workshop {
    this.enrol(workshopId, citizenId, actor);
    return this.get(workshopId, actor, site);
  }

  /**
   * Puts a citizen on an open workshop's roster, once: false when they already were (a double
   * click, the same roster imported again). Inside the caller's transaction when there is one.
   */
  enrol(workshopId: string, citizenId: string, actor: SignedIn): boolean {
    this.#editable(workshopId, actor);
    const citizen = this.#citizens.row(citizenId);
    if (citizen.erased_at) throw refuse('CONFLICT', 'erased', 'This citizen was erased');
    const at = this.#context.now().toISOString();
    const id = uuidv7(this.#context.now().getTime());
    return this.#context.db().transaction(() => {
      if (this.onRoster(workshopId, citizenId)) return false;
      writeVersion(this.#context, PARTICIPANT, {
        id,
        version: 1,
        mode: 'insert',
        payload: { id, workshopId, citizenId, checkedIn: false },
        local: { workshop_id: workshopId, citizen_id: citizenId, created_at: at },
        audit: { action: 'create', operatorId: actor.id },
      });
      return true;
    })();
  }

  onRoster(workshopId: string, citizenId: string): boolean {
    return (
      this.#context
        .db()
        .prepare('SELECT 1 FROM workshop_participants WHERE workshop_id = ? AND citizen_id = ?')
        .pluck()
        .get(workshopId, citizenId) !== undefined
    );
  }

  /** Refuses before anything is read from a file when the roster cannot change (closed, someone else's). */
  requireOpen(workshopId: string, actor: SignedIn): void {
    this.#editable(workshopId, actor);
  }

  checkIn(workshopId: string, participantId: string, checkedIn: boolean, actor: SignedIn, site: Site): Workshop {
    this.#editable(workshopId, actor);
    const row = findRow(this.#context.db(), PARTICIPANT, participantId);
    if (!row || row.workshop_id !== workshopId) throw refuse('NOT_FOUND', 'notFound', 'No such participant');
    this.#context.db().transaction(() => {
      writeVersion(this.#context, PARTICIPANT, {
        id: row.id,
        version: row.version + 1,
        mode: 'update',
        payload: { id: row.id, workshopId, citizenId: row.citizen_id, checkedIn },
        audit: {
          action: 'edit',
          operatorId: actor.id,
          changes: { checkedIn: [row.checked_in_at !== null, checkedIn] },
        },
      });
    })();
    return this.get(workshopId, actor, site);
  }

  /** Refuses, before anything starts, a run for a workshop this actor may not change now, or one full of runs. */
  requireRoomForRun(workshopId: string, actor: SignedIn): void {
    checkRoom(runIdsOf(this.#editable(workshopId, actor)));
  }

  /** The guide run a trainer started on the projector becomes the workshop's (a new, synced version). */
  attachRun(workshopId: string, runId: string, actor: SignedIn, site: Site): Workshop {
    this.#context.db().transaction(() => {
      const row = this.#editable(workshopId, actor);
      const before = runIdsOf(row);
      checkNewRun(this.#context, before, runId);
      const after = [...before, runId];
      writeVersion(this.#context, WORKSHOP, {
        id: row.id,
        version: row.version + 1,
        mode: 'update',
        payload: { ...this.#payload(row, row.state), guideRunIds: after },
        local: { updated_by: actor.id },
        audit: { action: 'edit', operatorId: actor.id, changes: { guideRunIds: [before, after] } },
      });
    })();
    return this.get(workshopId, actor, site);
  }

  close(workshopId: string, actor: SignedIn, site: Site): Workshop {
    return this.#setState(this.#editable(workshopId, actor), 'closed', actor, site);
  }

  /** Undoes a close made by mistake, until the workshop's rows are exported (then Facilita has them). */
  reopen(workshopId: string, actor: SignedIn, site: Site): Workshop {
    const row = this.#row(workshopId);
    if (row.deleted_at) throw refuse('NOT_FOUND', 'notFound', 'This workshop was deleted');
    requireEditable(actor, row.trainer_id, 'workshops');
    if (row.state !== 'closed') throw refuse('CONFLICT', 'workshopNotClosed', 'The workshop is not closed');
    if (row.exported_at !== null)
      throw refuse('CONFLICT', 'workshopExported', 'The workshop went to Facilita: it can no longer be reopened');
    return this.#setState(row, 'scheduled', actor, site);
  }

  #setState(row: WorkshopRow, state: WorkshopRow['state'], actor: SignedIn, site: Site): Workshop {
    this.#context.db().transaction(() => {
      writeVersion(this.#context, WORKSHOP, {
        id: row.id,
        version: row.version + 1,
        mode: 'update',
        payload: this.#payload(row, state),
        local: { updated_by: actor.id },
        audit: { action: 'edit', operatorId: actor.id, changes: { state: [row.state, state] } },
      });
    })();
    return this.get(row.id, actor, site);
  }

  delete(input: { id: string; baseVersion: number; reason: string }, actor: SignedIn): void {
    deleteWithTombstone(this.#context, { record: WORKSHOP, input, actor, load: () => this.#row(input.id) });
  }

  get(id: string, actor: SignedIn, site: Site): Workshop {
    const row = this.#row(id);
    const fields = this.#fields(row);
    const trainer = this.#context
      .db()
      .prepare('SELECT name FROM operators WHERE id = ?')
      .pluck()
      .get(row.trainer_id) as string;
    const participants = (
      this.#context
        .db()
        .prepare(
          'SELECT id, citizen_id, checked_in_at FROM workshop_participants WHERE workshop_id = ? ORDER BY created_at',
        )
        .all(id) as Pick<ParticipantRow, 'id' | 'citizen_id' | 'checked_in_at'>[]
    ).map((participant) => {
      const citizen = this.#citizens.row(participant.citizen_id);
      const view = this.#citizens.view(citizen, site);
      return {
        id: participant.id,
        citizenId: participant.citizen_id,
        // Someone added on arrival by codice fiscale alone is shown by it until the profile has names.
        name: this.#citizens.displayName(citizen) ?? view.codiceFiscale ?? '—',
        reportable: view.reportable,
        profileComplete: view.profileComplete,
        checkedIn: participant.checked_in_at !== null,
      };
    });
    const rows = participants.filter((participant) => participant.checkedIn && participant.reportable).length;
    return {
      id: row.id,
      version: row.version,
      trainerName: trainer,
      ...fields,
      state: row.state,
      participants,
      guideRuns: workshopRuns(this.#context, runIdsOf(row)),
      facilitaRows: row.state === 'closed' ? rows : 0,
      rowsIfClosed: rows,
      canEdit: row.deleted_at === null && mayEdit(actor, row.trainer_id, 'workshops'),
      canReopen:
        row.state === 'closed' &&
        row.exported_at === null &&
        row.deleted_at === null &&
        mayEdit(actor, row.trainer_id, 'workshops'),
    };
  }

  #checkDate(site: Site, date: string): void {
    // A workshop may be scheduled ahead: only the project dates and the cut-off apply.
    const today = localDate(this.#context.now());
    checkServiceDate(site, date, date > today ? date : today, { checkBackdating: false });
  }

  #row(id: string): WorkshopRow {
    const row = findRow(this.#context.db(), WORKSHOP, id);
    if (!row) throw refuse('NOT_FOUND', 'notFound', 'No such workshop');
    return row;
  }

  #editable(id: string, actor: SignedIn): WorkshopRow {
    const row = this.#row(id);
    if (row.deleted_at) throw refuse('NOT_FOUND', 'notFound', 'This workshop was deleted');
    requireEditable(actor, row.trainer_id, 'workshops');
    if (row.state === 'closed') throw refuse('CONFLICT', 'workshopClosed', 'The workshop is closed');
    return row;
  }

  /** The synced payload of the row as it is, in `state`: every write carries every field. */
  #payload(row: WorkshopRow, state: WorkshopRow['state']) {
    return { id: row.id, trainerId: row.trainer_id, ...this.#fields(row), guideRunIds: runIdsOf(row), state };
  }

  #fields(row: WorkshopRow) {
    return {
      title: row.title,
      date: row.date,
      place: row.place,
      duration: durationText(row.duration_min),
      serviceTypes: splitCodes(row.se3),
      competences: splitNumbers(row.se5),
      serviceAreas: splitCodes(row.se6),
      details: openWorkshopDetails(this.#context.cipher(), row.id, row.details_enc),
    };
  }
}
