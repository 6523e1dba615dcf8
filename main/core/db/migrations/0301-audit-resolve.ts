import type { Migration } from '../migrate.ts';

/**
 * A resolved sync conflict is audited (action `resolve`, naming the operator who chose): the
 * action list is a CHECK of audit_log, which SQLite only changes by rebuilding the table.
 */
export const auditResolve: Migration = {
  version: 301,
  name: 'audit-resolve',
  up: (db) => {
    db.exec(`
      CREATE TABLE audit_log_next (
        seq          INTEGER PRIMARY KEY AUTOINCREMENT,
        entity       TEXT NOT NULL,
        record_id    TEXT NOT NULL,
        version      INTEGER NOT NULL,
        action       TEXT NOT NULL
                     CHECK (action IN ('create', 'edit', 'delete', 'erase', 'retention', 'export', 'resolve')),
        operator_id  TEXT,
        at           TEXT NOT NULL,
        changes_enc  TEXT
      ) STRICT;
      INSERT INTO audit_log_next (seq, entity, record_id, version, action, operator_id, at, changes_enc)
        SELECT seq, entity, record_id, version, action, operator_id, at, changes_enc FROM audit_log;
      DROP TABLE audit_log;
      ALTER TABLE audit_log_next RENAME TO audit_log;
      CREATE INDEX audit_by_record ON audit_log (entity, record_id, seq);
    `);
  },
};
