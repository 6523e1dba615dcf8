import type { FieldCipher } from '../../crypto/field-cipher.ts';
import { openOptional, sealOptional } from '../journal-context.ts';
import { codes, list, minutes, text, type Columns, type RecordModule } from './record-kit.ts';

export interface WorkshopRow {
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
  /** JSON list of the guide runs projected during the workshop (migration 0395), oldest first. */
  guide_run_ids: string;
  state: 'scheduled' | 'closed';
  deleted_at: string | null;
  exported_at: string | null;
  synced_version: number | null;
}

const detailsContext = (id: string) => `workshops.details:${id}`;

/** SE7 of a workshop, shared by every participant's Facilita row. */
export const openWorkshopDetails = (cipher: FieldCipher, id: string, sealed: string | null): string =>
  openOptional(cipher, sealed, detailsContext(id)) ?? '';

/**
 * A workshop's synced payload: `{ id, trainerId, title, date, place, duration, serviceTypes,
 * competences, serviceAreas, details, guideRunIds, state }`; a tombstone `{ deletedAt, reason }`.
 */
export const WORKSHOP: RecordModule<WorkshopRow> = {
  entity: 'workshop',
  table: 'workshops',
  columns(payload, op, id, { cipher, at }): Columns {
    if (op === 'delete')
      return { deleted_at: text(payload, 'deletedAt') ?? at, delete_reason: text(payload, 'reason') };
    return {
      title: text(payload, 'title'),
      date: text(payload, 'date'),
      place: text(payload, 'place'),
      duration_min: minutes(payload, 'duration'),
      se3: codes(payload, 'serviceTypes'),
      se5: codes(payload, 'competences'),
      se6: codes(payload, 'serviceAreas'),
      details_enc: sealOptional(cipher, text(payload, 'details'), detailsContext(id)),
      guide_run_ids: JSON.stringify(list(payload, 'guideRunIds')),
      state: text(payload, 'state') ?? 'scheduled',
    };
  },
};
