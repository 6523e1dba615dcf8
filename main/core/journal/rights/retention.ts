import type { Site, SignedIn } from '../../../../shared/domain/journal/operators.ts';
import { addDays, localDate, type JournalContext } from '../journal-context.ts';
import { eraseCitizenIn, eraseSessionTextIn } from './erasure.ts';
import type { SessionRow } from '../records/session.ts';

/**
 * Retention: identifying fields of sessions older than the site's retention period are erased,
 * but only once they were exported to Facilita (exported_at) and the hub holds their current
 * version (synced_version): nothing is erased that still has to leave the desk. A citizen is
 * erased once none of their sessions is newer than the period or still waiting.
 */
export const runRetention = (context: JournalContext, site: Site, actor: SignedIn) => {
  const cutoff = addDays(localDate(context.now()), -Math.round(site.retentionMonths * 30.44));
  const db = context.db();
  let sessions = 0;
  let citizens = 0;
  db.transaction(() => {
    const old = db
      .prepare(
        `SELECT id, version FROM sessions WHERE date < ? AND erased_at IS NULL AND exported_at IS NOT NULL
           AND synced_version IS NOT NULL AND synced_version >= version`,
      )
      .all(cutoff) as Pick<SessionRow, 'id' | 'version'>[];
    for (const session of old) eraseSessionTextIn(context, session.id, session.version, actor.id, 'retention');
    sessions = old.length;
    const people = db
      .prepare(
        `SELECT c.id FROM citizens c WHERE c.erased_at IS NULL AND c.synced_version IS NOT NULL
           AND EXISTS (SELECT 1 FROM sessions s WHERE s.citizen_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.citizen_id = c.id AND s.deleted_at IS NULL
                           AND (s.date >= ? OR s.erased_at IS NULL))`,
      )
      .pluck()
      .all(cutoff) as string[];
    for (const id of people)
      eraseCitizenIn(context, id, actor.id, 'retention', `retention ${site.retentionMonths} months`);
    citizens = people.length;
  })();
  return { sessions, citizens, at: context.now().toISOString() };
};
