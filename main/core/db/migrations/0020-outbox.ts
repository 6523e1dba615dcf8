import type { Migration } from '../migrate.ts';

/**
 * The sync outbox (docs/architecture.md §4). Every write that must reach the hub inserts its row here in
 * the same transaction. `seq` is the per-device monotonic sequence (AUTOINCREMENT never reuses a
 * number, even after deletes). `payload` is the record as of `version`, encrypted with the desk's
 * field cipher, because it holds personal data.
 */
export const outbox: Migration = {
  version: 20,
  name: 'outbox',
  up: (db) => {
    db.exec(`
      CREATE TABLE outbox (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        change_id       TEXT NOT NULL UNIQUE,
        entity          TEXT NOT NULL,
        record_id       TEXT NOT NULL,
        op              TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        version         INTEGER NOT NULL CHECK (version >= 1),
        base_version    INTEGER,
        payload         TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        state           TEXT NOT NULL DEFAULT 'pending'
                        CHECK (state IN ('pending', 'acknowledged', 'rejected', 'conflict')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        last_error      TEXT,
        acknowledged_at TEXT
      ) STRICT;
      CREATE INDEX outbox_by_state ON outbox (state, seq);
      CREATE INDEX outbox_by_record ON outbox (entity, record_id);
    `);
  },
};
