/** Guide runs in the `guide_runs` table (migration 0030): one row per run, JSON for its lists. */
import type { Database } from 'better-sqlite3';
import { GuideRun } from '../../../shared/domain/guide-run.ts';
import { AppFailure } from '../rpc/app-failure.ts';

interface RunRow {
  id: string;
  guide_id: string;
  guide_version: string;
  language: string;
  state: string;
  current_step: string | null;
  missing_prerequisites: string;
  steps: string;
  outcome: string | null;
  outcome_reason: string | null;
  session_id: string | null;
  started_at: string;
  updated_at: string;
  ended_at: string | null;
}

// Rows are checked on the way out too: a row edited by hand or by a buggy migration becomes a
// clear failure here rather than a broken screen.
const fromRow = (row: RunRow): GuideRun =>
  GuideRun.parse({
    id: row.id,
    guideId: row.guide_id,
    guideVersion: row.guide_version,
    language: row.language,
    state: row.state,
    currentStep: row.current_step,
    missingPrerequisites: JSON.parse(row.missing_prerequisites) as unknown,
    steps: JSON.parse(row.steps) as unknown,
    outcome: row.outcome,
    outcomeReason: row.outcome_reason,
    sessionId: row.session_id,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    endedAt: row.ended_at,
  });

const toParams = (run: GuideRun) => ({
  id: run.id,
  guide_id: run.guideId,
  guide_version: run.guideVersion,
  language: run.language,
  state: run.state,
  current_step: run.currentStep,
  missing_prerequisites: JSON.stringify(run.missingPrerequisites),
  steps: JSON.stringify(run.steps),
  outcome: run.outcome,
  outcome_reason: run.outcomeReason,
  started_at: run.startedAt,
  updated_at: run.updatedAt,
  ended_at: run.endedAt,
});

export class RunStore {
  readonly #db: () => Database;

  constructor(db: () => Database) {
    this.#db = db;
  }

  insert(run: GuideRun): void {
    this.#db()
      .prepare(
        `INSERT INTO guide_runs (id, guide_id, guide_version, language, state, current_step, missing_prerequisites,
           steps, outcome, outcome_reason, started_at, updated_at, ended_at)
         VALUES (@id, @guide_id, @guide_version, @language, @state, @current_step, @missing_prerequisites,
           @steps, @outcome, @outcome_reason, @started_at, @updated_at, @ended_at)`,
      )
      .run(toParams(run));
  }

  /** Saves what a run step changed; session_id belongs to the journal and is never written here. */
  update(run: GuideRun): void {
    this.#db()
      .prepare(
        `UPDATE guide_runs SET state = @state, current_step = @current_step,
           missing_prerequisites = @missing_prerequisites, steps = @steps, outcome = @outcome,
           outcome_reason = @outcome_reason, updated_at = @updated_at, ended_at = @ended_at
         WHERE id = @id`,
      )
      .run(toParams(run));
  }

  get(id: string): GuideRun {
    const row = this.#db().prepare('SELECT * FROM guide_runs WHERE id = ?').get(id) as RunRow | undefined;
    if (!row) throw new AppFailure('NOT_FOUND', 'No such run', { reason: 'unknownRun', runId: id });
    return fromRow(row);
  }

  list(filter: 'unfinished' | 'all', limit: number): GuideRun[] {
    // IN, not <>, so SQLite can use the (state, updated_at) index.
    const where = filter === 'unfinished' ? "WHERE state IN ('checklist', 'running', 'paused')" : '';
    const rows = this.#db()
      .prepare(`SELECT * FROM guide_runs ${where} ORDER BY updated_at DESC, id DESC LIMIT ?`)
      .all(limit) as RunRow[];
    return rows.map(fromRow);
  }
}
