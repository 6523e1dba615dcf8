import type { z } from 'zod';
import type { Site, SignedIn } from '../../../../shared/domain/journal/operators.ts';
import { durationText, minutesOf } from '../../../../shared/domain/journal/options.ts';
import type { Workshop, WorkshopInput } from '../../../../shared/domain/journal/workshops.ts';
import { uuidv7 } from '../../ids/uuid7.ts';
import { diffFields, writeAudit } from '../audit.ts';
import { mayEdit, requireEditable, requirePermission } from '../auth/permissions.ts';
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
import { canonicalAreas, canonicalCompetences, canonicalTypes, checkServiceDate } from '../sessions/session-rules.ts';

type Input = z.output<typeof WorkshopInput>;

interface WorkshopRow {
  id: string;
  version: number;
  trainer_id: string;
  title: string;
  date: string;
  place: string;
  duration_min: number;
  se3: string;
  se5: string;
  se6: string;
  details_enc: string | null;
  state: 'scheduled' | 'closed';
  deleted_at: string | null;
}

export const detailsContext = (id: string) => `workshops.details:${id}`;

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
      this.#context
        .db()
        .prepare(
          `INSERT INTO workshops (id, version, trainer_id, title, date, place, duration_min, se3, se5, se6, details_enc,
             created_at, updated_by, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, actor.id, ...this.#columns(id, fields), at, actor.id, at);
      writeChange(this.#context, 'workshop', id, 1, { id, trainerId: actor.id, ...fields, state: 'scheduled' });
      writeAudit(this.#context, {
        entity: 'workshop',
        recordId: id,
        version: 1,
        action: 'create',
        operatorId: actor.id,
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
      this.#context
        .db()
        .prepare(
          `UPDATE workshops SET version = ?, title = ?, date = ?, place = ?, duration_min = ?, se3 = ?, se5 = ?, se6 = ?,
             details_enc = ?, updated_by = ?, updated_at = ? WHERE id = ?`,
        )
        .run(version, ...this.#columns(row.id, fields), actor.id, this.#context.now().toISOString(), row.id);
      writeChange(this.#context, 'workshop', row.id, version, {
        id: row.id,
        trainerId: row.trainer_id,
        ...fields,
        state: row.state,
      });
      writeAudit(this.#context, {
        entity: 'workshop',
        recordId: row.id,
        version,
        action: 'edit',
        operatorId: actor.id,
        changes: diffFields(before, fields),
      });
    })();
    return { id: row.id, version };
  }

  addParticipant(workshopId: string, citizenId: string, actor: SignedIn, site: Site): Workshop {
    this.#editable(workshopId, actor);
    const citizen = this.#citizens.row(citizenId);
    if (citizen.erased_at) throw refuse('CONFLICT', 'erased', 'This citizen was erased');
    const at = this.#context.now().toISOString();
    const id = uuidv7(this.#context.now().getTime());
    this.#context.db().transaction(() => {
      const inserted = this.#context
        .db()
        .prepare(
          `INSERT INTO workshop_participants (id, version, workshop_id, citizen_id, created_at, updated_at)
           VALUES (?, 1, ?, ?, ?, ?) ON CONFLICT (workshop_id, citizen_id) DO NOTHING`,
        )
        .run(id, workshopId, citizenId, at, at).changes;
      if (inserted) writeChange(this.#context, 'participant', id, 1, { id, workshopId, citizenId, checkedIn: false });
    })();
    return this.get(workshopId, actor, site);
  }

  checkIn(workshopId: string, participantId: string, checkedIn: boolean, actor: SignedIn, site: Site): Workshop {
    this.#editable(workshopId, actor);
    const row = this.#context
      .db()
      .prepare('SELECT * FROM workshop_participants WHERE id = ? AND workshop_id = ?')
      .get(participantId, workshopId) as { id: string; version: number; citizen_id: string } | undefined;
    if (!row) throw refuse('NOT_FOUND', 'notFound', 'No such participant');
    const at = this.#context.now().toISOString();
    this.#context.db().transaction(() => {
      this.#context
        .db()
        .prepare('UPDATE workshop_participants SET version = ?, checked_in_at = ?, updated_at = ? WHERE id = ?')
        .run(row.version + 1, checkedIn ? at : null, at, row.id);
      writeChange(this.#context, 'participant', row.id, row.version + 1, {
        id: row.id,
        workshopId,
        citizenId: row.citizen_id,
        checkedIn,
      });
    })();
    return this.get(workshopId, actor, site);
  }

  close(workshopId: string, actor: SignedIn, site: Site): Workshop {
    const row = this.#editable(workshopId, actor);
    const version = row.version + 1;
    this.#context.db().transaction(() => {
      this.#context
        .db()
        .prepare("UPDATE workshops SET version = ?, state = 'closed', updated_by = ?, updated_at = ? WHERE id = ?")
        .run(version, actor.id, this.#context.now().toISOString(), row.id);
      writeChange(this.#context, 'workshop', row.id, version, {
        id: row.id,
        trainerId: row.trainer_id,
        ...this.#fields(row),
        state: 'closed',
      });
      writeAudit(this.#context, {
        entity: 'workshop',
        recordId: row.id,
        version,
        action: 'edit',
        operatorId: actor.id,
        changes: { state: ['scheduled', 'closed'] },
      });
    })();
    return this.get(workshopId, actor, site);
  }

  delete(input: { id: string; baseVersion: number; reason: string }, actor: SignedIn): void {
    deleteWithTombstone(this.#context, { entity: 'workshop', input, actor, load: () => this.#row(input.id) });
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
        .all(id) as { id: string; citizen_id: string; checked_in_at: string | null }[]
    ).map((participant) => {
      const citizen = this.#citizens.row(participant.citizen_id);
      return {
        id: participant.id,
        citizenId: participant.citizen_id,
        name: this.#citizens.displayName(citizen) ?? '—',
        reportable: this.#citizens.view(citizen, site).reportable,
        checkedIn: participant.checked_in_at !== null,
      };
    });
    return {
      id: row.id,
      version: row.version,
      trainerName: trainer,
      ...fields,
      state: row.state,
      participants,
      facilitaRows: row.state === 'closed' ? participants.filter((p) => p.checkedIn && p.reportable).length : 0,
      canEdit: row.deleted_at === null && mayEdit(actor, row.trainer_id, 'workshops'),
    };
  }

  #checkDate(site: Site, date: string): void {
    // A workshop may be scheduled ahead: only the project dates and the cut-off apply.
    const today = localDate(this.#context.now());
    checkServiceDate(site, date, date > today ? date : today, { checkBackdating: false });
  }

  #row(id: string): WorkshopRow {
    const row = this.#context.db().prepare('SELECT * FROM workshops WHERE id = ?').get(id) as WorkshopRow | undefined;
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

  #fields(row: WorkshopRow) {
    return {
      title: row.title,
      date: row.date,
      place: row.place,
      duration: durationText(row.duration_min),
      serviceTypes: splitCodes(row.se3),
      competences: splitNumbers(row.se5),
      serviceAreas: splitCodes(row.se6),
      details: openOptional(this.#context.cipher(), row.details_enc, detailsContext(row.id)) ?? '',
    };
  }

  #columns(id: string, fields: ReturnType<typeof fieldsOf>) {
    return [
      fields.title,
      fields.date,
      fields.place,
      minutesOf(fields.duration),
      joinCodes(fields.serviceTypes),
      joinCodes(fields.competences),
      joinCodes(fields.serviceAreas),
      sealOptional(this.#context.cipher(), fields.details, detailsContext(id)),
    ] as const;
  }
}
