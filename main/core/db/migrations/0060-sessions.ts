import type { Migration } from '../migrate.ts';

/**
 * Assisted sessions, their service areas (one row per SE6 code, so "sessions about pagoPA" is
 * an index range) and follow-up tasks. Multi-valued Facilita codes are stored joined with ':'
 * exactly as the CSV wants them. SE7 details, ES answers and private notes are encrypted
 * (free text may name people); `details_hash` (keyed HMAC) lets the duplicate rule compare SE7.
 *
 * `exported_at` is set by the Facilita export, `synced_version` by the sync engine once the hub
 * acknowledged that version ("not yet synced" = synced_version IS NULL OR < version).
 * History indexes are partial on live rows: every history query says `deleted_at IS NULL`.
 */
export const sessions: Migration = {
  version: 60,
  name: 'sessions',
  up: (db) => {
    db.exec(`
      CREATE TABLE sessions (
        id              TEXT PRIMARY KEY NOT NULL,
        version         INTEGER NOT NULL CHECK (version >= 1),
        quick           INTEGER NOT NULL DEFAULT 0 CHECK (quick IN (0, 1)),
        operator_id     TEXT NOT NULL REFERENCES operators (id),
        citizen_id      TEXT REFERENCES citizens (id),
        date            TEXT NOT NULL,
        duration_min    INTEGER NOT NULL CHECK (duration_min > 0),
        se3             TEXT NOT NULL,
        se5             TEXT NOT NULL,
        se6             TEXT NOT NULL,
        details_enc     TEXT,
        details_hash    TEXT NOT NULL,
        outcome         TEXT NOT NULL CHECK (outcome IN ('resolved', 'partial', 'notResolved', 'referred')),
        reportable      INTEGER NOT NULL CHECK (reportable IN (0, 1)),
        experience_enc  TEXT,
        notes_enc       TEXT,
        guide_run_ids   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(guide_run_ids)),
        started_at      TEXT,
        created_by      TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_by      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        deleted_at      TEXT,
        deleted_by      TEXT,
        delete_reason   TEXT,
        exported_at     TEXT,
        synced_version  INTEGER,
        erased_at       TEXT
      ) STRICT;

      CREATE INDEX sessions_history ON sessions (date DESC, id DESC) WHERE deleted_at IS NULL;
      CREATE INDEX sessions_by_operator ON sessions (operator_id, date DESC, id DESC) WHERE deleted_at IS NULL;
      CREATE INDEX sessions_by_outcome ON sessions (outcome, date DESC, id DESC) WHERE deleted_at IS NULL;
      CREATE INDEX sessions_by_reportable ON sessions (reportable, date DESC, id DESC) WHERE deleted_at IS NULL;
      CREATE INDEX sessions_unsynced ON sessions (date DESC, id DESC)
        WHERE deleted_at IS NULL AND (synced_version IS NULL OR synced_version < version);
      CREATE INDEX sessions_by_citizen ON sessions (citizen_id, date DESC) WHERE citizen_id IS NOT NULL;

      CREATE TABLE session_areas (
        session_id TEXT NOT NULL REFERENCES sessions (id),
        area       TEXT NOT NULL,
        date       TEXT NOT NULL,
        PRIMARY KEY (session_id, area)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX session_areas_history ON session_areas (area, date DESC, session_id DESC);

      CREATE TABLE follow_ups (
        id              TEXT PRIMARY KEY NOT NULL,
        version         INTEGER NOT NULL CHECK (version >= 1),
        session_id      TEXT NOT NULL REFERENCES sessions (id),
        due_date        TEXT NOT NULL,
        reason_enc      TEXT,
        done_at         TEXT,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        deleted_at      TEXT,
        synced_version  INTEGER
      ) STRICT;
      CREATE INDEX follow_ups_open ON follow_ups (due_date) WHERE done_at IS NULL AND deleted_at IS NULL;
      CREATE INDEX follow_ups_by_session ON follow_ups (session_id);
    `);
  },
};
