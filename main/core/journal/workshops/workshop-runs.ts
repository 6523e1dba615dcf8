import { WORKSHOP_RUNS_MAX } from '../../../../shared/domain/journal/options.ts';
import type { WorkshopRun } from '../../../../shared/domain/journal/workshops.ts';
import { refuse, type JournalContext } from '../journal-context.ts';
import { guideTitleSql } from '../sessions/guide-runs.ts';

/** The workshop's run ids, as its row keeps them (a JSON list, oldest first). */
export const runIdsOf = (row: { guide_run_ids: string }): string[] => JSON.parse(row.guide_run_ids) as string[];

/**
 * The guides projected during a workshop, newest first, named by the title of the guide version
 * each run used, in the language it was run in. A run this desk does not hold (the workshop came
 * from another desk through the hub) is left out: it has no title to show here.
 */
export const workshopRuns = (context: JournalContext, ids: readonly string[]): WorkshopRun[] => {
  if (ids.length === 0) return [];
  return context
    .db()
    .prepare(
      `SELECT r.id, r.guide_id AS guideId, ${guideTitleSql('r.language')} AS title, r.started_at AS startedAt
       FROM guide_runs r LEFT JOIN guide_versions v ON v.guide_id = r.guide_id AND v.version = r.guide_version
       WHERE r.id IN (SELECT value FROM json_each(?))
       ORDER BY r.started_at DESC, r.id DESC`,
    )
    .all(JSON.stringify(ids)) as WorkshopRun[];
};

/** Refuses one more run when the workshop holds as many as its synced payload may carry. */
export const checkRoom = (ids: readonly string[]): void => {
  if (ids.length >= WORKSHOP_RUNS_MAX)
    throw refuse('CONFLICT', 'workshopRunsFull', 'This workshop holds as many guides as it may', {
      max: WORKSHOP_RUNS_MAX,
    });
};

/** Refuses a run this desk does not hold, one already the workshop's, or one past the payload's cap. */
export const checkNewRun = (context: JournalContext, ids: readonly string[], runId: string): void => {
  const known = context.db().prepare('SELECT 1 FROM guide_runs WHERE id = ?').pluck().get(runId);
  if (!known) throw refuse('NOT_FOUND', 'notFound', 'No such guide run', { runId });
  if (ids.includes(runId)) throw refuse('CONFLICT', 'runUnavailable', 'This run is already the workshop’s', { runId });
  checkRoom(ids);
};
