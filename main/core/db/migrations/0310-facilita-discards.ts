import type { Migration } from '../migrate.ts';

/**
 * Facilita's discard report ("Report righe scartate"), imported against the export it answers:
 * one row per service Facilita refused, with its reason, the record's version when the report came
 * (an edit since then is the fix), and the rectification export that sent it again.
 * `rectifies` marks an export holding only discarded rows, corrected.
 */
export const facilitaDiscards: Migration = {
  version: 310,
  name: 'facilita-discards',
  up: (db) => {
    db.exec(`
      CREATE TABLE facilita_discards (
        export_id         TEXT NOT NULL REFERENCES facilita_exports (id),
        record_id         TEXT NOT NULL,
        record_kind       TEXT NOT NULL,
        file_name         TEXT NOT NULL,
        row_number        INTEGER NOT NULL,
        reason            TEXT NOT NULL,
        -- Facilita's own sentence, kept as it came (it names no person).
        note              TEXT NOT NULL,
        version_at_import INTEGER NOT NULL,
        imported_at       TEXT NOT NULL,
        resent_export_id  TEXT REFERENCES facilita_exports (id),
        PRIMARY KEY (export_id, record_id)
      ) STRICT;
      CREATE INDEX facilita_discards_by_record ON facilita_discards (record_id);
      ALTER TABLE facilita_exports ADD COLUMN rectifies TEXT REFERENCES facilita_exports (id);
      -- When the last discard report was imported (a report of no discarded row says all were loaded).
      ALTER TABLE facilita_exports ADD COLUMN discards_imported_at TEXT;
    `);
  },
};
