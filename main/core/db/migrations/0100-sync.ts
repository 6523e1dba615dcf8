import type { Migration } from '../migrate.ts';

/**
 * Sync with the hub (issue 5). `sync_state` is one row: the hub, the enrollment (the device token
 * encrypted with the field cipher), the pull cursor, the last success and the last error.
 * `sync_conflicts` keeps the hub's version of each conflicting change (encrypted: it holds personal
 * data) until a person resolves it; this desk's version stays in the outbox. `sync_settlements`
 * says which new change settles which conflict or rejection. `sync_hub_items` is what the hub sent
 * down (operators, site settings, guide packs installed), encrypted because rosters hold names.
 */
export const sync: Migration = {
  version: 100,
  name: 'sync',
  up: (db) => {
    db.exec(`
      CREATE TABLE sync_state (
        id                 INTEGER PRIMARY KEY CHECK (id = 1),
        hub_url            TEXT,
        device_token       TEXT,
        organisation_id    TEXT,
        organisation_name  TEXT,
        site_id            TEXT,
        site_name          TEXT,
        enrolled_at        TEXT,
        pull_cursor        INTEGER NOT NULL DEFAULT 0,
        last_success_at    TEXT,
        last_error_code    TEXT,
        last_error_message TEXT,
        last_error_at      TEXT
      ) STRICT;
      INSERT INTO sync_state (id) VALUES (1);

      CREATE TABLE sync_conflicts (
        change_id      TEXT PRIMARY KEY NOT NULL,
        detail         TEXT NOT NULL,
        theirs_version INTEGER NOT NULL,
        theirs_op      TEXT NOT NULL CHECK (theirs_op IN ('upsert', 'delete')),
        theirs_payload TEXT NOT NULL,
        detected_at    TEXT NOT NULL,
        resolved_at    TEXT,
        resolution     TEXT
      ) STRICT;

      CREATE TABLE sync_settlements (
        change_id  TEXT PRIMARY KEY NOT NULL,
        settles    TEXT NOT NULL,
        action     TEXT NOT NULL CHECK (action IN ('retry', 'mine', 'theirs', 'fields'))
      ) STRICT;

      CREATE TABLE sync_hub_items (
        kind        TEXT NOT NULL,
        key         TEXT NOT NULL,
        deleted     INTEGER NOT NULL,
        payload     TEXT NOT NULL,
        cursor      INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (kind, key)
      ) STRICT;
    `);
  },
};
