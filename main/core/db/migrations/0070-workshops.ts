import type { Migration } from '../migrate.ts';

/**
 * Workshops (group services) and their rosters. The Facilita rows are derived at export: one per
 * checked-in participant of a closed workshop, from the workshop's shared fields.
 */
export const workshops: Migration = {
  version: 70,
  name: 'workshops',
  up: (db) => {
    db.exec(`
      CREATE TABLE workshops (
        id              TEXT PRIMARY KEY NOT NULL,
        version         INTEGER NOT NULL CHECK (version >= 1),
        trainer_id      TEXT NOT NULL REFERENCES operators (id),
        title           TEXT NOT NULL,
        date            TEXT NOT NULL,
        place           TEXT NOT NULL,
        duration_min    INTEGER NOT NULL CHECK (duration_min > 0),
        se3             TEXT NOT NULL,
        se5             TEXT NOT NULL,
        se6             TEXT NOT NULL,
        details_enc     TEXT,
        state           TEXT NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'closed')),
        created_at      TEXT NOT NULL,
        updated_by      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        deleted_at      TEXT,
        deleted_by      TEXT,
        delete_reason   TEXT,
        exported_at     TEXT,
        synced_version  INTEGER
      ) STRICT;
      CREATE INDEX workshops_history ON workshops (date DESC, id DESC) WHERE deleted_at IS NULL;

      CREATE TABLE workshop_participants (
        id              TEXT PRIMARY KEY NOT NULL,
        version         INTEGER NOT NULL CHECK (version >= 1),
        workshop_id     TEXT NOT NULL REFERENCES workshops (id),
        citizen_id      TEXT NOT NULL REFERENCES citizens (id),
        checked_in_at   TEXT,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        synced_version  INTEGER,
        UNIQUE (workshop_id, citizen_id)
      ) STRICT;
      CREATE INDEX workshop_participants_by_citizen ON workshop_participants (citizen_id);
    `);
  },
};
