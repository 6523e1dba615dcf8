import { prepared } from '../../db/statements.ts';
import type { RecordModule } from './record-kit.ts';

export interface ParticipantRow {
  id: string;
  version: number;
  workshop_id: string;
  citizen_id: string;
  checked_in_at: string | null;
  created_at: string;
  synced_version: number | null;
}

/**
 * A workshop participant's synced payload: `{ id, workshopId, citizenId, checkedIn }`. The
 * check-in time stays the desk's: a participant already checked in keeps theirs.
 */
export const PARTICIPANT: RecordModule<ParticipantRow> = {
  entity: 'participant',
  table: 'workshop_participants',
  columns(payload, op, id, { db, at }) {
    if (op === 'delete' || payload['checkedIn'] !== true) return { checked_in_at: null };
    const current = prepared(db, 'SELECT checked_in_at FROM workshop_participants WHERE id = ?').pluck().get(id) as
      string | null | undefined;
    return { checked_in_at: current ?? at };
  },
};
