import type { GuideRunChoice } from '../../../../shared/domain/journal/sessions.ts';
import { refuse, type JournalContext } from '../journal-context.ts';

/**
 * A run's guide title from the version it used (guide_versions.content), in `language` (an SQL
 * expression), else Italian, else the guide's id: runs are named as a person would, never by id.
 */
export const guideTitleSql = (language: string): string =>
  `coalesce(json_extract(v.content, '$.texts.' || ${language} || '.title'), json_extract(v.content, '$.texts.it.title'), r.guide_id)`;

type RunRow = {
  id: string;
  guide_id: string;
  outcome: string | null;
  ended_at: string | null;
  title: string;
  areas: string | null;
  competences: string | null;
};

/**
 * Finished guide runs as a session shows them. Titles and the Facilita codes come from the guide
 * version the run used (guide_versions.content), in the desk's language, so a session is pre-filled
 * with exactly what the citizen went through and names each run as a person would.
 */
const runChoices = (context: JournalContext, language: string, where: string, ...args: string[]): GuideRunChoice[] => {
  const rows = context
    .db()
    .prepare(
      `SELECT r.id, r.guide_id, r.outcome, r.ended_at,
              ${guideTitleSql('?')} AS title,
              json_extract(v.content, '$.meta.serviceAreas') AS areas,
              json_extract(v.content, '$.meta.competences') AS competences
       FROM guide_runs r LEFT JOIN guide_versions v ON v.guide_id = r.guide_id AND v.version = r.guide_version
       WHERE r.state = 'finished' AND ${where}
       ORDER BY r.ended_at DESC LIMIT 20`,
    )
    .all(language, ...args) as RunRow[];
  return rows.map((row) => ({
    id: row.id,
    guideId: row.guide_id,
    title: row.title,
    outcome: row.outcome,
    endedAt: row.ended_at,
    serviceAreas: row.areas ? (JSON.parse(row.areas) as string[]) : [],
    competences: row.competences ? (JSON.parse(row.competences) as number[]) : [],
  }));
};

/** Finished runs that no session holds yet: what a new session can take. */
export const availableRuns = (context: JournalContext, language: string): GuideRunChoice[] =>
  runChoices(context, language, 'r.session_id IS NULL');

/** The runs a session holds, named and with their outcome (never their ids). */
export const sessionRuns = (context: JournalContext, language: string, sessionId: string): GuideRunChoice[] =>
  runChoices(context, language, 'r.session_id = ?', sessionId);

/** Inside the session's transaction: the runs become this session's (and only this one's). */
export const attachRuns = (
  context: JournalContext,
  sessionId: string,
  runIds: readonly string[],
  previous: readonly string[] = [],
): void => {
  const db = context.db();
  const at = context.now().toISOString();
  for (const runId of previous.filter((id) => !runIds.includes(id))) {
    db.prepare('UPDATE guide_runs SET session_id = NULL, updated_at = ? WHERE id = ? AND session_id = ?').run(
      at,
      runId,
      sessionId,
    );
  }
  for (const runId of runIds.filter((id) => !previous.includes(id))) {
    const changed = db
      .prepare(
        `UPDATE guide_runs SET session_id = ?, updated_at = ? WHERE id = ? AND state = 'finished' AND session_id IS NULL`,
      )
      .run(sessionId, at, runId).changes;
    if (changed !== 1)
      throw refuse('CONFLICT', 'runUnavailable', 'This guide run is not finished or already attached', { runId });
  }
};
