import type { Migration } from '../migrate.ts';

/**
 * Operators (who signs in at the desk) and the site (sede) with its rules. The operator's
 * Facilita id is a codice fiscale, so it is stored encrypted; the secret is an scrypt hash.
 * `failed_attempts`/`locked_until` are this desk's sign-in state and are never synced.
 * `synced_version` is set by the sync engine when the hub acknowledges a version.
 */
export const operatorsSite: Migration = {
  version: 40,
  name: 'operators-site',
  up: (db) => {
    db.exec(`
      CREATE TABLE operators (
        id              TEXT PRIMARY KEY NOT NULL,
        version         INTEGER NOT NULL CHECK (version >= 1),
        name            TEXT NOT NULL,
        role            TEXT NOT NULL CHECK (role IN ('facilitator', 'volunteer', 'trainer', 'coordinator')),
        facilita_id_enc TEXT NOT NULL,
        facilita_name   TEXT NOT NULL,
        secret_kind     TEXT NOT NULL CHECK (secret_kind IN ('pin', 'password')),
        secret_hash     TEXT NOT NULL,
        active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until    TEXT,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        synced_version  INTEGER
      ) STRICT;

      CREATE TABLE site (
        id               TEXT PRIMARY KEY NOT NULL,
        singleton        INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
        version          INTEGER NOT NULL CHECK (version >= 1),
        facilita_name    TEXT NOT NULL,
        facilita_id      TEXT NOT NULL,
        ente             TEXT NOT NULL,
        province         TEXT NOT NULL,
        project_start    TEXT NOT NULL,
        project_end      TEXT NOT NULL,
        cutoff_date      TEXT,
        allow_minors     INTEGER NOT NULL CHECK (allow_minors IN (0, 1)),
        backdate_days    INTEGER NOT NULL,
        idle_minutes     INTEGER NOT NULL,
        retention_months INTEGER NOT NULL,
        demo             INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
        updated_at       TEXT NOT NULL,
        synced_version   INTEGER
      ) STRICT;
    `);
  },
};
