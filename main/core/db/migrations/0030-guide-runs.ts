import type { Migration } from '../migrate.ts';

/**
 * Guide runs (one citizen following one guide) and the guide versions they were started with.
 *
 * `guide_versions` keeps the content of every pack version a run used, so a paused run resumes
 * on the exact steps it began with even after the library received a newer version. Runs hold
 * only ids and codes (no free text about the person); `session_id` is set by the journal.
 */
export const guideRuns: Migration = {
  version: 30,
  name: 'guide-runs',
  up: (db) => {
    db.exec(`
      CREATE TABLE guide_versions (
        guide_id   TEXT NOT NULL,
        version    TEXT NOT NULL,
        content    TEXT NOT NULL CHECK (json_valid(content)),
        stored_at  TEXT NOT NULL,
        PRIMARY KEY (guide_id, version)
      ) STRICT;

      CREATE TABLE guide_runs (
        id                    TEXT PRIMARY KEY NOT NULL,
        guide_id              TEXT NOT NULL,
        guide_version         TEXT NOT NULL,
        language              TEXT NOT NULL,
        state                 TEXT NOT NULL CHECK (state IN ('checklist', 'running', 'paused', 'finished')),
        current_step          TEXT,
        missing_prerequisites TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(missing_prerequisites)),
        steps                 TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(steps)),
        outcome               TEXT CHECK (outcome IN ('completed', 'partial', 'notCompleted')),
        outcome_reason        TEXT CHECK (outcome_reason IN
                                ('missingDocument', 'noPhoneOrSim', 'noEmail', 'serviceDown', 'citizenDeclined', 'other')),
        session_id            TEXT,
        started_at            TEXT NOT NULL,
        updated_at            TEXT NOT NULL,
        ended_at              TEXT,
        FOREIGN KEY (guide_id, guide_version) REFERENCES guide_versions (guide_id, version)
      ) STRICT;

      -- "Runs to resume": the unfinished ones, newest first.
      CREATE INDEX guide_runs_state_updated ON guide_runs (state, updated_at DESC);
      CREATE INDEX guide_runs_session ON guide_runs (session_id) WHERE session_id IS NOT NULL;
    `);
  },
};
