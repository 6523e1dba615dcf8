import type { Migration } from '../migrate.ts';

/**
 * The audit trail (who, when, what changed, for every version of a journal record; the changes
 * may hold personal data, so they are encrypted) and drafts: a session form saved as it is typed,
 * so a crash or a restart never loses it. Drafts are local to the desk and never synced.
 */
export const auditDrafts: Migration = {
  version: 80,
  name: 'audit-drafts',
  up: (db) => {
    db.exec(`
      CREATE TABLE audit_log (
        seq          INTEGER PRIMARY KEY AUTOINCREMENT,
        entity       TEXT NOT NULL,
        record_id    TEXT NOT NULL,
        version      INTEGER NOT NULL,
        action       TEXT NOT NULL CHECK (action IN ('create', 'edit', 'delete', 'erase', 'retention', 'export')),
        operator_id  TEXT,
        at           TEXT NOT NULL,
        changes_enc  TEXT
      ) STRICT;
      CREATE INDEX audit_by_record ON audit_log (entity, record_id, seq);

      CREATE TABLE drafts (
        id           TEXT PRIMARY KEY NOT NULL,
        operator_id  TEXT NOT NULL REFERENCES operators (id),
        form_enc     TEXT NOT NULL,
        started_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
    `);
  },
};
