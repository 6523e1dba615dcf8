import type { RecentCitizen } from '../../../../shared/domain/journal/citizens.ts';
import type { Site } from '../../../../shared/domain/journal/operators.ts';
import { addDays, localDate, type JournalContext } from '../journal-context.ts';
import type { CitizenRow } from '../records/citizen.ts';
import type { CitizenStore } from './citizen-store.ts';

/** A short list, read at a glance at the counter: this many at most, seen in this many days. */
const RECENT_SHOWN = 8;
const RECENT_DAYS = 7;

/**
 * The citizens the desk saw lately, for the quick log: those with a live session in the last days
 * or registered today (checked in at the door, not yet served), the one the desk dealt with last
 * first (the session or registration written last, whatever day it is dated), never an
 * erased one. `onlyOf` is an operator whose own sessions and registrations alone count (a
 * volunteer or trainer: shared/contract/access.ts); names are decrypted for these few rows only.
 */
export const recentCitizens = (
  context: JournalContext,
  citizens: CitizenStore,
  site: Site,
  onlyOf: string | null,
): RecentCitizen[] => {
  const today = localDate(context.now());
  const rows = context
    .db()
    .prepare(
      `SELECT c.*, max(seen.day) AS last_seen FROM (
         SELECT citizen_id AS id, date AS day, created_at AS at FROM sessions INDEXED BY sessions_history
          WHERE deleted_at IS NULL AND date >= @since AND citizen_id IS NOT NULL
            AND (@only IS NULL OR operator_id = @only)
         UNION ALL
         SELECT id, @today, created_at FROM citizens
          WHERE created_at >= @todayStart AND (@only IS NULL OR created_by = @only)
       ) seen JOIN citizens c ON c.id = seen.id
       WHERE c.erased_at IS NULL
       GROUP BY c.id ORDER BY max(seen.at) DESC, c.id DESC LIMIT ${RECENT_SHOWN}`,
    )
    .all({
      since: addDays(today, -RECENT_DAYS),
      today,
      todayStart: new Date(`${today}T00:00:00`).toISOString(),
      only: onlyOf,
    }) as (CitizenRow & { last_seen: string })[];
  return rows.map((row) => ({
    id: row.id,
    name: citizens.displayName(row) ?? '',
    reportable: citizens.view(row, site).reportable,
    lastSeen: row.last_seen,
  }));
};
